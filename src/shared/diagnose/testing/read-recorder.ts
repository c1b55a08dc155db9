/**
 * A ClusterView that records which resources a rule reads (rules-reads.test.ts): every view method names the
 * resource its answer comes from. A view method this file does not know fails loudly, so a new index cannot be
 * read around the check. `get` of the rule's own subject is not a read of a neighbour.
 */
import type { Resource } from '../../kube/resource-registry';
import type { ClusterView } from '../view';

/** Which resource each ClusterView method answers from; undefined: not an object read (time, sync state). */
export const VIEW_METHOD_RESOURCE: { readonly [M in keyof ClusterView]: Resource | 'by-argument' | undefined } = {
  now: undefined,
  // A kind's sync state changing re-examines everything (a relist marks all): not a neighbour's change.
  kindState: undefined,
  kindStateIn: undefined,
  list: 'by-argument',
  get: 'by-argument',
  defaultClasses: 'storageclasses',
  claimsOfClass: 'persistentvolumeclaims',
  volumesOfClass: 'persistentvolumes',
  volumesClaiming: 'persistentvolumes',
  podsUsingClaim: 'pods',
  podsOnNode: 'pods',
  eventsFor: 'events',
  csiNodesWithDriver: 'csinodes',
  attachmentsOfVolume: 'volumeattachments',
  leasesNamed: 'leases',
  podsRunningProvisioner: 'pods',
};

export interface ReadRecorder {
  view: ClusterView;
  /** Resources read since the last `take`, cleared by it. */
  take(): Set<Resource>;
  /** Runs `run` without recording (work the rule delegates, such as provisioner health, declared on its own). */
  paused<T>(run: () => T): T;
}

/** Wraps `view`; `self` is the subject being diagnosed (its own `get` is not recorded). */
export function recordReads(view: ClusterView, self: () => { kind: Resource; name: string; namespace?: string } | undefined): ReadRecorder {
  let read = new Set<Resource>();
  let pause = 0;
  const wrapped = new Proxy(view, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!(property in VIEW_METHOD_RESOURCE)) throw new Error(`read-recorder: ClusterView.${String(property)} is not mapped to a resource`);
      const resource = VIEW_METHOD_RESOURCE[property as keyof ClusterView];
      return (...args: unknown[]) => {
        if (pause === 0 && resource !== undefined) {
          if (resource !== 'by-argument') read.add(resource);
          else {
            const [kind, name, namespace] = args as [Resource, string | undefined, string | undefined];
            const subject = self();
            const own = property === 'get' && subject && subject.kind === kind && subject.name === name && (subject.namespace ?? '') === (namespace ?? '');
            if (!own) read.add(kind);
          }
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    view: wrapped,
    take() {
      const out = read;
      read = new Set();
      return out;
    },
    paused<T>(run: () => T): T {
      pause += 1;
      try {
        return run();
      } finally {
        pause -= 1;
      }
    },
  };
}

/**
 * A ClusterView over plain arrays of objects, for unit tests of the rules. Linear scans are fine here;
 * the store implements the same interface with indices.
 */
import type { ObjectsByKind } from '../kube/by-kind';
import type { Kind } from '../kube/kinds';
import type { PersistentVolumeClaim, Pod } from '../kube/objects';
import type { KindSyncState } from '../model/status';
import { eventMillis } from './objects';
import { claimClassName, type ClusterView } from './view';

export type FixtureObjects = { [K in Kind]?: ObjectsByKind[K][] };

export interface FixtureOptions {
  /** "Now" as ISO time; defaults to FIXTURE_NOW. */
  now?: string;
  /** Kinds that are not 'synced' (e.g. leases: 'forbidden'). */
  states?: Partial<Record<Kind, KindSyncState>>;
}

/** The time fixtures are written against. */
export const FIXTURE_NOW = '2026-11-28T10:00:00Z';

function claimNamesOfPod(pod: Pod): string[] {
  const podName = pod.metadata?.name ?? '';
  return (pod.spec?.volumes ?? []).flatMap((v) => {
    if (v.persistentVolumeClaim?.claimName) return [v.persistentVolumeClaim.claimName];
    // Generic ephemeral volumes: the claim is named <pod>-<volume> (k8s.io/component-helpers/storage/ephemeral).
    if (v.ephemeral) return [`${podName}-${v.name ?? ''}`];
    return [];
  });
}

export function fixtureView(objects: FixtureObjects, options: FixtureOptions = {}): ClusterView {
  const now = Date.parse(options.now ?? FIXTURE_NOW);
  const all = <K extends Kind>(kind: K): ObjectsByKind[K][] => (objects[kind] ?? []) as ObjectsByKind[K][];
  const inNs = <K extends Kind>(kind: K, namespace?: string) =>
    all(kind).filter((o) => namespace === undefined || o.metadata?.namespace === namespace);

  return {
    now: () => now,
    kindState: (kind) => options.states?.[kind] ?? 'synced',
    list: (kind, namespace) => inNs(kind, namespace),
    get: (kind, name, namespace) =>
      all(kind).find((o) => o.metadata?.name === name && (namespace === undefined || o.metadata?.namespace === namespace)),
    defaultClasses: () =>
      all('storageclasses').filter(
        (c) =>
          c.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
          c.metadata?.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true',
      ),
    claimsOfClass: (className) => all('persistentvolumeclaims').filter((c: PersistentVolumeClaim) => claimClassName(c) === className),
    volumesOfClass: (className) => all('persistentvolumes').filter((v) => (v.spec?.storageClassName ?? '') === className),
    volumesClaiming: (namespace, claimName) =>
      all('persistentvolumes').filter((v) => v.spec?.claimRef?.namespace === namespace && v.spec?.claimRef?.name === claimName),
    podsUsingClaim: (namespace, claimName) => inNs('pods', namespace).filter((p) => claimNamesOfPod(p).includes(claimName)),
    podsOnNode: (nodeName) => all('pods').filter((p) => p.spec?.nodeName === nodeName),
    eventsFor: (objectKind, name, namespace) =>
      all('events')
        .filter(
          (e) =>
            e.involvedObject?.kind === objectKind &&
            e.involvedObject?.name === name &&
            (e.involvedObject?.namespace ?? undefined) === (namespace ?? undefined),
        )
        .sort((a, b) => (eventMillis(b) ?? 0) - (eventMillis(a) ?? 0)),
    csiNodesWithDriver: (driver) => all('csinodes').filter((n) => (n.spec?.drivers ?? []).some((d) => d.name === driver)),
    attachmentsOfVolume: (pvName) => all('volumeattachments').filter((a) => a.spec?.source?.persistentVolumeName === pvName),
    leasesNamed: (name) => all('leases').filter((l) => l.metadata?.name === name),
  };
}

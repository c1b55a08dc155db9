/**
 * A ClusterView over plain arrays of objects, for unit tests of the rules (and quick benchmarks). It keeps
 * a few maps built on first use; the store implements the same interface with indices kept up to date.
 */
import type { ObjectsByResource } from '../../kube/by-resource';
import type { Resource } from '../../kube/resource-registry';
import type { KubeEvent, KubeObject, Pod } from '../../kube/objects';
import type { KindSyncState } from '../../model/status';
import { eventMillis } from '../object-helpers';
import { claimClassName, type ClusterView } from '../view';
import { mentionKey, provisionerPodKeys, sidecarKey } from '../provisioner-pods';

export type FixtureObjects = { [K in Resource]?: ObjectsByResource[K][] };

export interface FixtureOptions {
  /** "Now" as ISO time; defaults to FIXTURE_NOW. */
  now?: string;
  /** Kinds that are not 'synced' (e.g. leases: 'forbidden'). */
  states?: Partial<Record<Resource, KindSyncState>>;
  /** For a namespace-limited user: the only namespaces a kind is readable in (the others are 'forbidden'). */
  readableIn?: Partial<Record<Resource, string[]>>;
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

function groupBy<T>(items: readonly T[], keys: (item: T) => string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
  }
  return out;
}

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const nsName = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

export function fixtureView(objects: FixtureObjects, options: FixtureOptions = {}): ClusterView {
  const now = Date.parse(options.now ?? FIXTURE_NOW);
  const all = <K extends Resource>(kind: K): ObjectsByResource[K][] => (objects[kind] ?? []) as ObjectsByResource[K][];
  const byKey = new Map<Resource, () => Map<string, KubeObject[]>>();
  const keyed = (kind: Resource) => {
    let index = byKey.get(kind);
    if (!index) {
      index = lazy(() => groupBy<KubeObject>(all(kind), (o) => [nsName(o), `/${o.metadata?.name ?? ''}`]));
      byKey.set(kind, index);
    }
    return index();
  };
  const podsByClaim = lazy(() => groupBy(all('pods'), (p) => claimNamesOfPod(p).map((c) => `${p.metadata?.namespace ?? ''}/${c}`)));
  // The store's index keys (provisioner-pods.ts), so rule tests find a provisioner's pods the way the store does.
  const podsByProvisionerKey = lazy(() => groupBy(all('pods'), provisionerPodKeys));
  const claimsByClass = lazy(() => groupBy(all('persistentvolumeclaims'), (c) => { const cls = claimClassName(c); return cls === undefined ? [] : [cls]; }));
  const eventsByObject = lazy(() =>
    groupBy(all('events'), (e: KubeEvent) => [`${e.involvedObject?.kind ?? ''}/${e.involvedObject?.namespace ?? ''}/${e.involvedObject?.name ?? ''}`]),
  );

  return {
    now: () => now,
    kindState: (kind) => options.states?.[kind] ?? 'synced',
    kindStateIn: (kind, namespace) => {
      const readable = options.readableIn?.[kind];
      return readable && !readable.includes(namespace) ? 'forbidden' : options.states?.[kind] ?? 'synced';
    },
    list: (kind, namespace) => (namespace === undefined ? all(kind) : all(kind).filter((o) => o.metadata?.namespace === namespace)),
    get: (kind, name, namespace) => keyed(kind).get(namespace === undefined ? `/${name}` : `${namespace}/${name}`)?.[0] as never,
    defaultClasses: () =>
      all('storageclasses').filter(
        (c) =>
          c.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
          c.metadata?.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true',
      ),
    claimsOfClass: (className) => claimsByClass().get(className) ?? [],
    volumesOfClass: (className) => all('persistentvolumes').filter((v) => (v.spec?.storageClassName ?? '') === className),
    volumesClaiming: (namespace, claimName) =>
      all('persistentvolumes').filter((v) => v.spec?.claimRef?.namespace === namespace && v.spec?.claimRef?.name === claimName),
    podsUsingClaim: (namespace, claimName) => podsByClaim().get(`${namespace}/${claimName}`) ?? [],
    podsOnNode: (nodeName) => all('pods').filter((p) => p.spec?.nodeName === nodeName),
    eventsFor: (objectKind, name, namespace) =>
      [...(eventsByObject().get(`${objectKind}/${namespace ?? ''}/${name}`) ?? [])].sort((a, b) => (eventMillis(b) ?? 0) - (eventMillis(a) ?? 0)),
    csiNodesWithDriver: (driver) => all('csinodes').filter((n) => (n.spec?.drivers ?? []).some((d) => d.name === driver)),
    attachmentsOfVolume: (pvName) => all('volumeattachments').filter((a) => a.spec?.source?.persistentVolumeName === pvName),
    leasesNamed: (name) => all('leases').filter((l) => l.metadata?.name === name),
    podsRunningProvisioner: (name, leaseNamespace) => {
      const found = new Set([...(podsByProvisionerKey().get(mentionKey(name)) ?? [])]);
      if (leaseNamespace !== undefined) for (const p of podsByProvisionerKey().get(sidecarKey(leaseNamespace)) ?? []) found.add(p);
      return [...found];
    },
  };
}

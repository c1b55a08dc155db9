/**
 * Churn for the soak: creates, updates and deletes claims, volumes and pods across a set of namespaces at a
 * steady rate, around a fixed population per kind so that memory can be compared over time (a store that grows
 * because the cluster grew is not a leak). Writes go straight to the lab, never through the app's proxy, and a
 * write the API server refuses or cannot take (it is restarting) is counted and the churn goes on.
 */
import fc from 'fast-check';
import type { KubeClient } from '../cluster/kube';

export type ChurnKind = 'persistentvolumeclaims' | 'persistentvolumes' | 'pods';

export interface ChurnCounts {
  /** Writes the API server accepted, by verb. */
  created: number;
  updated: number;
  deleted: number;
  /** Writes that failed (connection refused while restarting, 404 of a name already gone, 409...). */
  failed: number;
}

export interface ChurnOptions {
  namespaces: string[];
  /** Objects of each kind kept alive around which the churn moves (claims and pods per namespace, volumes overall). */
  population: { claimsPerNamespace: number; podsPerNamespace: number; volumes: number };
  /** Seeded random numbers in [0, 1). */
  random: () => number;
  /** A class no provisioner serves, so claims stay Pending and the diagnosis has work to do. */
  className: string;
}

/** A name of this churn: `soak-<kind>-<n>`, unique for the run. */
let serial = 0;
const nextName = (prefix: string): string => `soak-${prefix}-${(serial += 1)}`;

interface Live {
  claims: Map<string, string[]>;
  pods: Map<string, string[]>;
  volumes: string[];
}

/** Drives the churn; `step()` makes one change, chosen so that each population hovers around its target. */
export class Churn {
  readonly counts: ChurnCounts = { created: 0, updated: 0, deleted: 0, failed: 0 };
  private readonly live: Live;

  constructor(
    private readonly client: KubeClient,
    private readonly options: ChurnOptions,
  ) {
    this.live = { claims: new Map(options.namespaces.map((ns) => [ns, []])), pods: new Map(options.namespaces.map((ns) => [ns, []])), volumes: [] };
  }

  /** Creates the namespaces and the starting population (not counted as churn). */
  async seed(): Promise<void> {
    for (const ns of this.options.namespaces) {
      await this.client.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
    const { claimsPerNamespace, podsPerNamespace, volumes } = this.options.population;
    for (const ns of this.options.namespaces) {
      for (let i = 0; i < claimsPerNamespace; i++) await this.create('persistentvolumeclaims', ns);
      for (let i = 0; i < podsPerNamespace; i++) await this.create('pods', ns);
    }
    for (let i = 0; i < volumes; i++) await this.create('persistentvolumes');
    this.counts.created = 0;
    this.counts.failed = 0;
  }

  /** One change: a create below the target population, a delete above it, otherwise any of the three. */
  async step(): Promise<void> {
    const r = this.options.random;
    const kinds: ChurnKind[] = ['persistentvolumeclaims', 'persistentvolumes', 'pods'];
    const kind = kinds[Math.floor(r() * kinds.length)]!;
    const ns = kind === 'persistentvolumes' ? undefined : this.options.namespaces[Math.floor(r() * this.options.namespaces.length)]!;
    const names = this.namesOf(kind, ns);
    const target = kind === 'persistentvolumes' ? this.options.population.volumes : kind === 'pods' ? this.options.population.podsPerNamespace : this.options.population.claimsPerNamespace;
    const roll = r();
    if (names.length < target * 0.8 || (names.length <= target * 1.2 && roll < 0.3)) await this.create(kind, ns);
    else if (names.length > target * 1.2 || roll < 0.6) await this.remove(kind, names, ns);
    else await this.update(kind, names, ns);
  }

  private namesOf(kind: ChurnKind, ns: string | undefined): string[] {
    if (kind === 'persistentvolumes') return this.live.volumes;
    return (kind === 'pods' ? this.live.pods : this.live.claims).get(ns!)!;
  }

  private collection(kind: ChurnKind, ns?: string): string {
    return kind === 'persistentvolumes' ? '/api/v1/persistentvolumes' : `/api/v1/namespaces/${ns}/${kind}`;
  }

  private manifest(kind: ChurnKind, name: string, ns?: string): unknown {
    const labels = { 'kse.test/soak': 'yes' };
    if (kind === 'persistentvolumeclaims') {
      return {
        apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: ns, labels },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${1 + Math.floor(this.options.random() * 9)}Gi` } }, storageClassName: this.options.className },
      };
    }
    if (kind === 'persistentvolumes') {
      return {
        apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, labels },
        spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'soak-static', persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: `/tmp/kse-soak/${name}` } },
      };
    }
    // Half the pods mount one of their namespace's claims (Pending, so the pod stays unschedulable with events).
    const claims = this.live.claims.get(ns!) ?? [];
    const claim = claims.length > 0 && this.options.random() < 0.5 ? claims[Math.floor(this.options.random() * claims.length)] : undefined;
    return {
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels },
      spec: {
        containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumes: [claim ? { name: 'data', persistentVolumeClaim: { claimName: claim } } : { name: 'data', emptyDir: {} }],
      },
    };
  }

  private async create(kind: ChurnKind, ns?: string): Promise<void> {
    const name = nextName(kind === 'persistentvolumeclaims' ? 'claim' : kind === 'persistentvolumes' ? 'volume' : 'pod');
    try {
      await this.client.create(this.collection(kind, ns), this.manifest(kind, name, ns));
      this.namesOf(kind, ns).push(name);
      this.counts.created += 1;
    } catch {
      this.counts.failed += 1;
    }
  }

  private async update(kind: ChurnKind, names: string[], ns?: string): Promise<void> {
    const name = names[Math.floor(this.options.random() * names.length)];
    if (!name) return;
    try {
      await this.client.mergePatch(`${this.collection(kind, ns)}/${name}`, { metadata: { labels: { 'kse.test/round': String(Math.floor(this.options.random() * 1e6)) } } });
      this.counts.updated += 1;
    } catch {
      this.counts.failed += 1;
    }
  }

  private async remove(kind: ChurnKind, names: string[], ns?: string): Promise<void> {
    const index = Math.floor(this.options.random() * names.length);
    const name = names[index];
    if (!name) return;
    try {
      // Pods on fake nodes have no kubelet to confirm termination: delete them at once, as `--grace-period=0 --force`.
      await this.client.delete(`${this.collection(kind, ns)}/${name}${kind === 'pods' ? '?gracePeriodSeconds=0' : ''}`);
      names.splice(index, 1);
      this.counts.deleted += 1;
    } catch {
      this.counts.failed += 1;
    }
  }
}

/**
 * Seeded random numbers in [0, 1) from fast-check (already the project's property-testing library): the same
 * seed gives the same churn and the same fault times. `count` numbers are drawn up front and then reused in turn.
 */
export function seededRandom(seed: number, count = 50_000): () => number {
  const values = fc.sample(fc.noBias(fc.integer({ min: 0, max: 0x7fffffff })), { seed, numRuns: count });
  let i = 0;
  return () => values[(i += 1) % values.length]! / 0x80000000;
}

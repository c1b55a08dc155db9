/**
 * Operations on a running lab that need only its API or etcd endpoint: compacting etcd, applying the lesson
 * scenarios, and removing the hostPath volume dirs the in-tree provisioner left. lab.ts wires them into the Lab
 * handle; keeping them here leaves lab.ts to process start-up and supervision.
 */
import { rmSync } from 'node:fs';
import { CSI_DRIVER_NAME } from './csi';
import { applyAll, loadScenarios } from './bootstrap';
import type { KubeClient } from './kube';

/** Polls `probe` until it returns a value (not undefined/null/false), or throws after `ms` (lab.ts's waitFor). */
export type LabWaitFor = <T>(what: string, probe: () => Promise<T | undefined>, ms?: number) => Promise<T>;

/**
 * Compacts etcd physically at its current revision through its gRPC gateway (/v3/kv/range, /v3/kv/compaction):
 * watches and lists at older resourceVersions then answer 410 Gone. Returns the revision.
 * Throws when etcd answers an HTTP error or does not answer within 15 s.
 */
export async function compactEtcdNow(etcdEndpoint: string, log: (line: string) => void): Promise<number> {
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${etcdEndpoint}${path}`, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    if (!r.ok) throw new Error(`etcd ${path}: HTTP ${r.status} ${await r.text()}`);
    return (await r.json()) as { header: { revision: string } };
  };
  const range = await post('/v3/kv/range', { key: Buffer.from('/registry').toString('base64'), limit: 1 });
  const revision = Number(range.header.revision);
  await post('/v3/kv/compaction', { revision: String(revision), physical: true });
  log(`[lab] etcd compacted at revision ${revision}`);
  return revision;
}

/**
 * Applies the lesson scenarios of e2e/scenarios (server-side apply, idempotent), or only those named. Without CSI
 * the scenarios that need it (snapshot objects, the lab's CSI driver) are left out. A scenario's then/ step is
 * applied once the claims it names are Bound (60 s each, then waitFor throws).
 */
export async function seedLabScenarios(
  admin: KubeClient,
  o: { only?: string[]; csiEnabled: boolean; waitFor: LabWaitFor; log: (line: string) => void },
): Promise<void> {
  const needsCsi = (objects: { apiVersion?: string }[]) =>
    objects.some((x) => x.apiVersion?.startsWith('snapshot.storage.k8s.io/') || (x as { provisioner?: string }).provisioner === CSI_DRIVER_NAME);
  const scenarios = loadScenarios().filter((s) => (!o.only || o.only.includes(s.name)) && (o.csiEnabled || !needsCsi(s.objects)));
  for (const s of scenarios) await applyAll(admin, s.objects);
  for (const s of scenarios.filter((x) => x.then.length > 0)) {
    const claims = s.objects.filter((c) => c.kind === 'PersistentVolumeClaim' && s.then.some((t) => t.kind === c.kind && t.metadata.name === c.metadata.name));
    for (const c of claims) {
      const path = `/api/v1/namespaces/${c.metadata.namespace}/persistentvolumeclaims/${c.metadata.name}`;
      await o.waitFor(`claim ${c.metadata.namespace}/${c.metadata.name} Bound before scenario ${s.name}/then`, async () =>
        (await admin.get(path)).status?.phase === 'Bound' || undefined, 60_000);
    }
    await applyAll(admin, s.then);
  }
  o.log('[lab] scenarios applied');
}

/**
 * Removes the dirs the in-tree hostPath provisioner made under /tmp/hostpath_pv (its path is fixed upstream, so
 * they outlive the lab's data dir). Best effort: the apiserver may already be gone, and then nothing is removed.
 */
export async function removeHostPathVolumeDirs(admin: KubeClient): Promise<void> {
  try {
    const pvs = await admin.list('/api/v1/persistentvolumes');
    for (const pv of pvs.items) {
      const p: string | undefined = pv.spec?.hostPath?.path;
      if (p?.startsWith('/tmp/hostpath_pv/') && pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by'] === 'kubernetes.io/host-path') {
        rmSync(p, { recursive: true, force: true });
      }
    }
  } catch {
    // best effort
  }
}

/**
 * Captures real objects from the lab for test fixtures (GUIDE §2.7): storage classes, PVs, and per scenario
 * namespace the claims, pods, events (core and events.k8s.io), plus leases, CSIDrivers and CSINodes, as JSON; with
 * the CSI side running (lab:up), VolumeAttachments and the snapshot objects too.
 *
 *   npx tsx e2e/cluster/capture.ts <out-dir>      # uses the lab from `npm run lab:up`, or starts one (seeded)
 *
 * managedFields are stripped; everything else is as the apiserver returned it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadScenarios } from './bootstrap';
import { readState } from './cli';
import { KubeClient } from './kube';
import { startLab, type Lab } from './lab';

const strip = (list: { items: any[] }) => {
  for (const o of list.items) delete o.metadata?.managedFields;
  return list;
};

export async function capture(client: KubeClient, outDir: string): Promise<string[]> {
  const written: string[] = [];
  const save = async (name: string, path: string) => {
    const file = join(outDir, `${name}.json`);
    writeFileSync(file, JSON.stringify(strip(await client.get(path)), null, 2) + '\n');
    written.push(file);
  };
  /** The snapshot API is served only with the CSI side (its CRDs): skip what is not served. */
  const saveIfServed = async (name: string, path: string) => {
    const r = await client.raw('GET', path);
    if (r.status === 404) return;
    await save(name, path);
  };
  mkdirSync(outDir, { recursive: true });
  await save('storageclasses', '/apis/storage.k8s.io/v1/storageclasses');
  await save('persistentvolumes', '/api/v1/persistentvolumes');
  await save('csidrivers', '/apis/storage.k8s.io/v1/csidrivers');
  await save('csinodes', '/apis/storage.k8s.io/v1/csinodes');
  await save('nodes', '/api/v1/nodes');
  await save('leases', '/apis/coordination.k8s.io/v1/leases');
  await save('volumeattachments', '/apis/storage.k8s.io/v1/volumeattachments');
  await saveIfServed('volumesnapshotclasses', '/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses');
  await saveIfServed('volumesnapshotcontents', '/apis/snapshot.storage.k8s.io/v1/volumesnapshotcontents');
  const namespaces = new Set(loadScenarios().flatMap((s) => s.objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)));
  for (const ns of namespaces) {
    await save(`${ns}.persistentvolumeclaims`, `/api/v1/namespaces/${ns}/persistentvolumeclaims`);
    await save(`${ns}.pods`, `/api/v1/namespaces/${ns}/pods`);
    await save(`${ns}.events`, `/api/v1/namespaces/${ns}/events`);
    await save(`${ns}.events.k8s.io`, `/apis/events.k8s.io/v1/namespaces/${ns}/events`);
    await saveIfServed(`${ns}.volumesnapshots`, `/apis/snapshot.storage.k8s.io/v1/namespaces/${ns}/volumesnapshots`);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: capture.ts <out-dir>');
    process.exit(2);
  }
  let lab: Lab | undefined;
  let client: KubeClient;
  const state = readState();
  if (state?.status === 'ready' && state.kubeconfigPath) {
    const kc = parse(readFileSync(state.kubeconfigPath, 'utf8'));
    const admin = kc.users.find((u: any) => u.name === 'lab-admin');
    client = new KubeClient(kc.clusters[0].cluster.server, admin.user.token, Buffer.from(kc.clusters[0].cluster['certificate-authority-data'], 'base64').toString());
  } else {
    lab = await startLab({ seedScenarios: true, csi: true });
    // let the controllers and the init-container driver settle
    await new Promise((r) => setTimeout(r, 30_000));
    client = lab.client('admin');
  }
  try {
    const files = await capture(client, out);
    console.log(`captured ${files.length} files into ${out}`);
  } finally {
    client.close();
    await lab?.stop();
  }
}

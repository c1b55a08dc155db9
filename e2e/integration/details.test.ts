/**
 * The details panel's data on the real lab (seeded with the lesson scenarios), read through the app's pipeline
 * (live context -> reflectors -> ClusterStore -> getObject), against what kubectl says about the same objects:
 * - the YAML is what `kubectl get -o yaml` prints: the same data, the keys in the same order at every level, and
 *   for these objects the same text;
 * - the Summary's values are the cluster's, verbatim;
 * - Related shows the chain of a bound claim (pod, volume, class, provisioner, node) and the volume that almost
 *   fits a Pending claim, as the PV controller would see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startLab, type Lab } from '../cluster/lab';
import type { KubeObject } from '../cluster/kube';
import type { ObjectDetail } from '../../src/shared/model/detail';
import type { ObjectRef } from '../../src/shared/model/refs';
import { claimRef, classRef, openLive, until, volumeRef, type LiveCluster } from './diagnose/live';

let lab: Lab;
let live: LiveCluster;

beforeAll(async () => {
  lab = await startLab({ seedScenarios: true, log: () => undefined });
  live = await openLive(lab);
  // The WaitForFirstConsumer claim and the external one settle a moment after seeding.
  await until('lab-dynamic/data bound', () => live.store.get('persistentvolumeclaims', 'data', 'lab-dynamic')?.status?.phase === 'Bound', 60_000);
});

afterAll(async () => {
  await live?.close();
  await lab?.stop();
});

/** kubectl's view of an object: its YAML text and that text's data. */
async function kubectlYaml(args: string[]): Promise<{ text: string; data: KubeObject }> {
  const out = await lab.kubectl(['get', ...args, '-o', 'yaml']);
  expect(out.code, out.stderr).toBe(0);
  return { text: out.stdout, data: parse(out.stdout, { schema: 'yaml-1.1' }) as KubeObject };
}

/** The key order of every map, depth first: "path: key,key,...". */
function keyOrder(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyOrder(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const entries = Object.entries(value);
  return [`${path || '.'}: ${entries.map(([k]) => k).join(',')}`, ...entries.flatMap(([k, v]) => keyOrder(v, `${path}.${k}`))];
}

/** The app's detail of an object once the store holds the resourceVersion kubectl just read. */
async function detailAt(ref: ObjectRef, resourceVersion: string | undefined): Promise<ObjectDetail> {
  return until(`${ref.kind} ${ref.name} at resourceVersion ${resourceVersion}`, () => {
    const detail = live.store.getObject(ref);
    return (detail?.object as KubeObject | undefined)?.metadata?.resourceVersion === resourceVersion ? detail : undefined;
  });
}

describe('YAML as kubectl prints it', () => {
  const cases: [string, string[], ObjectRef][] = [
    ['a Pending claim', ['pvc', 'missing-class', '-n', 'lab-stuck'], claimRef('lab-stuck', 'missing-class')],
    ['a StorageClass (allowVolumeExpansion and parameters come before apiVersion, as kubectl sorts them)', ['storageclass', 'lab-external-broken'], classRef('lab-external-broken')],
    ['a static volume', ['pv', 'lab-near-miss-pv'], volumeRef('lab-near-miss-pv')],
    ['a pod', ['pod', 'db', '-n', 'lab-dynamic'], { kind: 'pods', namespace: 'lab-dynamic', name: 'db' }],
  ];
  it.each(cases)('%s: the same data, keys in the same order at every level, the same text', async (_what, args, ref) => {
    const kubectl = await kubectlYaml(args);
    const detail = await detailAt(ref, kubectl.data.metadata?.resourceVersion);
    const ours = parse(detail.yaml, { schema: 'yaml-1.1' }) as KubeObject;
    // kubectl hides managedFields (--show-managed-fields=false), the app drops them on arrival.
    expect(ours).toEqual(kubectl.data);
    expect(keyOrder(ours)).toEqual(keyOrder(kubectl.data));
    // And line for line: quoting and indentation as yaml.v2 writes them (these objects hold no line past 80
    // columns, which yaml.v2 would fold and the app leaves whole).
    expect(detail.yaml).toBe(kubectl.text);
  });
});

describe('the Summary holds the cluster values verbatim', () => {
  it('of the Pending claim lab-stuck/missing-class', async () => {
    const { data } = await kubectlYaml(['pvc', 'missing-class', '-n', 'lab-stuck']);
    const detail = await detailAt(claimRef('lab-stuck', 'missing-class'), data.metadata?.resourceVersion);
    const spec = data.spec as { resources: { requests: { storage: string } }; accessModes: string[]; storageClassName: string; volumeMode: string };
    const field = (id: string) => detail.summary.find((f) => f.id === id)?.value;
    expect(field('phase')).toEqual({ type: 'text', text: (data.status as { phase: string }).phase });
    expect(field('requested')).toEqual({ type: 'text', text: spec.resources.requests.storage });
    expect(field('accessModes')).toEqual({ type: 'list', items: spec.accessModes });
    expect(field('volumeMode')).toEqual({ type: 'text', text: spec.volumeMode });
    expect(field('storageClass')).toEqual({ type: 'refs', refs: [{ ref: { kind: 'storageclasses', name: spec.storageClassName }, missing: true }] });
    expect(field('finalizers')).toEqual({ type: 'list', items: data.metadata?.finalizers });
    expect(field('age')).toEqual({ type: 'time', at: data.metadata?.creationTimestamp });
  });
});

describe('Related shows the chain', () => {
  it('of a bound claim: its pod, volume, class, provisioner and the node the pod runs on', async () => {
    const claim = (await kubectlYaml(['pvc', 'data', '-n', 'lab-dynamic'])).data as KubeObject & { spec: { volumeName: string; storageClassName: string } };
    const pod = (await kubectlYaml(['pod', 'db', '-n', 'lab-dynamic'])).data as KubeObject & { spec: { nodeName: string } };
    const sc = (await kubectlYaml(['storageclass', claim.spec.storageClassName])).data as KubeObject & { provisioner: string };
    const related = live.store.getObject(claimRef('lab-dynamic', 'data'))?.related ?? [];
    const lines = related.map((r) => `${r.relation} ${r.ref.namespace ? `${r.ref.namespace}/` : ''}${r.ref.name}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'mounted-by lab-dynamic/db',
        `bound-volume ${claim.spec.volumeName}`,
        `storage-class ${claim.spec.storageClassName}`,
        `provisioner ${sc.provisioner}`,
        `pod-node ${pod.spec.nodeName}`,
      ]),
    );
    // In chain order: pods, then the volume, the class, the provisioner, the node.
    const order = ['mounted-by', 'bound-volume', 'storage-class', 'provisioner', 'pod-node'].map((rel) => related.findIndex((r) => r.relation === rel));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('of a Pending claim too big for the only static volume: that volume almost fits, by size', async () => {
    const related = live.store.getObject(claimRef('lab-stuck', 'too-big-for-pv'))?.related ?? [];
    expect(related.find((r) => r.relation === 'near-miss-volume' && r.ref.name === 'lab-near-miss-pv')?.differences).toEqual(['size']);
  });
});

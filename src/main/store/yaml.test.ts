import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareKubectlKeys, kubectlKeyLess, toKubectlYaml } from './yaml';

/** Keys of every map in document order, depth first, as "path: key,key,...". */
function keyOrder(text: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      out.push(`${path || '.'}: ${Object.keys(value).join(',')}`);
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    }
  };
  walk(parse(text, { schema: 'yaml-1.1' }), '');
  return out;
}

// A claim as the demo recording stores it: metadata first, kind and apiVersion last (added on arrival).
const claim = {
  metadata: {
    name: 'missing-class',
    namespace: 'lab-stuck',
    uid: '7d0c2c1e',
    resourceVersion: '345',
    creationTimestamp: '2026-11-28T03:25:39Z',
    labels: { 'lab.kse.dev/scenario': 'missing-class', app: 'shop' },
    finalizers: ['kubernetes.io/pvc-protection'],
  },
  spec: { storageClassName: 'fast-ssd', volumeMode: 'Filesystem', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  status: { phase: 'Pending' },
  kind: 'PersistentVolumeClaim',
  apiVersion: 'v1',
};

describe('YAML in the order kubectl prints it', () => {
  it('puts apiVersion and kind first, then metadata, spec, status, keys sorted inside', () => {
    expect(toKubectlYaml(claim)).toBe(
      [
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata:',
        '  creationTimestamp: "2026-11-28T03:25:39Z"',
        '  finalizers:',
        '  - kubernetes.io/pvc-protection',
        '  labels:',
        '    app: shop',
        '    lab.kse.dev/scenario: missing-class',
        '  name: missing-class',
        '  namespace: lab-stuck',
        '  resourceVersion: "345"',
        '  uid: 7d0c2c1e',
        'spec:',
        '  accessModes:',
        '  - ReadWriteOnce',
        '  resources:',
        '    requests:',
        '      storage: 1Gi',
        '  storageClassName: fast-ssd',
        '  volumeMode: Filesystem',
        'status:',
        '  phase: Pending',
        '',
      ].join('\n'),
    );
  });

  it('sorts a StorageClass as kubectl does: allowVolumeExpansion comes before apiVersion', () => {
    const sc = { metadata: { name: 'fast' }, provisioner: 'example.com/nfs', reclaimPolicy: 'Delete', allowVolumeExpansion: true, kind: 'StorageClass', apiVersion: 'storage.k8s.io/v1', parameters: { type: 'ssd' } };
    expect(keyOrder(toKubectlYaml(sc))[0]).toBe('.: allowVolumeExpansion,apiVersion,kind,metadata,parameters,provisioner,reclaimPolicy');
  });

  it('keeps list order and sorts the maps inside lists', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'b', image: 'x' }, { name: 'a', image: 'y' }] } };
    const text = toKubectlYaml(pod);
    expect(keyOrder(text)).toContain('.spec.containers[0]: image,name');
    expect(parse(text).spec.containers.map((c: { name: string }) => c.name)).toEqual(['b', 'a']);
  });

  it('quotes values YAML 1.1 would read as another type, as yaml.v2 does', () => {
    const text = toKubectlYaml({ metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true', mode: '0777', on: 'yes' } } });
    expect(text).toContain('storageclass.kubernetes.io/is-default-class: "true"');
    expect(text).toContain('mode: "0777"');
    expect(text).toContain('"on": "yes"');
    // Read back, every value is the string it was.
    expect(parse(text, { schema: 'yaml-1.1' }).metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true', mode: '0777', on: 'yes' });
  });

  it('never folds long values (the viewer wraps them instead)', () => {
    const message = 'failed to provision volume with StorageClass "lab-external-broken": '.repeat(4);
    const text = toKubectlYaml({ message });
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe("yaml.v2's key order (gopkg.in/yaml.v2 sorter.go)", () => {
  it('orders letters by code point: upper case before lower case', () => {
    expect(kubectlKeyLess('Zone', 'apiVersion')).toBe(true);
    expect(kubectlKeyLess('allowVolumeExpansion', 'allowedTopologies')).toBe(true);
  });
  it('puts non-letters before letters', () => {
    expect(kubectlKeyLess('a-b', 'ab')).toBe(true);
    expect(kubectlKeyLess('1a', 'a')).toBe(true);
    expect(kubectlKeyLess('a.b', 'ab')).toBe(true);
  });
  it('compares runs of digits as numbers', () => {
    expect(kubectlKeyLess('item2', 'item10')).toBe(true);
    expect(kubectlKeyLess('item10', 'item2')).toBe(false);
    expect(kubectlKeyLess('v1', 'v1beta1')).toBe(true);
  });
  it('puts a prefix first', () => {
    expect(kubectlKeyLess('spec', 'specs')).toBe(true);
    expect(compareKubectlKeys('same', 'same')).toBe(0);
  });
  it('sorts a mixed set in one consistent order', () => {
    const keys = ['status', 'metadata', 'kind', 'apiVersion', 'spec', 'item10', 'item2', 'a-b', 'ab', 'Ab'];
    expect([...keys].sort(compareKubectlKeys)).toEqual(['Ab', 'a-b', 'ab', 'apiVersion', 'item2', 'item10', 'kind', 'metadata', 'spec', 'status']);
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../shared/kube/objects';
import { validateSnapshot } from '../../shared/snapshot-format';
import { buildSnapshot, describeRedaction, REDACTED, redactObject } from './export-snapshot';
import { scrubArguments, scrubText } from './redact/scrub';

const pod: Pod = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: {
    name: 'db-0',
    namespace: 'shop',
    uid: 'u-1',
    labels: { app: 'db', 'pod-template-hash': '7c9d8f6b5' },
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"spec":{"containers":[{"env":[{"name":"DB_PASSWORD","value":"hunter2"}]}]}}',
      'meta.helm.sh/release-manifest': 'password: hunter2',
      'example.com/owner': 'team-a',
    },
    managedFields: [{ manager: 'kubectl' }],
  } as KubeObject['metadata'],
  spec: {
    initContainers: [{ name: 'init', env: [{ name: 'SEED', value: 'init-secret' }] }],
    containers: [
      {
        name: 'db',
        env: [
          { name: 'DB_PASSWORD', value: 'hunter2' },
          { name: 'PROVISIONER_NAME', value: 'example.com/nfs' },
          { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        ],
        args: ['--port=5432', '--password', 'hunter2', '--api-key=abc', '--secret-key=def', '-token', 'tok-value', '--verbose', '--provisioner=example.com/nfs'],
        command: ['sh', '-c', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY aws s3 ls && curl -H "Authorization: Bearer abc.def.ghi" https://x'],
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }],
      },
    ],
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } },
      { name: 'flex', flexVolume: { driver: 'example/cifs', options: { password: 'flexpass' } } },
    ],
    tolerations: [{ key: 'x' }],
    priorityClassName: 'high',
  } as Pod['spec'],
  status: {
    phase: 'Running',
    containerStatuses: [{ name: 'db', state: { terminated: { exitCode: 1, message: 'login failed for password=hunter2' } } }],
  },
};

const stringify = (value: unknown) => JSON.stringify(value);

describe('redaction by allow-list', () => {
  const redacted = redactObject('pods', pod, ['example.com/nfs']) as Pod;
  const container = redacted.spec?.containers?.[0];

  it('removes every secret the review found in a pod', () => {
    for (const secret of ['hunter2', 'abc', 'def', 'tok-value', 'init-secret', 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY', 'abc.def.ghi', 'flexpass']) {
      expect(stringify(redacted), secret).not.toMatch(new RegExp(`(?<![A-Za-z-])${secret.replace(/\./g, '\\.')}(?![A-Za-z])`));
    }
  });

  it('scrubs secret flags in every argument form and keeps the others', () => {
    expect(container?.args).toEqual(['--port=5432', '--password', REDACTED, `--api-key=${REDACTED}`, `--secret-key=${REDACTED}`, '-token', REDACTED, '--verbose', '--provisioner=example.com/nfs']);
    expect(container?.command?.[2]).toBe(`AWS_SECRET_ACCESS_KEY=${REDACTED} aws s3 ls && curl -H "Authorization: ${REDACTED}" https://x`);
  });

  it('keeps env values only when they name a provisioner of the snapshot; drops fields the app does not read', () => {
    expect(container?.env).toEqual([
      { name: 'DB_PASSWORD', value: REDACTED },
      { name: 'PROVISIONER_NAME', value: 'example.com/nfs' },
      { name: 'FROM_SECRET' },
    ]);
    // Tolerations are read (the scheduling explanation, diagnose/pod-placement.ts); a priority class is not.
    expect(redacted.spec?.tolerations).toEqual([{ key: 'x' }]);
    expect(redacted.spec).not.toHaveProperty('priorityClassName');
    expect(redacted.spec?.volumes?.[1]).toEqual({ name: 'flex', flexVolume: { driver: 'example/cifs' } });
    expect(redacted.metadata).not.toHaveProperty('managedFields');
  });

  it('drops annotations unless the app reads them; keeps labels', () => {
    expect(redacted.metadata?.annotations).toEqual({});
    expect(redacted.metadata?.labels).toEqual(pod.metadata?.labels);
    const claim: KubeObject = { metadata: { name: 'c', annotations: { 'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path', 'volume.kubernetes.io/selected-node': 'node-1', 'other/tool': 'x' } } };
    expect(redactObject('persistentvolumeclaims', claim).metadata?.annotations).toEqual({ 'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path', 'volume.kubernetes.io/selected-node': 'node-1' });
  });

  it('scrubs termination and event messages', () => {
    expect(redacted.status?.containerStatuses?.[0]?.state?.terminated?.message).toBe(`login failed for password=${REDACTED}`);
    const event = redactObject('events', { metadata: { name: 'e', namespace: 'n' }, message: 'pull from https://bob:s3cret@registry.example failed; {"password":"p4ss"}' });
    expect(event['message']).toBe(`pull from https://${REDACTED}@registry.example failed; {"password":"${REDACTED}"}`);
  });

  it('covers class parameters, mount options and VolumeSnapshotClass parameters', () => {
    const storageClass = redactObject('storageclasses', {
      metadata: { name: 'gluster' },
      provisioner: 'kubernetes.io/glusterfs',
      parameters: { restuserkey: 'plain-password', 'csi.storage.k8s.io/provisioner-secret-name': 'gluster-secret', 'csi.storage.k8s.io/provisioner-secret-namespace': 'kube-system', type: 'replicate' },
      mountOptions: ['vers=4.1', 'password=mountpass'],
    });
    expect(storageClass['parameters']).toEqual({ restuserkey: REDACTED, 'csi.storage.k8s.io/provisioner-secret-name': 'gluster-secret', 'csi.storage.k8s.io/provisioner-secret-namespace': 'kube-system', type: 'replicate' });
    expect(storageClass['mountOptions']).toEqual(['vers=4.1', `password=${REDACTED}`]);
    const pv = redactObject('persistentvolumes', { metadata: { name: 'pv' }, spec: { mountOptions: ['username=admin,password=pvpass'], csi: { driver: 'd', volumeHandle: 'h', volumeAttributes: { storagePassword: 'x' }, nodeStageSecretRef: { name: 's' } } } });
    expect(stringify(pv)).not.toContain('pvpass');
    // A Secret's name and namespace are kept (support checks that it exists); volumeAttributes are not.
    expect((pv['spec'] as { csi: unknown }).csi).toEqual({ driver: 'd', volumeHandle: 'h', nodeStageSecretRef: { name: 's' } });
    const snapshotClass = redactObject('volumesnapshotclasses', { metadata: { name: 'c' }, driver: 'd', parameters: { 'csi.storage.k8s.io/snapshotter-secret-name': 's', apiToken: 'tok123' } });
    expect(snapshotClass['parameters']).toEqual({ 'csi.storage.k8s.io/snapshotter-secret-name': 's', apiToken: REDACTED });
  });

  it('never modifies its input, and keeps a hostile "__proto__" key as a plain key', () => {
    const before = stringify(pod);
    redactObject('pods', pod);
    expect(stringify(pod)).toBe(before);
    const hostile = JSON.parse('{"metadata":{"name":"x","labels":{"__proto__":{"polluted":true}}}}') as KubeObject;
    const out = redactObject('nodes', hostile);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(out.metadata?.labels)).toBe(Object.prototype);
  });
});

describe('scrubText and scrubArguments', () => {
  it('leave ordinary messages and commands alone', () => {
    for (const text of [
      'Successfully provisioned volume pvc-3f2c1a8e-9b7d-4e2a-8c1f-0d9e8b7a6c5d',
      'waiting for first consumer to be created before binding',
      '0/3 nodes are available: 1 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available.',
      'MountVolume.SetUp failed for volume "secret-vol" : secret "db-password" not found',
      'Back-off restarting failed container init in pod web-0_default(0a1b2c3d-4e5f-6789-abcd-ef0123456789)',
      'image sha256:4c1e997385b8fb4ad4d1d3c7e5d5a1e2b0c9f8e7d6c5b4a39281706f5e4d3c2b',
    ]) {
      expect(scrubText(text)).toEqual({ text, removed: 0 });
    }
    expect(scrubArguments(['sh', '-c', 'cp -r /src /data && mkdir -p /data/x'])).toEqual({ argv: ['sh', '-c', 'cp -r /src /data && mkdir -p /data/x'], removed: 0 });
  });

  it('catch PEM blocks, JWTs, basic auth, YAML pairs, long random tokens and mysql -p', () => {
    expect(scrubText('key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----').text).not.toContain('MIIE');
    expect(scrubText('token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2ln').text).not.toContain('eyJ');
    expect(scrubText('Authorization: Basic YWRtaW46aHVudGVyMg==').text).not.toContain('YWRt');
    expect(scrubText('db:\n  password: hunter2\n  user: app').text).toBe(`db:\n  password: ${REDACTED}\n  user: app`);
    expect(scrubText('key ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8').text).not.toContain('ghp_');
    expect(scrubArguments(['mysql', '-u', 'root', '-p', 'hunter2']).argv).toEqual(['mysql', '-u', 'root', '-p', REDACTED]);
    expect(scrubText('escaped {\\"password\\":\\"hunter2\\"}').text).not.toContain('hunter2');
  });
});

describe('buildSnapshot', () => {
  it('produces a snapshot that validates, reports removals per path, and says so in one line', () => {
    const snapshot = buildSnapshot({
      context: 'prod',
      serverVersion: 'v1.37.2',
      capturedAt: '2026-11-28T00:00:00.000Z',
      kinds: {
        storageclasses: { state: 'synced', items: [{ metadata: { name: 'nfs' }, provisioner: 'example.com/nfs' } as KubeObject] },
        pods: { state: 'synced', items: [pod] },
        persistentvolumes: { state: 'forbidden', items: [], message: 'no permission' },
        volumesnapshots: { state: 'absent', items: [] },
      },
    });
    expect(snapshot).toMatchObject({ format: 'kse-snapshot', version: 1, context: 'prod', serverVersion: 'v1.37.2', capturedAt: '2026-11-28T00:00:00.000Z' });
    expect(snapshot.kinds.persistentvolumes).toEqual({ state: 'forbidden', items: [], message: 'no permission' });
    expect(stringify(snapshot)).not.toContain('hunter2');
    // The provisioner named by the snapshot's own class is kept where a pod's env names it.
    expect(stringify(snapshot.kinds.pods)).toContain('"value":"example.com/nfs"');
    const removed = (snapshot.redaction as { removed: Record<string, number> }).removed;
    expect(removed['pods: spec.containers[].env[].value']).toBe(1);
    expect(removed['pods: spec.initContainers[].env[].value']).toBe(1);
    expect(removed['pods: metadata.annotations']).toBe(3);
    expect(removed['pods: spec.priorityClassName']).toBe(1);
    expect(describeRedaction(snapshot)).toMatch(/^\d+ values removed \(/);
    const roundTrip = validateSnapshot(JSON.parse(stringify(snapshot)), 'x.json');
    expect(roundTrip.kinds.pods?.items[0]?.metadata?.name).toBe('db-0');
    expect(roundTrip.redaction).toEqual(snapshot.redaction);
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject, PersistentVolume, Pod, StorageClass } from '../../shared/kube/objects';
import { validateSnapshot } from '../../shared/snapshot-format';
import { buildSnapshot, isSecretAnnotation, REDACTED, redactArguments, redactObject } from './export-snapshot';

const pod: Pod = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: {
    name: 'db-0',
    namespace: 'shop',
    uid: 'u-1',
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"spec":{"containers":[{"env":[{"name":"DB_PASSWORD","value":"hunter2"}]}]}}',
      'example.com/api-token': 'abc123',
      'example.com/owner': 'team-a',
      'example.com/webhook': 'https://admin:s3cret@hooks.example.com/x',
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
          { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        ],
        args: ['--port=5432', '--password=hunter2', '--token', 'tok-value', '--verbose'],
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }],
      },
    ],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }],
  },
};

describe('redactObject', () => {
  it('replaces every env value, keeps names and secret references', () => {
    const redacted = redactObject('pods', pod) as Pod;
    const env = redacted.spec?.containers?.[0]?.env;
    expect(env).toEqual([
      { name: 'DB_PASSWORD', value: REDACTED },
      { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
    ]);
    expect(redacted.spec?.initContainers?.[0]?.env?.[0]?.value).toBe(REDACTED);
    expect(JSON.stringify(redacted)).not.toContain('hunter2');
    expect(JSON.stringify(redacted)).not.toContain('init-secret');
  });

  it('redacts secret-looking annotations and the last-applied copy, keeps the others', () => {
    const annotations = redactObject('pods', pod).metadata?.annotations;
    expect(annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration': REDACTED,
      'example.com/api-token': REDACTED,
      'example.com/owner': 'team-a',
      'example.com/webhook': REDACTED,
    });
  });

  it('redacts secret flags in arguments, in both --flag=value and --flag value forms', () => {
    expect((redactObject('pods', pod) as Pod).spec?.containers?.[0]?.args).toEqual(['--port=5432', `--password=${REDACTED}`, '--token', REDACTED, '--verbose']);
  });

  it('keeps what diagnosis needs: volumes, mounts, claim names, storage annotations', () => {
    const redacted = redactObject('pods', pod) as Pod;
    expect(redacted.spec?.volumes).toEqual(pod.spec?.volumes);
    expect(redacted.spec?.containers?.[0]?.volumeMounts).toEqual([{ name: 'data', mountPath: '/var/lib/db' }]);
    const claim: KubeObject = {
      metadata: {
        name: 'c',
        annotations: { 'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path', 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/selected-node': 'node-1' },
      },
    };
    expect(redactObject('persistentvolumeclaims', claim)).toEqual(claim);
  });

  it('drops managedFields and never modifies its input', () => {
    const before = JSON.stringify(pod);
    const redacted = redactObject('pods', pod);
    expect(JSON.stringify(pod)).toBe(before);
    expect(redacted.metadata).not.toHaveProperty('managedFields');
  });

  it('redacts credentials in StorageClass parameters but keeps secret names and namespaces', () => {
    const storageClass: StorageClass = {
      metadata: { name: 'gluster' },
      provisioner: 'kubernetes.io/glusterfs',
      parameters: {
        restuserkey: 'plain-password',
        'csi.storage.k8s.io/provisioner-secret-name': 'gluster-secret',
        'csi.storage.k8s.io/provisioner-secret-namespace': 'kube-system',
        type: 'replicate',
      },
    };
    expect((redactObject('storageclasses', storageClass) as StorageClass).parameters).toEqual({
      restuserkey: REDACTED,
      'csi.storage.k8s.io/provisioner-secret-name': 'gluster-secret',
      'csi.storage.k8s.io/provisioner-secret-namespace': 'kube-system',
      type: 'replicate',
    });
  });

  it('redacts secret-looking CSI volume attributes of PVs', () => {
    const pv: PersistentVolume = { metadata: { name: 'pv' }, spec: { csi: { driver: 'd', volumeHandle: 'h', volumeAttributes: { storagePassword: 'x', pool: 'p' } } as never } };
    const attributes = ((redactObject('persistentvolumes', pv) as PersistentVolume).spec?.csi as { volumeAttributes?: Record<string, string> }).volumeAttributes;
    expect(attributes).toEqual({ storagePassword: REDACTED, pool: 'p' });
  });
});

describe('isSecretAnnotation', () => {
  it('catches JWTs and private keys in values under innocent keys', () => {
    expect(isSecretAnnotation('note', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.sig')).toBe(true);
    expect(isSecretAnnotation('note', '-----BEGIN RSA PRIVATE KEY-----\nMII...')).toBe(true);
    expect(isSecretAnnotation('note', 'db password=hunter2')).toBe(true);
    expect(isSecretAnnotation('note', 'just a note')).toBe(false);
  });
});

describe('redactArguments', () => {
  it('leaves ordinary arguments alone', () => {
    expect(redactArguments(['sh', '-c', 'cp -r /src /data'])).toEqual(['sh', '-c', 'cp -r /src /data']);
  });
});

describe('buildSnapshot', () => {
  it('produces a snapshot that validates, with each kind’s state and redacted items', () => {
    const snapshot = buildSnapshot({
      context: 'prod',
      serverVersion: 'v1.37.2',
      capturedAt: '2026-11-28T00:00:00.000Z',
      kinds: {
        pods: { state: 'synced', items: [pod] },
        persistentvolumes: { state: 'forbidden', items: [], message: 'no permission' },
        volumesnapshots: { state: 'absent', items: [] },
      },
    });
    expect(snapshot).toMatchObject({ format: 'kse-snapshot', version: 1, context: 'prod', serverVersion: 'v1.37.2', capturedAt: '2026-11-28T00:00:00.000Z' });
    expect(snapshot.kinds.persistentvolumes).toEqual({ state: 'forbidden', items: [], message: 'no permission' });
    expect(JSON.stringify(snapshot)).not.toContain('hunter2');
    const roundTrip = validateSnapshot(JSON.parse(JSON.stringify(snapshot)), 'x.json');
    expect(roundTrip.kinds.pods?.items[0]?.metadata?.name).toBe('db-0');
  });
});

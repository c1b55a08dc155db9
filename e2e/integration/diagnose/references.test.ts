/**
 * Volumes that name objects which do not exist, diagnosed by the app on the real lab through its pipeline (live
 * context -> reflectors -> ClusterStore -> listFindings): ConfigMaps and Secrets a pod mounts (configMap, secret,
 * projected sources, a CSI inline volume's nodePublishSecretRef), the Secrets a StorageClass names for the
 * external-provisioner (templates resolved per claim, checked against what the real external-provisioner v6.4.0 does
 * with them), and the Secrets a CSI PersistentVolume names. ConfigMaps and Secrets are watched as metadata only: the
 * lab's API server is asked what it sends for the PartialObjectMetadata media type, and the store is checked to hold
 * no value. Each kind has healthy-but-unusual setups that must not be reported as problems.
 *
 * How the lab shows what a kubelet would: pods that must not start yet are put on a Node no kubelet stand-in manages
 * (kwok marks every pod on its nodes Running without mounting anything), so they stay Pending as a real kubelet keeps
 * them in ContainerCreating. A "viewer" (a service account bound to the built-in `view` ClusterRole, which excludes
 * Secrets, plus read access to storage) shows what a user who may not list Secrets is told.
 *
 * The external-provisioner's upstream RBAC leaves reading Secrets commented out ("uncomment for plugins that require
 * secrets"); the test grants it, as such a driver's deployment does.
 */
import { request } from 'node:https';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { CSI_DRIVER_NAME } from '../../cluster/csi';
import { apply, claimRef, classRef, codes, evidenceLines, expectCacheAgrees, type LiveCluster, namespace, openLive, podRef, until, volumeRef } from './live';
import { claim, pod } from './manifests';
import type { Finding } from '../../../src/shared/model/findings';
import { UPSTREAM_MESSAGES } from '../../../src/shared/diagnose/messages';

const message = (id: string) => UPSTREAM_MESSAGES.find((m) => m.id === id)!;
/** The claim's events as "reason: message" lines, for a timeout's message. */
const claimEvents = (ns: string, name: string) => JSON.stringify(live.store.eventsFor('PersistentVolumeClaim', name, ns).map((e) => `${e.reason}: ${e.message}`));

let lab: Lab;
let live: LiveCluster;
const KUBELETLESS_NODE = 'dx-refs-kubeletless';
const SECRET_VALUE = 'hunter2-lab-value';

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false, csi: true, log: () => undefined });
  await apply(lab, { apiVersion: 'v1', kind: 'Node', metadata: { name: KUBELETLESS_NODE, labels: { 'kubernetes.io/hostname': KUBELETLESS_NODE } } });
  live = await openLive(lab);
});

afterAll(async () => {
  await live?.close();
  await lab?.stop();
});

const admin = () => lab.client('admin');
const secret = (ns: string, name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  // kubectl apply would write the values into this annotation too: it must not reach the app either.
  metadata: { name, namespace: ns, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ stringData: { password: SECRET_VALUE } }) } },
  stringData: { password: SECRET_VALUE },
});
const configMap = (ns: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { 'app.conf': SECRET_VALUE } });
const pending = (ns: string, name: string, volumes: unknown[]) =>
  pod(ns, name, { nodeName: KUBELETLESS_NODE, tolerateAll: true, volumes, mounts: (volumes as { name: string }[]).map((v) => ({ name: v.name, mountPath: `/etc/${v.name}` })) });
const serious = (findings: Finding[]) => findings.filter((f) => f.severity === 'problem' || f.severity === 'warning').map((f) => f.code);

/** GET with a given Accept header, as lab-admin, straight to the lab's API server. */
function rawGet(path: string, accept: string): Promise<{ status: number; text: string }> {
  const url = new URL(lab.server);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, ca: lab.caPem, headers: { Authorization: `Bearer ${lab.adminToken}`, Accept: accept } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('ConfigMaps and Secrets are read as metadata only', () => {
  it("the lab's API server sends PartialObjectMetadata for the media type the app asks for, and the store holds no value", async () => {
    const ns = await namespace(lab, 'dx-meta');
    await apply(lab, secret(ns, 'db'), configMap(ns, 'app'));
    const list = await rawGet(`/api/v1/namespaces/${ns}/secrets`, 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1');
    expect(list.status).toBe(200);
    const parsed = JSON.parse(list.text) as { kind: string; items: { kind: string; data?: unknown; metadata: { annotations?: Record<string, string> } }[] };
    expect(parsed.kind).toBe('PartialObjectMetadataList');
    expect(parsed.items.map((i) => i.kind)).toEqual(['PartialObjectMetadata']);
    expect(parsed.items[0]?.data).toBeUndefined();
    // The server does send annotations, and kubectl's last-applied-configuration repeats the value: arrival drops them.
    expect(parsed.items[0]?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain(SECRET_VALUE);

    await until('the Secret and the ConfigMap in the store', () => live.store.get('secrets', 'db', ns) && live.store.get('configmaps', 'app', ns));
    expect(live.store.kindState('secrets')).toBe('synced');
    const held = JSON.stringify([...live.store.list('secrets'), ...live.store.list('configmaps')]);
    expect(held).not.toContain(SECRET_VALUE);
    expect(held).not.toMatch(/"(data|stringData|binaryData|annotations)"/);
    expect(live.store.get('secrets', 'db', ns)).toMatchObject({ kind: 'Secret', apiVersion: 'v1', metadata: { name: 'db', namespace: ns } });
  });
});

describe('pods naming ConfigMaps and Secrets', () => {
  it('every source that names a missing object is reported, with the field it was read from', async () => {
    const ns = await namespace(lab, 'dx-refs');
    await apply(
      lab,
      pending(ns, 'web', [
        { name: 'config', configMap: { name: 'web-config' } },
        { name: 'tls', secret: { secretName: 'web-tls' } },
        { name: 'bundle', projected: { sources: [{ configMap: { name: 'bundle-cm' } }, { secret: { name: 'bundle-secret' } }] } },
        { name: 'vault', csi: { driver: CSI_DRIVER_NAME, nodePublishSecretRef: { name: 'vault-creds' } } },
      ]),
    );
    const ref = podRef(ns, 'web');
    await live.waitFor(ref, 'pod.secret-missing');
    await until('all five references reported', () => live.findingsOf(ref).filter((f) => f.code === 'pod.secret-missing' || f.code === 'pod.configmap-missing').length === 5);
    const refs = live.findingsOf(ref).filter((f) => f.code === 'pod.secret-missing' || f.code === 'pod.configmap-missing');
    expect(refs.map((f) => `${f.code} ${f.evidence[0]?.value} ${f.evidence[0]?.source}`).sort()).toEqual([
      'pod.configmap-missing bundle-cm spec.volumes[].projected.sources[].configMap.name',
      'pod.configmap-missing web-config spec.volumes[].configMap.name',
      'pod.secret-missing bundle-secret spec.volumes[].projected.sources[].secret.name',
      'pod.secret-missing vault-creds spec.volumes[].csi.nodePublishSecretRef.name',
      'pod.secret-missing web-tls spec.volumes[].secret.secretName',
    ]);
    const tls = refs.find((f) => f.evidence[0]?.value === 'web-tls')!;
    expect(tls.severity).toBe('problem');
    expect(tls.cause.en).toBe(`Volume tls needs Secret web-tls, which does not exist in namespace ${ns}: the kubelet cannot set the volume up, so the pod's containers do not start until it exists (or the reference is marked optional: true).`);
    expect(tls.fix.map((s) => s.command)).toEqual([`kubectl get secret -n ${ns}`, `kubectl describe pod web -n ${ns}`]);
    expectCacheAgrees(live, ref);
  });

  it('healthy: a Secret created after the pod, an optional missing Secret and ConfigMap, and a pod whose objects all exist', async () => {
    const ns = await namespace(lab, 'dx-refs-ok');
    // Created after the pod: reported while missing, gone once it exists (a kubelet's FailedMount events would linger).
    await apply(lab, pending(ns, 'late', [{ name: 'tls', secret: { secretName: 'late-tls' } }]));
    await live.waitFor(podRef(ns, 'late'), 'pod.secret-missing');
    await apply(lab, secret(ns, 'late-tls'));
    await live.waitGone(podRef(ns, 'late'), 'pod.secret-missing');

    await apply(
      lab,
      pending(ns, 'optional', [
        { name: 'tls', secret: { secretName: 'maybe-tls', optional: true } },
        { name: 'bundle', projected: { sources: [{ configMap: { name: 'maybe-cm', optional: true } }] } },
      ]),
      configMap(ns, 'present-cm'),
      secret(ns, 'present-secret'),
      pending(ns, 'complete', [
        { name: 'config', configMap: { name: 'present-cm' } },
        { name: 'bundle', projected: { sources: [{ secret: { name: 'present-secret' } }, { configMap: { name: 'present-cm' } }] } },
      ]),
    );
    const optional = await live.waitFor(podRef(ns, 'optional'), 'pod.optional-source-missing');
    expect(optional.severity).toBe('info');
    expect(optional.cause.en).toContain('the pod starts without it');
    await until('both optional sources noted', () => live.findingsOf(podRef(ns, 'optional')).filter((f) => f.code === 'pod.optional-source-missing').length === 2);
    await until('the complete pod in the store', () => live.store.get('pods', 'complete', ns));
    for (const name of ['late', 'optional', 'complete']) expect(serious(live.findingsOf(podRef(ns, name))), name).toEqual([]);
    // Every pod also mounts kube-api-access-*, whose projected ConfigMap kube-root-ca.crt the controller manager publishes.
    expect(live.store.get('pods', 'complete', ns)?.spec?.volumes?.some((v) => v.projected?.sources?.some((s) => s.configMap?.name === 'kube-root-ca.crt'))).toBe(true);
    expect(codes(live.findingsOf(podRef(ns, 'complete')))).toEqual([]);
  });

  it('a running pod whose Secret was deleted: a warning, since the next pod will not start', async () => {
    const ns = await namespace(lab, 'dx-refs-run');
    await apply(lab, secret(ns, 'run-tls'), pod(ns, 'runner', { volumes: [{ name: 'tls', secret: { secretName: 'run-tls' } }], mounts: [{ name: 'tls', mountPath: '/tls' }] }));
    await until('the pod running', () => live.store.get('pods', 'runner', ns)?.status?.phase === 'Running', 30_000);
    expect(serious(live.findingsOf(podRef(ns, 'runner')))).toEqual([]);
    await admin().delete(`/api/v1/namespaces/${ns}/secrets/run-tls`);
    const f = await live.waitFor(podRef(ns, 'runner'), 'pod.secret-missing');
    expect(f.severity).toBe('warning');
    expect(f.cause.en).toContain('The pod runs with the files it mounted when it started, but a new pod');
  });

  it('lab-student may list ConfigMaps but not Secrets in its namespace: a missing ConfigMap is reported, a Secret cannot be checked', async () => {
    const ns = 'student';
    await apply(lab, pending(ns, 'dx-student-pod', [{ name: 'config', configMap: { name: 'dx-absent-cm' } }, { name: 'tls', secret: { secretName: 'dx-some-tls' } }]), secret(ns, 'dx-some-tls'));
    const student = await openLive(lab, 'lab-student');
    try {
      expect(student.store.kindState('secrets')).toBe('forbidden');
      const ref = podRef(ns, 'dx-student-pod');
      const unchecked = await student.waitFor(ref, 'pod.reference-unchecked');
      expect(unchecked.severity).toBe('info');
      expect(unchecked.cause.en).toContain('this user may not list Secrets in namespace "student"');
      expect(evidenceLines(unchecked)).toEqual(['Secret named by a volume: dx-some-tls cannot check (volume tls)']);
      await student.waitFor(ref, 'pod.configmap-missing');
      expect(codes(student.findingsOf(ref)).filter((c) => c === 'pod.secret-missing')).toEqual([]);
    } finally {
      await student.close();
    }
  });
});

describe('Secrets of CSI storage: StorageClass parameters and PersistentVolumes', () => {
  let ns = '';
  beforeAll(async () => {
    ns = await namespace(lab, 'dx-csi-secrets');
    // What a driver that needs provisioning secrets deploys: the rule the upstream rbac.yaml leaves commented out.
    await apply(
      lab,
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'dx-provisioner-secrets' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }] },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'dx-provisioner-secrets' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'dx-provisioner-secrets' }, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'lab:csi-provisioner' }] },
    );
  });

  const csiClass = (name: string, parameters: Record<string, string>): KubeObject => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner: CSI_DRIVER_NAME, volumeBindingMode: 'Immediate', reclaimPolicy: 'Delete', parameters });

  it('a templated provisioner Secret missing for a claim, a fixed node-stage Secret missing on the class and then on the volume; all gone once created', async () => {
    await apply(
      lab,
      csiClass('dx-tenant', {
        'csi.storage.k8s.io/provisioner-secret-name': '${pvc.name}-storage',
        'csi.storage.k8s.io/provisioner-secret-namespace': '${pvc.namespace}',
        'csi.storage.k8s.io/node-stage-secret-name': 'storage-node',
        'csi.storage.k8s.io/node-stage-secret-namespace': ns,
      }),
      claim(ns, 'data', { className: 'dx-tenant' }),
    );
    const missing = await live.waitFor(claimRef(ns, 'data'), 'claim.secret-missing');
    expect(missing.cause.en).toBe(`Class dx-tenant tells the provisioner to read Secret ${ns}/data-storage (its parameters resolved for this claim), which does not exist: it cannot create the volume ("error getting secret"), so the claim stays Pending until the Secret exists.`);
    expect(missing.fix[0]?.command).toBe(`kubectl get secret -n ${ns}`);
    // The real external-provisioner resolved the same name.
    await until('the provisioner failed on that Secret', () =>
      live.store.eventsFor('PersistentVolumeClaim', 'data', ns).some((e) => e.reason === 'ProvisioningFailed' && (e.message ?? '') === `error getting secret data-storage in namespace ${ns}: secrets "data-storage" not found` && message('provisioner-secret-missing').pattern.test(e.message ?? '')),
    60_000, () => claimEvents(ns, 'data'));
    const onClass = await live.waitFor(classRef('dx-tenant'), 'class.secret-missing');
    expect(onClass.cause.en).toContain(`names Secret ${ns}/storage-node in csi.storage.k8s.io/node-stage-secret-name, and it does not exist: the kubelet cannot mount the volumes`);

    // Healthy: the template-named Secret exists, so the claim is provisioned and nothing is said about it.
    await apply(lab, secret(ns, 'data-storage'));
    await until('the claim bound', () => live.store.get('persistentvolumeclaims', 'data', ns)?.status?.phase === 'Bound', 90_000);
    await live.waitGone(claimRef(ns, 'data'), 'claim.secret-missing');
    const pvName = live.store.get('persistentvolumeclaims', 'data', ns)?.spec?.volumeName ?? '';
    // The provisioner wrote the resolved node-stage reference into the volume: missing there too.
    expect(live.store.get('persistentvolumes', pvName)?.spec?.csi?.nodeStageSecretRef).toEqual({ name: 'storage-node', namespace: ns });
    const onVolume = await live.waitFor(volumeRef(pvName), 'volume.secret-missing');
    expect(onVolume.cause.en).toBe(`The volume's nodeStageSecretRef names Secret ${ns}/storage-node, which does not exist: the kubelet cannot mount the volumes (NodeStageVolume needs it).`);
    expect(onVolume.evidence[0]?.source).toBe('spec.csi.nodeStageSecretRef');

    await apply(lab, secret(ns, 'storage-node'));
    await live.waitGone(volumeRef(pvName), 'volume.secret-missing');
    await live.waitGone(classRef('dx-tenant'), 'class.secret-missing');
    expect(serious(live.findingsOf(claimRef(ns, 'data')))).toEqual([]);
    expectCacheAgrees(live, volumeRef(pvName));
  });

  it('healthy: a class whose Secret defaults (csi.storage.k8s.io/secret-name) exist, and a class with no secrets', async () => {
    await apply(
      lab,
      secret(ns, 'shared-creds'),
      csiClass('dx-shared', { 'csi.storage.k8s.io/secret-name': 'shared-creds', 'csi.storage.k8s.io/secret-namespace': ns }),
      csiClass('dx-plain', {}),
      claim(ns, 'shared', { className: 'dx-shared' }),
      claim(ns, 'plain', { className: 'dx-plain' }),
    );
    await until('both claims bound', () => ['shared', 'plain'].every((n) => live.store.get('persistentvolumeclaims', n, ns)?.status?.phase === 'Bound'), 90_000);
    const pv = live.store.get('persistentvolumes', live.store.get('persistentvolumeclaims', 'shared', ns)?.spec?.volumeName ?? '');
    // The default pair stands in for every purpose: the provisioner wrote it into each reference of the volume.
    expect(pv?.spec?.csi?.nodeStageSecretRef).toEqual({ name: 'shared-creds', namespace: ns });
    for (const ref of [claimRef(ns, 'shared'), claimRef(ns, 'plain'), classRef('dx-shared'), classRef('dx-plain'), volumeRef(pv?.metadata?.name ?? '')]) {
      expect(serious(live.findingsOf(ref)), `${ref.kind} ${ref.name}`).toEqual([]);
    }
  });

  it('secret parameters the provisioner refuses: a token the namespace may not use', async () => {
    await apply(lab, csiClass('dx-bad-template', { 'csi.storage.k8s.io/provisioner-secret-name': 'creds', 'csi.storage.k8s.io/provisioner-secret-namespace': '${pvc.name}' }), claim(ns, 'refused', { className: 'dx-bad-template' }));
    const f = await live.waitFor(classRef('dx-bad-template'), 'class.secret-params-invalid');
    expect(f.cause.en).toContain('invalid tokens: "pvc.name"');
    // The real external-provisioner says the same of the claim.
    await until('the provisioner refused the template', () => live.store.eventsFor('PersistentVolumeClaim', 'refused', ns).some((e) => e.reason === 'ProvisioningFailed' && e.message === 'error resolving value "${pvc.name}": invalid tokens: ["pvc.name"]' && message('secret-template-invalid').pattern.test(e.message)), 60_000, () => claimEvents(ns, 'refused'));
  });

  it('a viewer who may not list Secrets is told "cannot check" on the claim and the volume', async () => {
    await apply(lab, csiClass('dx-locked', { 'csi.storage.k8s.io/provisioner-secret-name': 'locked', 'csi.storage.k8s.io/provisioner-secret-namespace': ns }), claim(ns, 'locked-claim', { className: 'dx-locked' }));
    const viewer = await viewerKubeconfig();
    const view = await openLive(lab, 'lab-viewer', viewer);
    try {
      expect(view.store.kindState('secrets')).toBe('forbidden');
      expect(view.store.kindState('persistentvolumes')).toBe('synced');
      const claimFinding = await view.waitFor(claimRef(ns, 'locked-claim'), 'claim.secret-unchecked');
      expect(claimFinding.cause.en).toContain(`needs Secret ${ns}/locked to create this claim's volume; the app cannot check that it exists`);
      const pvName = live.store.get('persistentvolumeclaims', 'data', ns)?.spec?.volumeName ?? '';
      const volumeFinding = await view.waitFor(volumeRef(pvName), 'volume.secret-unchecked');
      expect(volumeFinding.severity).toBe('info');
      expect(codes(view.findingsOf(volumeRef(pvName)))).not.toContain('volume.secret-missing');
    } finally {
      await view.close();
    }
  });
});

/**
 * A kubeconfig for a service account bound to the built-in `view` ClusterRole (which leaves Secrets out) and to read
 * access on the cluster-wide storage kinds: what many teams give people who look but do not change.
 */
async function viewerKubeconfig(): Promise<string> {
  const read = ['get', 'list', 'watch'];
  await apply(
    lab,
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'viewer', namespace: 'default' } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'dx-viewer-view' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: 'default' }] },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'dx-viewer-storage' },
      rules: [
        { apiGroups: [''], resources: ['persistentvolumes', 'nodes', 'namespaces'], verbs: read },
        { apiGroups: ['storage.k8s.io', 'snapshot.storage.k8s.io', 'coordination.k8s.io'], resources: ['*'], verbs: read },
      ],
    },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'dx-viewer-storage' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'dx-viewer-storage' }, subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: 'default' }] },
  );
  const review = await admin().create<{ status: { token: string } }>('/api/v1/namespaces/default/serviceaccounts/viewer/token', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } });
  const path = join(lab.dataDir, 'viewer.kubeconfig.json');
  writeFileSync(
    path,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'lab', cluster: { server: lab.server, 'certificate-authority-data': Buffer.from(lab.caPem).toString('base64') } }],
      users: [{ name: 'viewer', user: { token: review.status.token } }],
      contexts: [{ name: 'lab-viewer', context: { cluster: 'lab', user: 'viewer', namespace: 'default' } }],
      'current-context': 'lab-viewer',
    }),
  );
  return path;
}

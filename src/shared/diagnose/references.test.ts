import { describe, expect, it } from 'vitest';
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../kube/objects';
import { fixtureView, type FixtureObjects, type FixtureOptions } from './testing/fixture-view';
import { boundVolume, csiHostpathClass, eventAbout, runningPod } from './testing/fixtures';
import { diagnoseObject } from './index';
import type { ObjectRef } from '../model/refs';
import { plainText } from '../verbatim';
import { resolveTemplate, secretTemplates, SECRET_PURPOSES } from './secret-params';

const cm = (namespace: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace } });
const secret = (namespace: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace } });
const on = (objects: FixtureObjects, ref: ObjectRef, options: FixtureOptions = {}) => diagnoseObject(fixtureView(objects, options), ref);
const REFERENCE_CODES = new Set(['pod.configmap-missing', 'pod.secret-missing', 'pod.optional-source-missing', 'pod.reference-unchecked']);
/** The pod's findings about the objects its volumes name (the CSI inline volume also has a driver check of its own). */
const onPod = (objects: FixtureObjects, pod: Pod, options: FixtureOptions = {}) => on(objects, podRef(pod), options).filter((f) => REFERENCE_CODES.has(f.code));
const podRef = (pod: Pod): ObjectRef => ({ kind: 'pods', name: pod.metadata!.name!, namespace: pod.metadata!.namespace! });

/** A pod not started yet (the kubelet would keep it in ContainerCreating), mounting the given volumes. */
function pendingPod(volumes: NonNullable<Pod['spec']>['volumes']): Pod {
  return { ...runningPod, spec: { ...runningPod.spec, volumes }, status: { phase: 'Pending' } };
}

describe('pods naming ConfigMaps and Secrets', () => {
  const volumes = [
    { name: 'config', configMap: { name: 'web-config' } },
    { name: 'tls', secret: { secretName: 'web-tls' } },
    { name: 'bundle', projected: { sources: [{ configMap: { name: 'bundle-cm' } }, { secret: { name: 'bundle-secret' } }, { serviceAccountToken: { path: 'token' } }] } },
    { name: 'vault', csi: { driver: 'secrets-store.csi.k8s.io', nodePublishSecretRef: { name: 'vault-creds' } } },
  ];

  it('every source that names a missing object: configMap, secret, projected configMap and secret, CSI nodePublishSecretRef', () => {
    const pod = pendingPod(volumes);
    const found = onPod({ pods: [pod] }, pod);
    expect(found.map((f) => `${f.code} ${f.evidence[0]?.value} ${f.evidence[0]?.source}`).sort()).toEqual([
      'pod.configmap-missing bundle-cm spec.volumes[].projected.sources[].configMap.name',
      'pod.configmap-missing web-config spec.volumes[].configMap.name',
      'pod.secret-missing bundle-secret spec.volumes[].projected.sources[].secret.name',
      'pod.secret-missing vault-creds spec.volumes[].csi.nodePublishSecretRef.name',
      'pod.secret-missing web-tls spec.volumes[].secret.secretName',
    ]);
    const tls = found.find((f) => f.evidence[0]?.value === 'web-tls')!;
    expect(tls.severity).toBe('problem');
    expect(plainText(tls.cause.en)).toContain('needs Secret web-tls, which does not exist in namespace shop');
    expect(plainText(tls.cause.ru)).toContain('Secret web-tls');
    expect(tls.evidence[0]?.ref).toEqual({ kind: 'secrets', name: 'web-tls', namespace: 'shop' });
    expect(tls.fix.map((s) => s.command)).toEqual(['kubectl get secret -n shop', 'kubectl describe pod db-0 -n shop']);
    expect(tls.lesson).toBe('config-and-secret-volumes');
  });

  it('a long volume name (kube-api-access-*) goes in the note, so the label stays short (found on the lab capture)', () => {
    const pod = pendingPod([{ name: 'kube-api-access-9x7bq', projected: { sources: [{ configMap: { name: 'kube-root-ca.crt' } }] } }]);
    const [f] = onPod({ pods: [pod] }, pod);
    expect(f?.code).toBe('pod.configmap-missing');
    expect(f?.evidence[0]?.label.en).toBe('ConfigMap named by a volume');
    expect(plainText(f!.evidence[0]!.note!.en)).toBe('does not exist in the namespace (volume kube-api-access-9x7bq)');
  });

  it('nothing when they exist, even with a FailedMount event from before they were created', () => {
    const pod = pendingPod(volumes);
    const existing = [cm('shop', 'web-config'), cm('shop', 'bundle-cm')];
    const secrets = [secret('shop', 'web-tls'), secret('shop', 'bundle-secret'), secret('shop', 'vault-creds')];
    expect(onPod({ pods: [pod], configmaps: existing, secrets, events: [eventAbout(pod, 'FailedMount', 'MountVolume.SetUp failed for volume "tls" : secret "web-tls" not found', { type: 'Warning', component: 'kubelet' })] }, pod)).toEqual([]);
  });

  it('an object of the same name in another namespace does not count', () => {
    const pod = pendingPod([{ name: 'tls', secret: { secretName: 'web-tls' } }]);
    expect(on({ pods: [pod], secrets: [secret('other', 'web-tls')] }, podRef(pod)).map((f) => f.code)).toEqual(['pod.secret-missing']);
  });

  it('optional: true is at most info, and says the pod starts without it', () => {
    const pod = pendingPod([
      { name: 'tls', secret: { secretName: 'web-tls', optional: true } },
      { name: 'bundle', projected: { sources: [{ configMap: { name: 'extra', optional: true } }] } },
    ]);
    const found = onPod({ pods: [pod] }, pod);
    expect(found.map((f) => [f.code, f.severity])).toEqual([
      ['pod.optional-source-missing', 'info'],
      ['pod.optional-source-missing', 'info'],
    ]);
    expect(plainText(found[0]!.cause.en)).toContain('the pod starts without it');
    expect(found.find((f) => f.evidence[0]?.value === 'extra')?.evidence[1]?.source).toBe('spec.volumes[].projected.sources[].configMap.optional');
  });

  it('a running pod whose Secret was deleted: a warning, the next pod will not start', () => {
    const pod: Pod = { ...runningPod, spec: { ...runningPod.spec, volumes: [{ name: 'tls', secret: { secretName: 'web-tls' } }] } };
    const [f] = onPod({ pods: [pod] }, pod);
    expect(f).toMatchObject({ code: 'pod.secret-missing', severity: 'warning' });
    expect(plainText(f!.cause.en)).toContain('a new pod');
  });

  it('cannot check where the user may not list Secrets: never "missing"', () => {
    const pod = pendingPod([{ name: 'tls', secret: { secretName: 'web-tls' } }, { name: 'config', configMap: { name: 'web-config' } }]);
    const found = on({ pods: [pod], configmaps: [cm('shop', 'web-config')] }, podRef(pod), { states: { secrets: 'forbidden' } });
    expect(found.map((f) => [f.code, f.severity])).toEqual([['pod.reference-unchecked', 'info']]);
    expect(found[0]!.cause.en).toContain('may not list Secrets in namespace "shop"');
    expect(found[0]!.evidence.map((e) => e.value)).toEqual(['web-tls']);
    // A namespace-limited user who reads Secrets in other namespaces only: the same.
    const limited = on({ pods: [pod], configmaps: [cm('shop', 'web-config')] }, podRef(pod), { readableIn: { secrets: ['student'] } });
    expect(limited.map((f) => f.code)).toEqual(['pod.reference-unchecked']);
    // Still loading, or a snapshot made before Secrets were recorded: nothing.
    expect(on({ pods: [pod], configmaps: [cm('shop', 'web-config')] }, podRef(pod), { states: { secrets: 'syncing' } })).toEqual([]);
    expect(on({ pods: [pod], configmaps: [cm('shop', 'web-config')] }, podRef(pod), { states: { secrets: 'absent' } })).toEqual([]);
  });
});

describe('StorageClass secret parameters (external-provisioner rules)', () => {
  const provisioner = SECRET_PURPOSES.find((p) => p.id === 'provisioner')!;
  const nodeStage = SECRET_PURPOSES.find((p) => p.id === 'nodeStage')!;

  it('reads the pair, the deprecated keys and the default pair, and refuses what the provisioner refuses', () => {
    expect(secretTemplates({ 'csi.storage.k8s.io/provisioner-secret-name': 'a', 'csi.storage.k8s.io/provisioner-secret-namespace': 'b' }, provisioner)).toMatchObject({ name: 'a', namespace: 'b' });
    expect(secretTemplates({ csiProvisionerSecretName: 'a', csiProvisionerSecretNamespace: 'b' }, provisioner)).toMatchObject({ name: 'a', namespace: 'b' });
    expect(secretTemplates({ 'csi.storage.k8s.io/secret-name': 'd', 'csi.storage.k8s.io/secret-namespace': 'e' }, nodeStage)).toMatchObject({ name: 'd', namespace: 'e' });
    expect(secretTemplates({ 'csi.storage.k8s.io/node-stage-secret-name': 'a' }, nodeStage)).toMatchObject({ error: 'either name and namespace for NodeStage secrets specified, Both must be specified' });
    expect(secretTemplates({ csiProvisionerSecretName: 'a', 'csi.storage.k8s.io/provisioner-secret-name': 'a', 'csi.storage.k8s.io/provisioner-secret-namespace': 'b' }, provisioner)).toMatchObject({ error: expect.stringContaining('with both "csi" and') });
    expect(secretTemplates({ 'csi.storage.k8s.io/provisioner-secret-name': '', 'csi.storage.k8s.io/provisioner-secret-namespace': 'b' }, provisioner)).toMatchObject({ error: expect.stringContaining('is empty') });
    expect(secretTemplates({ type: 'ssd' }, provisioner)).toBeUndefined();
  });

  it('resolves the tokens each field allows, as os.Expand does', () => {
    const inputs = { pvName: 'pvc-1', pvcNamespace: 'shop', pvcName: 'data', pvcAnnotations: { 'example.com/key': 'k1' } };
    expect(resolveTemplate('${pvc.namespace}', 'namespace', inputs)).toEqual({ value: 'shop' });
    expect(resolveTemplate('${pvc.name}-creds', 'name', inputs)).toEqual({ value: 'data-creds' });
    expect(resolveTemplate("${pvc.annotations['example.com/key']}", 'name', inputs)).toEqual({ value: 'k1' });
    expect(resolveTemplate('${pvc.name}', 'namespace', inputs)).toEqual({ invalid: ['pvc.name'] });
    expect(resolveTemplate('$pvc', 'name', inputs)).toEqual({ invalid: ['pvc'] });
    expect(resolveTemplate("${pvc.annotations['other']}", 'name', inputs)).toEqual({ unresolved: ["pvc.annotations['other']"] });
    expect(resolveTemplate('plain', 'name', {})).toEqual({ value: 'plain' });
  });

  const templatedClass: StorageClass = {
    ...csiHostpathClass,
    parameters: { 'csi.storage.k8s.io/provisioner-secret-name': '${pvc.name}-creds', 'csi.storage.k8s.io/provisioner-secret-namespace': '${pvc.namespace}' },
  };
  const claim: PersistentVolumeClaim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'shop', uid: 'claim-uid' },
    spec: { storageClassName: 'csi-hostpath-sc', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    status: { phase: 'Pending' },
  };
  const claimRef: ObjectRef = { kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' };

  it('a Pending claim whose templated provisioner Secret is missing; nothing once it exists', () => {
    const found = on({ storageclasses: [templatedClass], persistentvolumeclaims: [claim] }, claimRef).filter((f) => f.code.startsWith('claim.secret'));
    expect(found.map((f) => f.code)).toEqual(['claim.secret-missing']);
    expect(plainText(found[0]!.cause.en)).toContain('Secret shop/data-creds (its parameters resolved for this claim)');
    expect(found[0]!.fix[0]?.command).toBe('kubectl get secret -n shop');
    expect(on({ storageclasses: [templatedClass], persistentvolumeclaims: [claim], secrets: [secret('shop', 'data-creds')] }, claimRef).filter((f) => f.code.startsWith('claim.secret'))).toEqual([]);
    // Not on the class: a templated name is checked per claim.
    expect(on({ storageclasses: [templatedClass], persistentvolumeclaims: [claim] }, { kind: 'storageclasses', name: 'csi-hostpath-sc' }).filter((f) => f.code.startsWith('class.secret'))).toEqual([]);
  });

  it('cannot check a provisioner Secret in a namespace the user cannot read', () => {
    const fixed: StorageClass = { ...csiHostpathClass, parameters: { 'csi.storage.k8s.io/provisioner-secret-name': 'creds', 'csi.storage.k8s.io/provisioner-secret-namespace': 'kube-system' } };
    const found = on({ storageclasses: [fixed], persistentvolumeclaims: [claim] }, claimRef, { readableIn: { secrets: ['shop'] } });
    expect(found.filter((f) => f.code.startsWith('claim.secret')).map((f) => f.code)).toEqual(['claim.secret-unchecked']);
  });

  it('a class naming a fixed Secret that is missing, and malformed parameters', () => {
    const fixed: StorageClass = { ...csiHostpathClass, parameters: { 'csi.storage.k8s.io/node-stage-secret-name': 'stage', 'csi.storage.k8s.io/node-stage-secret-namespace': 'kube-system', 'csi.storage.k8s.io/controller-expand-secret-name': 'x', 'csi.storage.k8s.io/controller-expand-secret-namespace': '${pvc.name}' } };
    const found = on({ storageclasses: [fixed] }, { kind: 'storageclasses', name: 'csi-hostpath-sc' }).filter((f) => f.code.startsWith('class.secret'));
    expect(found.map((f) => f.code).sort()).toEqual(['class.secret-missing', 'class.secret-params-invalid']);
    expect(plainText(found.find((f) => f.code === 'class.secret-missing')!.cause.en)).toContain('kube-system/stage');
    expect(plainText(found.find((f) => f.code === 'class.secret-params-invalid')!.cause.en)).toContain('invalid tokens: "pvc.name"');
  });

  it("a PV's CSI secret references: missing, present, and cannot check", () => {
    const pv: PersistentVolume = {
      ...boundVolume,
      spec: { ...boundVolume.spec, hostPath: undefined, csi: { driver: 'hostpath.csi.k8s.io', volumeHandle: 'h1', nodeStageSecretRef: { name: 'stage', namespace: 'kube-system' }, controllerPublishSecretRef: { name: 'attach', namespace: 'kube-system' }, nodeExpandSecretRef: { name: 'grow', namespace: 'kube-system' } } },
    };
    const ref: ObjectRef = { kind: 'persistentvolumes', name: pv.metadata!.name! };
    const found = on({ persistentvolumes: [pv], secrets: [secret('kube-system', 'attach')] }, ref).filter((f) => f.code.startsWith('volume.secret'));
    expect(found.map((f) => `${f.code} ${f.evidence[0]?.source}`).sort()).toEqual(['volume.secret-missing spec.csi.nodeExpandSecretRef', 'volume.secret-missing spec.csi.nodeStageSecretRef']);
    const viewer = on({ persistentvolumes: [pv] }, ref, { states: { secrets: 'forbidden' } }).filter((f) => f.code.startsWith('volume.secret'));
    expect(viewer.map((f) => f.code)).toEqual(['volume.secret-unchecked', 'volume.secret-unchecked', 'volume.secret-unchecked']);
  });
});

import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, VolumePopulator, VolumeSnapshot } from '../kube/objects';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { csiHostpathClass, eventAbout, minutesAgo } from './testing/fixtures';
import { diagnoseObject } from './index';
import { parseCommand } from './fix-commands';

const NS = 'shop';
const HELLO = { apiGroup: 'hello.example.com', kind: 'Hello', name: 'greeting' };

function claim(name: string, ref: PersistentVolumeClaim['spec'] extends infer S ? (S extends { dataSourceRef?: infer R } ? R : never) : never, over: { ageMinutes?: number; phase?: string } = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: NS, uid: `${name}-uid`, creationTimestamp: minutesAgo(over.ageMinutes ?? 1) },
    spec: { storageClassName: 'csi-hostpath-sc', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, dataSourceRef: ref },
    status: { phase: over.phase ?? 'Pending' },
  };
}

const populator = (group: string, kind: string): VolumePopulator => ({ apiVersion: 'populator.storage.k8s.io/v1beta1', kind: 'VolumePopulator', metadata: { name: `${kind.toLowerCase()}-populator`, uid: `${kind}-pop` }, sourceKind: { group, kind } });
const base: FixtureObjects = { storageclasses: [csiHostpathClass], volumepopulators: [populator('other.example.com', 'Other')] };
const ref = (name: string) => ({ kind: 'persistentvolumeclaims' as const, namespace: NS, name });
const findings = (objects: FixtureObjects, name: string, states?: Parameters<typeof fixtureView>[1]) => diagnoseObject(fixtureView({ ...base, ...objects }, states), ref(name));

describe('claims filled by volume populators', () => {
  it('a kind no VolumePopulator registers: claim.populator-missing, a problem, with the validator\'s event and the registered kinds', () => {
    const c = claim('hello', HELLO);
    const events = [
      eventAbout(c, 'UnrecognizedDataSourceKind', 'The datasource for this PVC does not match any registered VolumePopulator', { type: 'Warning', component: 'volume-data-source-validator' }),
      eventAbout(c, 'Provisioning', 'Assuming an external populator will provision the volume', { component: 'hostpath.csi.k8s.io' }),
    ];
    const [f, ...rest] = findings({ persistentvolumeclaims: [c], events }, 'hello');
    expect(rest).toEqual([]);
    expect(f?.code).toBe('claim.populator-missing');
    expect(f?.severity).toBe('problem');
    expect(f?.cause.en).toContain('Hello.hello.example.com');
    expect(f?.cause.ru).toContain('greeting');
    expect(f?.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['spec.dataSourceRef', 'VolumePopulator.sourceKind', 'metadata.creationTimestamp']));
    expect(f?.evidence.find((e) => e.source === 'VolumePopulator.sourceKind')?.value).toBe('Other.other.example.com');
    expect(f?.evidence.map((e) => e.value).join(' ')).toContain('does not match any registered VolumePopulator');
    expect(f?.evidence.map((e) => e.value).join(' ')).toContain('Assuming an external populator');
    const commands = f!.fix.flatMap((s) => (s.command ? [parseCommand(s.command)?.words.join(' ')] : []));
    expect(commands).toEqual(['kubectl get volumepopulators other-populator', 'kubectl get hello.hello.example.com greeting -n shop', 'kubectl describe pvc hello -n shop']);
    expect(f?.lesson).toBe('volume-populators');
  });

  it('says nothing of a registered kind, nor of a kind a populator is working on', () => {
    expect(findings({ persistentvolumeclaims: [claim('hello', HELLO)], volumepopulators: [populator('hello.example.com', 'Hello')] }, 'hello').map((f) => f.code)).not.toContain('claim.populator-missing');
    const c = claim('hello', HELLO);
    const events = [eventAbout(c, 'PopulatorCreated', 'Populator started', { component: 'hello-populator' })];
    expect(findings({ persistentvolumeclaims: [c], events }, 'hello').map((f) => f.code)).not.toContain('claim.populator-missing');
  });

  it('says nothing once the claim is Bound (populated)', () => {
    expect(findings({ persistentvolumeclaims: [claim('hello', HELLO, { phase: 'Bound' })] }, 'hello').map((f) => f.code)).not.toContain('claim.populator-missing');
  });

  it('without the VolumePopulator API: information that the validator is not installed, a warning after ten minutes', () => {
    const states = { states: { volumepopulators: 'absent' as const } };
    const [young] = findings({ persistentvolumeclaims: [claim('hello', HELLO)], volumepopulators: [] }, 'hello', states);
    expect(young?.code).toBe('claim.populator-missing');
    expect(young?.severity).toBe('info');
    expect(young?.cause.en).toContain('volume-data-source-validator is not installed');
    expect(young?.fix[0]?.command).toBe('kubectl get crd volumepopulators.populator.storage.k8s.io');
    const [old] = findings({ persistentvolumeclaims: [claim('hello', HELLO, { ageMinutes: 30 })], volumepopulators: [] }, 'hello', states);
    expect(old?.severity).toBe('warning');
    expect(old?.cause.en).toContain('probably none does');
  });

  it('cannot tell when VolumePopulators cannot be read', () => {
    const codes = findings({ persistentvolumeclaims: [claim('hello', HELLO)] }, 'hello', { states: { volumepopulators: 'forbidden' } }).map((f) => f.code);
    expect(codes).not.toContain('claim.populator-missing');
  });

  it('a snapshot through dataSourceRef is judged like one through dataSource: missing, not ready, ready', () => {
    const snapRef = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap' };
    expect(findings({ persistentvolumeclaims: [claim('r', snapRef)] }, 'r').map((f) => f.code)).toEqual(['claim.restore-source-missing']);
    const snap = (readyToUse: boolean): VolumeSnapshot => ({ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata: { name: 'snap', namespace: NS, uid: 'snap-uid' }, spec: {}, status: { readyToUse } });
    expect(findings({ persistentvolumeclaims: [claim('r', snapRef)], volumesnapshots: [snap(false)] }, 'r').map((f) => f.code)).toEqual(['claim.restore-source-not-ready']);
    expect(findings({ persistentvolumeclaims: [claim('r', snapRef)], volumesnapshots: [snap(true)] }, 'r').map((f) => f.code)).not.toContain('claim.restore-source-missing');
  });

  it('a source in another namespace: what it needs, and the provisioner\'s refusal as a problem', () => {
    const cross = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap', namespace: 'backups' };
    const [f] = findings({ persistentvolumeclaims: [claim('x', cross)] }, 'x');
    expect(f?.code).toBe('claim.source-cross-namespace');
    expect(f?.severity).toBe('info');
    expect(f?.cause.en).toContain('ReferenceGrant');
    expect(f?.evidence.find((e) => e.source === 'spec.dataSourceRef.namespace')?.value).toBe('backups');
    expect(f?.fix[0]?.command).toBe('kubectl get referencegrants -n backups -o yaml');
    const c = claim('x', cross);
    const refused = eventAbout(c, 'ProvisioningFailed', 'failed to provision volume with StorageClass "csi-hostpath-sc": error getting handle for DataSource Type VolumeSnapshot by Name snap: dataSourceRef namespace specified but the CrossNamespaceVolumeDataSource feature is disabled', { type: 'Warning' });
    const [g] = findings({ persistentvolumeclaims: [c], events: [refused] }, 'x');
    expect(g?.severity).toBe('problem');
    expect(g?.cause.en).toContain('CrossNamespaceVolumeDataSource feature is disabled');
  });
});

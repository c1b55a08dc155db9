import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../kube/objects';
import type { Finding } from '../model/findings';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import {
  csiDriver,
  csiHostpathClass,
  csiNode,
  eventAbout,
  lease,
  localPathClass,
  manualClaim,
  manualVolume,
  minutesAgo,
  node,
  noProvisionerClass,
  readyPod,
  taskPod,
} from './testing/fixtures';
import { diagnoseObject } from './index';
import { plainText } from '../verbatim';

const claimRef = { kind: 'persistentvolumeclaims' as const, name: 'task-pv-claim', namespace: 'default' };

function diagnose(objects: FixtureObjects): Finding[] {
  return diagnoseObject(fixtureView(objects), claimRef);
}
function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}
function claimWith(spec: Partial<NonNullable<PersistentVolumeClaim['spec']>>, meta: Partial<NonNullable<PersistentVolumeClaim['metadata']>> = {}): PersistentVolumeClaim {
  return { ...manualClaim, metadata: { ...manualClaim.metadata, ...meta }, spec: { ...manualClaim.spec, ...spec } };
}
function volumeWith(name: string, spec: Partial<NonNullable<PersistentVolume['spec']>>, phase = 'Available'): PersistentVolume {
  return { ...manualVolume, metadata: { ...manualVolume.metadata, name, uid: `pv-${name}` }, spec: { ...manualVolume.spec, ...spec }, status: { phase } };
}
const nonDefault = (sc: StorageClass): StorageClass => ({ ...sc, metadata: { ...sc.metadata, annotations: {} } });
const inClass = (className: string) => claimWith({ storageClassName: className });

describe('pending claim: classes', () => {
  it('no class and no default class: says nothing will provision, shows the FailedBinding event', () => {
    const claim = claimWith({ storageClassName: undefined });
    const [f] = diagnose({
      storageclasses: [nonDefault(localPathClass)],
      persistentvolumeclaims: [claim],
      events: [eventAbout(claim, 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set')],
    });
    expect(f?.code).toBe('claim.no-default-class');
    expect(f?.severity).toBe('problem');
    expect(f?.evidence.map((e) => e.value)).toContain('no persistent volumes available for this claim and no storage class is set');
    expect(f?.fix.map((s) => s.command)).toContain(`kubectl patch pvc task-pv-claim -n default --type merge -p '{"spec":{"storageClassName":"<class>"}}'`);
  });

  it('no class but a class-less volume fits: binding is due, not a problem', () => {
    const claim = claimWith({ storageClassName: undefined });
    const pv = volumeWith('classless', { storageClassName: undefined });
    expect(codes(diagnose({ persistentvolumeclaims: [claim], persistentvolumes: [pv] }))).toEqual(['claim.binding-pending']);
  });

  it('several defaults: warns and goes on with the newest default', () => {
    const older = { ...csiHostpathClass, metadata: { ...csiHostpathClass.metadata, creationTimestamp: minutesAgo(9999), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } };
    const claim = claimWith({ storageClassName: undefined });
    const found = diagnose({ storageclasses: [older, localPathClass], persistentvolumeclaims: [claim] });
    expect(codes(found).sort()).toEqual(['claim.several-default-classes', 'claim.wait-for-first-consumer']);
    expect(plainText(found.find((f) => f.code === 'claim.several-default-classes')?.cause.en ?? '')).toContain('newest (standard)');
  });

  it('several defaults created in the same second: picks by name, as Kubernetes GetDefaultClass does', () => {
    // Classes applied back to back on the lab share a creationTimestamp (1 s resolution); the PV controller and
    // the admission plugin then take the first by name, whatever order they are listed in.
    const at = minutesAgo(5);
    const defaultNamed = (name: string): StorageClass => ({ ...localPathClass, metadata: { ...localPathClass.metadata, name, uid: `sc-${name}`, creationTimestamp: at } });
    const claim = claimWith({ storageClassName: undefined });
    for (const order of [['zeta', 'beta'], ['beta', 'zeta']]) {
      const found = diagnose({ storageclasses: order.map(defaultNamed), persistentvolumeclaims: [claim] });
      const several = found.find((f) => f.code === 'claim.several-default-classes');
      expect(plainText(several?.cause.en ?? ''), order.join(',')).toContain('Kubernetes picks the newest (beta)');
      expect(several?.fix[0]?.command, order.join(',')).toBe('kubectl annotate storageclass zeta storageclass.kubernetes.io/is-default-class-');
    }
  });

  it('class missing: names it, lists existing classes, shows the provisioning failure', () => {
    const claim = inClass('fast');
    const [f] = diagnose({
      storageclasses: [localPathClass],
      persistentvolumeclaims: [claim],
      events: [eventAbout(claim, 'ProvisioningFailed', 'storageclass.storage.k8s.io "fast" not found', { type: 'Warning' })],
    });
    expect(f?.code).toBe('claim.class-missing');
    expect(plainText(f?.cause.en ?? '')).toContain('"fast"');
    expect(f?.evidence.map((e) => e.value)).toEqual(expect.arrayContaining(['fast', 'standard', 'storageclass.storage.k8s.io "fast" not found']));
    // The event's time travels as a timestamp for the UI to show live, never as frozen "3 s ago" text.
    const line = f?.evidence.find((e) => e.event === 'ProvisioningFailed');
    expect(line?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(`${line?.label.en} ${line?.label.ru}`).not.toMatch(/ago|назад/);
  });

  it('class missing but a volume of that class fits (the docs "manual" example binds without a class object)', () => {
    expect(codes(diagnose({ persistentvolumeclaims: [manualClaim], persistentvolumes: [manualVolume] }))).toEqual(['claim.binding-pending']);
  });

  it('class "manual" with volumes of that class, none fitting: a static near miss, never "create the class"', () => {
    // What the PV controller does here (pkg/controller/volume/persistentvolume/pv_controller.go syncUnboundClaim):
    // no match, class set, so it tries to provision and records ProvisioningFailed `storageclass... "manual" not found`.
    const claim = claimWith({ resources: { requests: { storage: '20Gi' } } });
    const [f, ...rest] = diagnose({
      persistentvolumeclaims: [claim],
      persistentvolumes: [manualVolume],
      events: [eventAbout(claim, 'ProvisioningFailed', 'storageclass.storage.k8s.io "manual" not found', { type: 'Warning' })],
    });
    expect(rest).toEqual([]);
    expect(f?.code).toBe('claim.static-near-miss');
    expect(plainText(f?.cause.en ?? '')).toMatch(/class manual, which is only a name that hand-made volumes carry \(no StorageClass object is needed, so the "not found" event is expected\)/);
    expect(f?.cause.ru).toContain('объект StorageClass для него не нужен');
    expect(f?.evidence.map((e) => e.value)).toEqual(expect.arrayContaining([manualVolume.metadata!.name, 'storageclass.storage.k8s.io "manual" not found']));
    expect(f?.fix.map((s) => s.text.en).join(' ')).not.toMatch(/[Cc]reate the class/);
  });

  it('a missing class one typo away from an existing one: "did you mean", and no unrelated near-miss volumes (trial 3 defect 17)', () => {
    const claim = inClass('standrd');
    const withTypo = diagnose({ storageclasses: [localPathClass, csiHostpathClass], persistentvolumeclaims: [claim], persistentvolumes: [manualVolume, { ...manualVolume, metadata: { ...manualVolume.metadata, name: 'spare', uid: 'spare' }, spec: { ...manualVolume.spec, storageClassName: '' } }] });
    expect(codes(withTypo)).toEqual(['claim.class-missing']);
    const [f] = withTypo;
    expect(plainText(f!.cause.en)).toContain('Did you mean "standard"? The names differ by one character.');
    expect(plainText(f!.cause.ru)).toContain('Возможно, имелся в виду «standard»');
    expect(f!.evidence.find((e) => e.label.en === 'Did you mean')).toMatchObject({ value: 'standard', ref: { kind: 'storageclasses', name: 'standard' } });
    expect(f!.evidence.filter((e) => e.ref?.kind === 'persistentvolumes')).toEqual([]);
    expect(f!.fix.map((s) => s.command)).toEqual(expect.arrayContaining(['kubectl get storageclass standard']));
    // Far from every class: no guess, the general finding.
    const [far] = diagnose({ storageclasses: [localPathClass], persistentvolumeclaims: [inClass('fast')] });
    expect(far!.evidence.some((e) => e.label.en === 'Did you mean')).toBe(false);
  });

  it('a missing class that no volume uses either: a typo or a static class without volumes, both fixes offered', () => {
    const [f] = diagnose({ persistentvolumeclaims: [manualClaim] });
    expect(f?.code).toBe('claim.class-missing');
    expect(f?.cause.en).toContain('no PersistentVolume of that class exists either');
    expect(f?.fix.map((s) => plainText(s.text.en))).toEqual(
      expect.arrayContaining(['A class of hand-made volumes: create a PersistentVolume with storageClassName manual, at least 3Gi, access modes ReadWriteOnce, volumeMode Filesystem']),
    );
    // No class exists at all: there is no class to correct a typo to, and none provisions, so no manifest either.
    expect(f?.fix.map((s) => s.command)).toEqual([undefined, undefined, 'kubectl describe pvc task-pv-claim -n default']);
    expect(plainText(f!.fix[0]!.text.ru)).toBe('Чтобы создать класс manual, сначала установите провизионер: ни один класс или CSIDriver кластера не называет такой, который создавал бы его тома');
  });

  it('a missing class with other classes existing: the typo fix recreates the claim, command by command (trial 9 defect 1)', () => {
    const [f] = diagnose({ storageclasses: [localPathClass], persistentvolumeclaims: [manualClaim] });
    expect(f?.code).toBe('claim.class-missing');
    // A claim's class cannot be patched: save, edit, delete, apply; each step's command does what its text says.
    expect(f?.fix.slice(1, 5).map((s) => [plainText(s.text.en).split(':')[0], s.command])).toEqual([
      ['If the name is a typo, save the claim to task-pv-claim.yaml', 'kubectl get pvc task-pv-claim -n default -o yaml > task-pv-claim.yaml'],
      ['In task-pv-claim.yaml, change storageClassName manual to one of', undefined],
      ['Delete the claim. It is Pending', 'kubectl delete pvc task-pv-claim -n default'],
      ['Create it again from the edited file', 'kubectl apply -f task-pv-claim.yaml'],
    ]);
    expect(plainText(f!.fix[3]!.text.en)).toContain('it has no volume and no data, so nothing is lost');
    expect(f!.fix[3]!.text.ru).toContain('тома и данных у неё нет');
    expect(f!.fix[0]!.command).toMatch(/^kubectl apply -f - <<'EOF'\n/);
  });

  it('a fitting volume with kube-controller-manager down is a problem', () => {
    const found = diagnose({ persistentvolumeclaims: [manualClaim], persistentvolumes: [manualVolume], leases: [lease('kube-controller-manager', 'kube-system', 'cp', 300)] });
    expect(found[0]).toMatchObject({ code: 'claim.binding-pending', severity: 'problem' });
  });

  it('class missing and StorageClasses unreadable: undetermined, not "missing"', () => {
    const found = diagnoseObject(fixtureView({ persistentvolumeclaims: [inClass('fast')] }, { states: { storageclasses: 'forbidden' } }), claimRef);
    expect(codes(found)).toEqual(['claim.pending']);
  });
});

describe('pending claim: WaitForFirstConsumer', () => {
  const claim = inClass('standard');
  it('no pod yet: an expected wait that says what will bind it', () => {
    const [f] = diagnose({ storageclasses: [localPathClass], persistentvolumeclaims: [claim], events: [eventAbout(claim, 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding')] });
    expect(f).toMatchObject({ code: 'claim.wait-for-first-consumer', severity: 'expected-wait', lesson: 'binding-modes' });
    expect(f?.cause.en).toContain('until a pod that uses it is created and scheduled');
  });

  it('the consuming pod is unschedulable: quotes the scheduler', () => {
    const message = '0/2 nodes are available: 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
    const pod = { ...taskPod, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] } };
    const [f] = diagnose({ storageclasses: [localPathClass], persistentvolumeclaims: [claim], pods: [pod], events: [eventAbout(pod, 'FailedScheduling', message, { type: 'Warning', component: 'default-scheduler' })] });
    expect(f?.code).toBe('claim.consumer-unschedulable');
    expect(f?.cause.en).toContain("didn't match Pod's node affinity");
    expect(f?.evidence.some((e) => e.ref?.kind === 'pods' && e.ref.name === 'task-pv-pod')).toBe(true);
  });

  it('the pod waits for the scheduler: expected, then a warning when slow', () => {
    const young = { ...taskPod, metadata: { ...taskPod.metadata, creationTimestamp: minutesAgo(1) } };
    expect(diagnose({ storageclasses: [localPathClass], persistentvolumeclaims: [claim], pods: [young] })[0]).toMatchObject({ code: 'claim.wait-for-pod-scheduled', severity: 'expected-wait' });
    expect(diagnose({ storageclasses: [localPathClass], persistentvolumeclaims: [claim], pods: [taskPod] })[0]).toMatchObject({ code: 'claim.wait-for-pod-scheduled', severity: 'warning' });
  });

  it('static local volumes: the unschedulable pod comes with the near misses', () => {
    const local = inClass('local-storage');
    const message = "0/1 nodes are available: 1 node(s) didn't find available persistent volumes to bind.";
    const pod = { ...taskPod, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] } };
    const small = volumeWith('local-pv-1', { storageClassName: 'local-storage', capacity: { storage: '1Gi' } });
    const [f] = diagnose({ storageclasses: [noProvisionerClass], persistentvolumeclaims: [local], persistentvolumes: [small], pods: [pod] });
    expect(f?.code).toBe('claim.consumer-unschedulable');
    expect(f?.evidence.find((e) => e.ref?.name === 'local-pv-1')?.source).toBe('spec.capacity.storage');
  });

  it('compares sizes exactly: one byte short is too small, however large the volume', () => {
    // 2^53 + 1 and 2^53 are one Number: a float comparison would call this volume big enough.
    const local = inClass('local-storage');
    const claim = { ...local, spec: { ...local.spec, resources: { requests: { storage: '9007199254740993' } } } };
    const message = "0/1 nodes are available: 1 node(s) didn't find available persistent volumes to bind.";
    const pod = { ...taskPod, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] } };
    const short = volumeWith('local-pv-1', { storageClassName: 'local-storage', capacity: { storage: '9007199254740992' } });
    const [f] = diagnose({ storageclasses: [noProvisionerClass], persistentvolumeclaims: [claim], persistentvolumes: [short], pods: [pod] });
    expect(f?.evidence.find((e) => e.ref?.name === 'local-pv-1')?.source).toBe('spec.capacity.storage');
  });
});

describe('pending claim: provisioning', () => {
  const claim = claimWith({ storageClassName: 'csi-hostpath-sc' }, { annotations: { 'volume.kubernetes.io/storage-provisioner': 'hostpath.csi.k8s.io' } });
  const registered = { storageclasses: [csiHostpathClass], csidrivers: [csiDriver], csinodes: [csiNode('node-1', ['hostpath.csi.k8s.io'])] };
  const alive = lease('hostpath-csi-k8s-io', 'kube-system', 'csi-hostpathplugin-0', 3);

  it('the provisioner is dead: says so with the lease evidence and where to look', () => {
    const dead = lease('hostpath-csi-k8s-io', 'kube-system', 'csi-hostpathplugin-0', 600);
    const [f] = diagnose({ ...registered, leases: [dead], persistentvolumeclaims: [claim] });
    expect(f?.code).toBe('claim.provisioner-dead');
    expect(f?.cause.en).toContain('hostpath.csi.k8s.io');
    // At the cause (issue 9 part 3): the lease that stopped, by name; no pod of it runs, so its CSIDriver.
    expect(f?.fix.map((s) => s.command)).toEqual(expect.arrayContaining(['kubectl get csidriver hostpath.csi.k8s.io', 'kubectl get lease -n kube-system hostpath-csi-k8s-io -o yaml']));
    expect(f?.fix.some((s) => s.command?.includes(' -A'))).toBe(false);
  });

  it('provisioning failed: quotes the provisioner', () => {
    const msg = 'failed to provision volume with StorageClass "csi-hostpath-sc": rpc error: code = ResourceExhausted desc = requested capacity 3221225472 exceeds maximum allowed 1073741824';
    const [f] = diagnose({ ...registered, leases: [alive], pods: [readyPod('csi-hostpathplugin-0', 'kube-system')], persistentvolumeclaims: [claim], events: [eventAbout(claim, 'ProvisioningFailed', msg, { type: 'Warning', component: 'hostpath.csi.k8s.io_csi-hostpathplugin-0_1f2e' })] });
    expect(f?.code).toBe('claim.provisioning-failed');
    expect(f?.cause.en).toContain('exceeds maximum allowed');
    expect(f?.cause.ru).toContain('exceeds maximum allowed');
  });

  it('a success after the failure wins', () => {
    const events = [eventAbout(claim, 'ProvisioningFailed', 'boom', { minutesAgo: 5 }), eventAbout(claim, 'ProvisioningSucceeded', 'Successfully provisioned volume pvc-1', { minutesAgo: 1 })];
    expect(diagnose({ ...registered, leases: [alive], persistentvolumeclaims: [claim], events })[0]?.code).toBe('claim.provisioning');
  });

  it('in progress with a live provisioner: an expected wait, a warning when slow', () => {
    const fresh = claimWith({ storageClassName: 'csi-hostpath-sc' }, { creationTimestamp: minutesAgo(1) });
    expect(diagnose({ ...registered, leases: [alive], persistentvolumeclaims: [fresh] })[0]).toMatchObject({ code: 'claim.provisioning', severity: 'expected-wait' });
    expect(diagnose({ ...registered, leases: [alive], persistentvolumeclaims: [claim] })[0]).toMatchObject({ code: 'claim.provisioning', severity: 'warning' });
  });

  it('a claim with a selector is never provisioned', () => {
    const withSelector = claimWith({ storageClassName: 'csi-hostpath-sc', selector: { matchLabels: { type: 'fast' } } });
    expect(diagnose({ ...registered, leases: [alive], persistentvolumeclaims: [withSelector] })[0]?.code).toBe('claim.provisioning-failed');
  });
});

describe('pending claim: static near misses', () => {
  const claim = claimWith({ storageClassName: '', accessModes: ['ReadWriteOnce'] });
  const released = volumeWith('old-data', { storageClassName: undefined, claimRef: { namespace: 'default', name: 'task-pv-claim', uid: 'old-uid' } }, 'Released');
  const small = volumeWith('small', { storageClassName: undefined, capacity: { storage: '1Gi' } });
  const rox = volumeWith('rox', { storageClassName: undefined, accessModes: ['ReadOnlyMany'] });
  const block = volumeWith('block', { storageClassName: undefined, volumeMode: 'Block' });
  const labelled = claimWith({ storageClassName: '', selector: { matchLabels: { type: 'ssd' } } });
  const far = volumeWith('far', { storageClassName: 'other', capacity: { storage: '1Gi' }, accessModes: ['ReadOnlyMany'] });

  it('lists, per volume, which fields differ; leaves out volumes far off', () => {
    const [f] = diagnose({ persistentvolumeclaims: [claim], persistentvolumes: [released, small, rox, block, far] });
    expect(f?.code).toBe('claim.static-near-miss');
    const byVolume = Object.fromEntries(f!.evidence.filter((e) => e.ref?.kind === 'persistentvolumes').map((e) => [e.ref!.name, e.source]));
    // The empty class in words, not a bare "" before a note (trial 3: `"" только заранее созданные тома`).
    const asked = f!.evidence.find((e) => e.source === 'spec.storageClassName');
    expect(asked).toMatchObject({ value: '', note: { ru: 'без класса (пустая строка): только заранее созданные тома' } });
    expect(byVolume).toEqual({ 'old-data': 'status.phase', small: 'spec.capacity.storage', rox: 'spec.accessModes', block: 'spec.volumeMode' });
    expect(plainText(f?.evidence.find((e) => e.ref?.name === 'small')?.note?.ru ?? '')).toContain('меньше запрошенных 3Gi');
    // old-data still holds the claimRef of this claim's name with the uid of an earlier claim (deleted, recreated):
    // forgetting the uid hands it to this claim alone, with the reclaim policy said.
    const stale = f!.fix.find((s) => s.command?.includes('old-data') && s.command.startsWith('kubectl patch'));
    expect(stale?.command).toBe(`kubectl patch pv old-data --type merge -p '{"spec":{"claimRef":{"uid":null,"resourceVersion":null}}}'`);
    expect(plainText(stale!.text.en)).toContain('Give volume old-data back to claim default/task-pv-claim: forget only the old uid');
    expect(plainText(stale!.text.en)).toContain('Its reclaim policy is Retain');
    // Each near miss is read whole by name, its differing fields named in words and by path.
    // (the three closest, by name among equals: block, old-data, rox; small is in the evidence only)
    expect(f!.fix.filter((s) => s.command?.startsWith('kubectl get pv ')).map((s) => s.command)).toEqual(['kubectl get pv block -o yaml', 'kubectl get pv old-data -o yaml', 'kubectl get pv rox -o yaml']);
    const blockStep = f!.fix.find((s) => s.command === 'kubectl get pv block -o yaml');
    expect(plainText(blockStep!.text.en)).toBe('Volume block nearly fits: volumeMode is Block, the claim wants Filesystem (spec.volumeMode). Read it whole, then change the claim (recreate it) or make a volume that fits');
    expect(plainText(blockStep!.text.ru)).toContain('Том block почти подходит: volumeMode Block, а заявке нужен Filesystem (spec.volumeMode)');
    expect(f?.fix.some((s) => s.command === 'kubectl get pv')).toBe(false);
    // The volume's fields as label/value facts in both languages, not a raw "capacity=1Gi accessModes=..." (trial 4).
    const near = f!.evidence.find((e) => e.ref?.name === 'small')!;
    expect(near.value).toBe('small');
    expect(near.facts?.map((x) => [x.label.ru, x.value, x.note?.ru ?? ''])).toEqual([
      ['Ёмкость', '1Gi', ''],
      ['Режимы доступа', 'ReadWriteOnce', ''],
      ['Класс', '', 'без класса (пустая строка)'],
      ['Режим тома', 'Filesystem', ''],
      ['Фаза', 'Available', ''],
      ['Привязан к заявке', '', 'нет'],
    ]);
    // Stuck because no volume is big enough: the Summary's headline says so and names the gap (trial 4 defect 5).
    expect(plainText(f!.headline!.en)).toBe('Stuck: no volume is big enough (largest, small: 1Gi of 3Gi asked)');
    expect(plainText(f!.headline!.ru)).toBe('Застряла: ни один том не вмещает запрос (самый большой, small: 1Gi из запрошенных 3Gi)');
    expect(near.facts?.map((x) => x.label.en)).toEqual(['Capacity', 'Access modes', 'Class', 'Volume mode', 'Phase', 'Bound to claim']);
  });

  it('selector labels and node affinity are compared too', () => {
    const pinned = volumeWith('pinned', { storageClassName: undefined, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['gone-node'] }] }] } } });
    const [f] = diagnose({ persistentvolumeclaims: [labelled], persistentvolumes: [pinned], nodes: [node('node-1')] });
    expect(f?.code).toBe('claim.static-near-miss');
    expect(f?.evidence.find((e) => e.ref?.name === 'pinned')?.source).toBe('metadata.labels, spec.nodeAffinity');
    // No size gap: the catalog's title, which says no volume fits.
    expect(f?.headline).toBeUndefined();
  });

  it("a Released volume still holding another claim's claimRef: remove it, saying the volume goes to any fitting claim and what its policy does", () => {
    const otherOwner = volumeWith('old-logs', { storageClassName: undefined, persistentVolumeReclaimPolicy: 'Delete', claimRef: { namespace: 'default', name: 'logs', uid: 'logs-uid' } }, 'Released');
    const [f] = diagnose({ persistentvolumeclaims: [claim], persistentvolumes: [otherOwner] });
    expect(f?.code).toBe('claim.static-near-miss');
    const stale = f!.fix.find((s) => s.command?.startsWith('kubectl patch pv old-logs'));
    expect(stale?.command).toBe(`kubectl patch pv old-logs --type json -p '[{"op":"remove","path":"/spec/claimRef"}]'`);
    expect(plainText(stale!.text.en)).toBe(
      'Remove its claimRef, after checking that the old data may be handed over: volume old-logs becomes Available and the first claim that fits takes it, default/task-pv-claim or another, with the data still on it. Its reclaim policy is Delete: when the next claim is deleted, the volume and its data are deleted; set it to Retain first if the data matters',
    );
    expect(plainText(stale!.text.ru)).toContain('станет Available, и его получит первая подходящая заявка — default/task-pv-claim или другая, вместе с данными. Его политика возврата Delete');
  });

  it('volumes bound to other claims are not offered as near misses; reserved ones are', () => {
    const taken = volumeWith('taken', { storageClassName: undefined, claimRef: { namespace: 'shop', name: 'db', uid: 'db-uid' } }, 'Bound');
    const reserved = volumeWith('reserved', { storageClassName: undefined, claimRef: { namespace: 'shop', name: 'db' } });
    const [f] = diagnose({ persistentvolumeclaims: [claim], persistentvolumes: [taken, reserved] });
    expect(f?.evidence.filter((e) => e.ref?.kind === 'persistentvolumes').map((e) => [e.ref!.name, e.source])).toEqual([['reserved', 'spec.claimRef']]);
  });

  it('nothing close at all', () => {
    expect(diagnose({ persistentvolumeclaims: [claim], persistentvolumes: [far] })[0]?.code).toBe('claim.no-matching-volume');
  });
});

describe('pending claim: a requested volume (spec.volumeName)', () => {
  it('does not exist', () => {
    expect(diagnose({ persistentvolumeclaims: [claimWith({ volumeName: 'nope' })] })[0]?.code).toBe('claim.volume-name-missing');
  });
  it('belongs to another claim', () => {
    const taken = volumeWith('task-pv-volume', { claimRef: { namespace: 'other', name: 'x', uid: 'x-uid' } }, 'Bound');
    expect(diagnose({ persistentvolumeclaims: [claimWith({ volumeName: 'task-pv-volume' })], persistentvolumes: [taken] })[0]?.code).toBe('claim.volume-taken');
  });
  it('does not fit, with the same words as the VolumeMismatch event', () => {
    const claim = claimWith({ volumeName: 'task-pv-volume', resources: { requests: { storage: '20Gi' } } });
    const [f] = diagnose({ persistentvolumeclaims: [claim], persistentvolumes: [manualVolume], events: [eventAbout(claim, 'VolumeMismatch', 'Cannot bind to requested volume "task-pv-volume": requested PV is too small', { type: 'Warning' })] });
    expect(f?.code).toBe('claim.volume-mismatch');
    expect(plainText(f?.cause.en ?? '')).toContain('smaller than the 20Gi requested');
    expect(f?.evidence.map((e) => e.event)).toContain('VolumeMismatch');
  });
  it('fits: binding is due', () => {
    expect(diagnose({ persistentvolumeclaims: [claimWith({ volumeName: 'task-pv-volume' })], persistentvolumes: [manualVolume] })[0]?.code).toBe('claim.binding-pending');
  });
});

describe('Russian phrasing of provisioner texts (trial of issue 8, defect 9)', () => {
  it('continues after a colon in lower case, keeping acronyms and names', async () => {
    const { afterColon } = await import('./claims-consumer');
    expect(afterColon('Не найдено лидерского Lease')).toBe('не найдено лидерского Lease');
    expect(afterColon('No leader lease')).toBe('no leader lease');
    expect(afterColon('PVC is pending')).toBe('PVC is pending');
    expect(afterColon('')).toBe('');
  });

  it('says the unknown health of a provisioner so that it agrees in Russian', async () => {
    const { VERDICT_TEXT } = await import('./provisioners');
    expect(VERDICT_TEXT.unknown.ru).toBe('состояние неизвестно');
  });
});

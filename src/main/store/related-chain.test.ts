import { describe, expect, it } from 'vitest';
import { CHAIN_STEPS, RELATION_CODES, RELATION_STEP, type RelatedObject } from '../../shared/model/detail';
import { attachment, boundPair, event, nodeObj, pod, pv, pvc, sc, syncedStore } from './testing/fixtures';

const store = () => syncedStore();

/** "relation kind name" lines, plus what the item adds (missing, via, differences, view). */
function lines(related: readonly RelatedObject[] | undefined): string[] {
  return (related ?? []).map((r) =>
    [r.relation, r.ref.kind, r.ref.namespace ? `${r.ref.namespace}/${r.ref.name}` : r.ref.name, r.missing ? 'missing' : '', r.via ? `via ${r.via}` : '', r.differences ? `differs: ${r.differences.join(',')}` : '', r.view ? `view ${r.view}` : '']
      .filter(Boolean)
      .join(' '),
  );
}

describe('the chain of a bound claim', () => {
  it('pods, volume, class, provisioner and CSI driver, the nodes of its pods and of its volume, in chain order', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data', '1Gi');
    volume.spec = { ...volume.spec, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] }] } } };
    s.replace('storageclasses', [sc('fast')]);
    s.replace('csidrivers', [{ apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'example.com/nfs', uid: 'drv' } }]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    s.replace('nodes', [nodeObj('node-1')]);
    s.replace('pods', [pod('shop', 'db-0', ['data'], { nodeName: 'node-1' })]);
    const detail = s.getObject({ kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' });
    expect(lines(detail?.related)).toEqual([
      'mounted-by pods shop/db-0',
      `bound-volume persistentvolumes ${volume.metadata?.name}`,
      'storage-class storageclasses fast',
      'provisioner storageclasses example.com/nfs via fast view provisioners',
      'csi-driver csidrivers example.com/nfs via fast',
      'pod-node nodes node-1 via db-0',
      `affinity-node nodes node-1 via ${volume.metadata?.name}`,
    ]);
  });

  it('tells the chain story: events of the claim, its pods and its volume, newest first', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data', '1Gi');
    const p = pod('shop', 'db-0', ['data']);
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    s.replace('pods', [p]);
    s.replace('events', [
      event({ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop', uid: claim.metadata?.uid }, 'ProvisioningSucceeded', 'made it', '2026-11-28T09:01:00Z'),
      event({ kind: 'Pod', name: 'db-0', namespace: 'shop', uid: p.metadata?.uid }, 'FailedMount', 'not yet', '2026-11-28T09:02:00Z', 'Warning'),
      event({ kind: 'Pod', name: 'other', namespace: 'shop' }, 'Scheduled', 'unrelated', '2026-11-28T09:03:00Z'),
      // An earlier object of the same name: another incarnation, not this claim's story.
      event({ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop', uid: 'old-uid' }, 'ProvisioningFailed', 'old', '2026-11-28T08:00:00Z'),
    ]);
    const detail = s.getObject({ kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' });
    expect(detail?.relatedEvents.map((e) => `${e.reason} ${e.object?.kind}/${e.object?.name}`)).toEqual([
      'FailedMount pods/db-0',
      'ProvisioningSucceeded persistentvolumeclaims/data',
    ]);
  });
});

describe('the chain of a Pending claim waiting for a pre-created volume', () => {
  it('a missing class is flagged, and volumes that almost fit are listed with what differs', () => {
    const s = store();
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [pvc('lab-stuck', 'missing-class', { storageClassName: 'fast-ssd', resources: { requests: { storage: '2Gi' } } })]);
    s.replace('persistentvolumes', [
      pv('near-pv', { storageClassName: 'fast-ssd', capacity: { storage: '1Gi' } }),
      pv('far-pv', { storageClassName: 'other', capacity: { storage: '1Gi' }, accessModes: ['ReadOnlyMany'], volumeMode: 'Block' }),
    ]);
    const detail = s.getObject({ kind: 'persistentvolumeclaims', name: 'missing-class', namespace: 'lab-stuck' });
    expect(lines(detail?.related)).toEqual(['storage-class storageclasses fast-ssd missing', 'near-miss-volume persistentvolumes near-pv differs: size']);
    // The same comparison the diagnosis makes: its finding names the same volume.
    expect(detail?.findings.flatMap((f) => f.evidence.filter((e) => e.ref?.kind === 'persistentvolumes').map((e) => e.ref?.name))).toEqual(['near-pv']);
  });

  it('a claim asking for no class ("") gets near misses too; one of a provisioning class does not', () => {
    const s = store();
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [
      pvc('shop', 'static', { storageClassName: '', accessModes: ['ReadWriteMany'] }),
      pvc('shop', 'dynamic', { storageClassName: 'fast', accessModes: ['ReadWriteMany'] }),
    ]);
    s.replace('persistentvolumes', [pv('rwo-pv', { storageClassName: '' }), pv('rwo-fast-pv', { storageClassName: 'fast' })]);
    const staticClaim = s.getObject({ kind: 'persistentvolumeclaims', name: 'static', namespace: 'shop' });
    // Fewest differences first, as the diagnosis sorts them.
    expect(lines(staticClaim?.related)).toEqual([
      'near-miss-volume persistentvolumes rwo-pv differs: accessModes',
      'near-miss-volume persistentvolumes rwo-fast-pv differs: accessModes,class',
    ]);
    const dynamic = s.getObject({ kind: 'persistentvolumeclaims', name: 'dynamic', namespace: 'shop' });
    expect(lines(dynamic?.related)).toEqual(['storage-class storageclasses fast', 'provisioner storageclasses example.com/nfs via fast view provisioners']);
  });

  it('no class at all: the default class applies, and is named as such', () => {
    const s = store();
    s.replace('storageclasses', [sc('standard', {}, true)]);
    s.replace('persistentvolumeclaims', [pvc('shop', 'plain', { storageClassName: undefined })]);
    expect(lines(s.getObject({ kind: 'persistentvolumeclaims', name: 'plain', namespace: 'shop' })?.related)).toEqual([
      'default-storage-class storageclasses standard',
      'provisioner storageclasses example.com/nfs via standard view provisioners',
    ]);
  });
});

describe('the chain of other kinds', () => {
  it('a volume: pods of its claim, the claim, class, provisioner, node affinity, attachment and its node', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data', '1Gi');
    volume.spec = { ...volume.spec, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] }] } } };
    const va = attachment(volume.metadata?.name ?? '', 'node-2');
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    s.replace('nodes', [nodeObj('node-1'), nodeObj('node-2')]);
    s.replace('volumeattachments', [va]);
    s.replace('pods', [pod('shop', 'db-0', ['data'], { nodeName: 'node-2' })]);
    expect(lines(s.getObject({ kind: 'persistentvolumes', name: volume.metadata?.name ?? '' })?.related)).toEqual([
      'mounted-by pods shop/db-0',
      'bound-claim persistentvolumeclaims shop/data',
      'storage-class storageclasses fast',
      'provisioner storageclasses example.com/nfs via fast view provisioners',
      'affinity-node nodes node-1',
      'attached-node nodes node-2',
      `attachment volumeattachments ${va.metadata?.name}`,
    ]);
  });

  it('a class: its provisioner, its claims and volumes', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data', '1Gi');
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    expect(lines(s.getObject({ kind: 'storageclasses', name: 'fast' })?.related)).toEqual([
      'class-claim persistentvolumeclaims shop/data',
      `class-volume persistentvolumes ${volume.metadata?.name}`,
      'provisioner storageclasses example.com/nfs via fast view provisioners',
    ]);
  });

  it('a pod: claims, their volumes and classes (once each), the provisioner and its node', () => {
    const s = store();
    const [a, va] = boundPair('shop', 'a', '1Gi');
    const [b, vb] = boundPair('shop', 'b', '1Gi');
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [a, b]);
    s.replace('persistentvolumes', [va, vb]);
    s.replace('nodes', [nodeObj('node-1')]);
    s.replace('pods', [pod('shop', 'app', ['a', 'b'], { nodeName: 'node-1' })]);
    expect(lines(s.getObject({ kind: 'pods', name: 'app', namespace: 'shop' })?.related)).toEqual([
      'uses-claim persistentvolumeclaims shop/a',
      'uses-claim persistentvolumeclaims shop/b',
      `claim-volume persistentvolumes ${va.metadata?.name} via a`,
      `claim-volume persistentvolumes ${vb.metadata?.name} via b`,
      'storage-class storageclasses fast via a',
      'provisioner storageclasses example.com/nfs via fast view provisioners',
      'node nodes node-1',
    ]);
  });
});

describe('relation codes', () => {
  it('each belongs to one step of the chain', () => {
    for (const code of RELATION_CODES) expect(CHAIN_STEPS).toContain(RELATION_STEP[code]);
  });
});

describe('the chain of a StatefulSet (issue 12 part 4)', () => {
  it("each ordinal's pod and claims by number, a refused claim flagged missing, claims kept after a scale-down, the templates' class", () => {
    const s = store();
    s.replace('storageclasses', [sc('fast')]);
    s.replace('statefulsets', [
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'shop', uid: 'sts' }, spec: { replicas: 2, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { storageClassName: 'fast' } }] } },
    ]);
    s.replace('persistentvolumeclaims', [pvc('shop', 'data-web-0'), pvc('shop', 'data-web-5'), pvc('shop', 'data-webby-1')]);
    s.replace('pods', [pod('shop', 'web-0', ['data-web-0'])]);
    const detail = s.getObject({ kind: 'statefulsets', name: 'web', namespace: 'shop' });
    expect(lines(detail?.related)).toEqual([
      'ordinal-pod pods shop/web-0 via 0',
      'ordinal-pod pods shop/web-1 missing via 1',
      'ordinal-claim persistentvolumeclaims shop/data-web-0 via 0',
      'ordinal-claim persistentvolumeclaims shop/data-web-1 missing via 1',
      'retained-claim persistentvolumeclaims shop/data-web-5 via 5',
      'template-class storageclasses fast via data',
    ]);
  });
});

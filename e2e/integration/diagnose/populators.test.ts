/**
 * Claims filled from a data source other than a plain clone or dataSource restore (issue 12 part 5), on the lab's
 * CSI stack: external-provisioner over the lab's CSI driver and the upstream snapshot controller and sidecar. First
 * without the VolumePopulator API (the lab as it is), then with the CRD of volume-data-source-validator and the
 * example Hello CRD of lib-volume-populator installed (e2e/cluster/populators.ts); the app's pipeline is opened again
 * after installing them, as discovery of optional kinds runs when a cluster is opened.
 *
 * - A kind no populator serves, VolumePopulator API absent: claim.populator-missing as information, with
 *   external-provisioner's "Assuming an external populator will provision the volume" (seen on the lab).
 * - A kind no VolumePopulator registers, with the API installed: claim.populator-missing as a problem.
 * - A restore from a snapshot through dataSourceRef: missing, then made and ready (the claim binds, no finding).
 * - Healthy: a claim naming a registered kind (Hello) says nothing of populators while it waits, and once a
 *   stand-in populator (this test, doing the last step of lib-volume-populator: a PV whose claimRef is the claim)
 *   has filled it, the claim is Bound with no finding.
 *
 * Not producible here:
 * - claim.source-cross-namespace: the lab's API server runs without the alpha CrossNamespaceVolumeDataSource
 *   gate, so it drops spec.dataSourceRef.namespace on create (unit tests in claims-populator.test.ts).
 * - The validator's own UnrecognizedDataSourceKind event: no volume-data-source-validator runs on the lab (its Go
 *   module is refused by the module proxy, 403); the finding stands on the VolumePopulator objects, and the event
 *   is shown as evidence when present (unit test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSI_DRIVER_NAME, startLab, type Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { installPopulatorCrds } from '../../cluster/populators';
import { apply, claimRef, codes, evidenceLines, expectCacheAgrees, type LiveCluster, namespace, openLive, until } from './live';
import { claim } from './manifests';

let lab: Lab;
let live: LiveCluster;
const CLASS = 'csi-populate';
const SNAP_CLASS = 'csi-populate-snaps';

function sourced(ns: string, name: string, dataSourceRef: { apiGroup?: string; kind: string; name: string }): KubeObject {
  return {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: ns },
    spec: { storageClassName: CLASS, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, dataSourceRef },
  };
}

const snapshotSource = (name: string) => ({ apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name });

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false, csi: true, log: () => undefined });
  live = await openLive(lab);
  await apply(
    lab,
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: CLASS }, provisioner: CSI_DRIVER_NAME, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' },
    { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: SNAP_CLASS }, driver: CSI_DRIVER_NAME, deletionPolicy: 'Delete' },
  );
});

afterAll(async () => {
  await live?.close();
  await lab?.stop();
});

async function bound(ns: string, name: string): Promise<void> {
  await until(`claim ${ns}/${name} bound`, () => live.store.get('persistentvolumeclaims', name, ns)?.status?.phase === 'Bound', 90_000);
}

describe('volume populators', () => {
  it('without the VolumePopulator API: a kind nobody serves is information, with the provisioner\'s hand-off event', async () => {
    expect(live.store.kindState('volumepopulators')).toBe('absent');
    const ns = await namespace(lab, 'pop-no-validator');
    await apply(lab, sourced(ns, 'from-hello', { apiGroup: 'hello.example.com', kind: 'Hello', name: 'greeting' }));
    const f = await live.waitFor(claimRef(ns, 'from-hello'), 'claim.populator-missing', 60_000);
    expect(f.severity).toBe('info');
    expect(f.cause.en).toContain('Hello.hello.example.com greeting');
    expect(f.cause.en).toContain('volume-data-source-validator is not installed');
    expect(f.fix.map((s) => s.command)).toContain('kubectl get crd volumepopulators.populator.storage.k8s.io');
    expect(f.fix.map((s) => s.command)).toContain(`kubectl get hello.hello.example.com greeting -n ${ns}`);
    // external-provisioner leaves the claim to a populator and says so (controller.go).
    await until(
      'the provisioner hands the claim off',
      () => live.finding(claimRef(ns, 'from-hello'), 'claim.populator-missing')?.evidence.some((e) => e.value === 'Assuming an external populator will provision the volume'),
      60_000,
      () => live.store.list('events', ns).map((e) => `${e.reason}: ${e.message}`).join(' | '),
    );
    expect(codes(live.findingsOf(claimRef(ns, 'from-hello')))).toEqual(['claim.populator-missing']);
    expectCacheAgrees(live, claimRef(ns, 'from-hello'));
  });

  it('a restore through dataSourceRef: the snapshot missing, then made and ready: the claim binds with no finding', async () => {
    const ns = await namespace(lab, 'pop-snapshot-ref');
    await apply(lab, sourced(ns, 'restored', snapshotSource('later')));
    const missing = await live.waitFor(claimRef(ns, 'restored'), 'claim.restore-source-missing', 60_000);
    expect(missing.cause.en).toContain('later');
    expect(evidenceLines(missing).join('\n')).toContain('VolumeSnapshot/later');
    await apply(lab, claim(ns, 'data', { className: CLASS }));
    await bound(ns, 'data');
    await apply(lab, { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata: { name: 'later', namespace: ns }, spec: { volumeSnapshotClassName: SNAP_CLASS, source: { persistentVolumeClaimName: 'data' } } });
    await bound(ns, 'restored');
    await live.waitGone(claimRef(ns, 'restored'), 'claim.restore-source-missing');
    expect(live.findingsOf(claimRef(ns, 'restored'))).toEqual([]);
  });

  describe('with the VolumePopulator API installed', () => {
    beforeAll(async () => {
      await installPopulatorCrds(lab.client('admin'), (what, check) => until(what, check, 30_000));
      // Optional kinds are discovered when a cluster is opened: open it again, as the app would after a restart.
      await live.close();
      live = await openLive(lab);
      expect(live.store.kindState('volumepopulators')).toBe('synced');
      await apply(lab, { apiVersion: 'populator.storage.k8s.io/v1beta1', kind: 'VolumePopulator', metadata: { name: 'hello-populator' }, sourceKind: { group: 'hello.example.com', kind: 'Hello' } } as KubeObject);
      await until('the VolumePopulator is seen', () => live.store.get('volumepopulators', 'hello-populator'));
    });

    it('a kind no VolumePopulator registers: claim.populator-missing, a problem naming the registered kinds', async () => {
      const ns = await namespace(lab, 'pop-unregistered');
      await apply(lab, sourced(ns, 'from-goodbye', { apiGroup: 'goodbye.example.com', kind: 'Goodbye', name: 'farewell' }));
      const f = await live.waitFor(claimRef(ns, 'from-goodbye'), 'claim.populator-missing', 60_000);
      expect(f.severity).toBe('problem');
      expect(f.cause.en).toContain('Goodbye.goodbye.example.com farewell');
      expect(f.cause.en).toContain('waits for ever');
      expect(evidenceLines(f)).toContain('Registered kind: Hello.hello.example.com');
      expect(f.fix.map((s) => s.command)).toContain('kubectl get volumepopulators hello-populator');
      expectCacheAgrees(live, claimRef(ns, 'from-goodbye'));
      // Registering the kind clears it (a VolumePopulator change reaches the claims not Bound).
      await apply(lab, { apiVersion: 'populator.storage.k8s.io/v1beta1', kind: 'VolumePopulator', metadata: { name: 'goodbye-populator' }, sourceKind: { group: 'goodbye.example.com', kind: 'Goodbye' } } as KubeObject);
      await live.waitGone(claimRef(ns, 'from-goodbye'), 'claim.populator-missing');
    });

    it('healthy: a registered kind waits without a populator finding, and once populated the claim is Bound with none', async () => {
      const ns = await namespace(lab, 'pop-registered');
      await apply(lab, { apiVersion: 'hello.example.com/v1alpha1', kind: 'Hello', metadata: { name: 'greeting', namespace: ns }, spec: { fileName: 'hello.txt', fileContents: 'hello' } } as KubeObject);
      await apply(lab, sourced(ns, 'from-hello', { apiGroup: 'hello.example.com', kind: 'Hello', name: 'greeting' }));
      await until('the claim is seen Pending', () => live.store.get('persistentvolumeclaims', 'from-hello', ns)?.status?.phase === 'Pending');
      await until('the provisioner hands the claim off', () => live.store.list('events', ns).some((e) => e.reason === 'Provisioning' && e.involvedObject?.name === 'from-hello'), 60_000);
      expect(codes(live.findingsOf(claimRef(ns, 'from-hello')))).not.toContain('claim.populator-missing');
      // Stand-in for a populator (lib-volume-populator's last step): a volume bound to the claim.
      await apply(lab, {
        apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: `${ns}-populated` },
        spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: CLASS, persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/tmp/kse-populated' }, claimRef: { namespace: ns, name: 'from-hello' } },
      });
      await bound(ns, 'from-hello');
      await until('no finding on the populated claim', () => live.findingsOf(claimRef(ns, 'from-hello')).length === 0, 30_000, () => codes(live.findingsOf(claimRef(ns, 'from-hello'))).join(', '));
    });
  });
});

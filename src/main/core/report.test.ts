import { describe, expect, it } from 'vitest';
import { eventAbout, localPathClass, manualClaim } from '../../shared/diagnose/testing/fixtures';
import type { KubeObject } from '../../shared/kube/objects';
import { renderReport } from '../../shared/report/index';
import { ClusterStore } from '../store/cluster-store';
import { ClusterSession } from './cluster-session';
import { reportOf } from './report';
import { FakeSource, context } from './testing/fakes';

const SECRET = 'hunter2-Xy7Qz9Lm3Np8Rt5Vw';
const claim = { ...manualClaim, spec: { ...manualClaim.spec, storageClassName: 'fast' } };
const other = { ...manualClaim, metadata: { ...manualClaim.metadata, name: 'other', uid: 'other-uid', namespace: 'team-b' }, spec: { ...manualClaim.spec, storageClassName: 'fast' } };
const failed = eventAbout(claim, 'ProvisioningFailed', `storageclass.storage.k8s.io "fast" not found; password=${SECRET}`, { type: 'Warning' });
const lessons = { lang: 'en' as const, sections: [{ id: 'storage-class', title: 'StorageClass', markdown: 'A class names a provisioner.' }, { id: 'snapshots', title: 'Snapshots', markdown: 'x' }] };

async function session(): Promise<ClusterSession> {
  const info = context('prod');
  const source = new FakeSource(info, { storageclasses: [localPathClass], persistentvolumeclaims: [claim, other], events: [failed] } as Record<string, KubeObject[]>);
  source.settleAll = true;
  const cluster = new ClusterSession(info, source, new ClusterStore(info.id), () => undefined);
  await cluster.start();
  return cluster;
}

describe('reportOf', () => {
  it('is made from the redacted snapshot: a credential the live findings quote is not in the report', async () => {
    const cluster = await session();
    // The live store quotes the event as it is: without the snapshot's redaction the report would carry it.
    const live = cluster.store.listFindings({ offset: 0, limit: 100 }).rows;
    expect(JSON.stringify(live)).toContain(SECRET);
    const report = reportOf(cluster, {}, lessons, '1.2.3');
    expect(JSON.stringify(report)).not.toContain(SECRET);
    expect(JSON.stringify(report.findings)).toContain('password=<redacted>');
    expect(report.redactedValues).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.code)).toEqual(live.map((f) => f.code));
    for (const format of ['markdown', 'html'] as const) expect(renderReport(report, format, 'en').content).not.toContain(SECRET);
    expect(report).toMatchObject({ cluster: 'prod', appVersion: '1.2.3', scope: {} });
    // Only the lessons the findings link to travel along.
    expect(report.lessons.map((l) => l.id)).toEqual(['storage-class']);
    await cluster.stop();
  });

  it('says which kinds could not be read', async () => {
    const cluster = await session();
    cluster.store.kindStatus({ kind: 'persistentvolumes', state: 'forbidden', count: 0, message: 'no permission to list persistentvolumes' });
    expect(reportOf(cluster, {}, lessons, '1').unreadKinds).toEqual([{ kind: 'persistentvolumes', state: 'forbidden', message: 'no permission to list persistentvolumes' }]);
    await cluster.stop();
  });

  it('keeps to a namespace or one object, and refuses an object that is not there', async () => {
    const cluster = await session();
    expect(reportOf(cluster, { namespace: 'team-b' }, lessons, '1').findings.map((f) => f.object.name)).toEqual(['other']);
    const one = reportOf(cluster, { object: { kind: 'persistentvolumeclaims', namespace: 'default', name: 'task-pv-claim' } }, lessons, '1');
    expect(one.findings.map((f) => f.object.name)).toEqual(['task-pv-claim']);
    expect(one.provisioners).toEqual([]);
    expect(() => reportOf(cluster, { object: { kind: 'persistentvolumeclaims', namespace: 'default', name: 'gone' } }, lessons, '1')).toThrow(/has no persistentvolumeclaims default\/gone/);
    await cluster.stop();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { finding, evidence, t } from '../../shared/diagnose/finding';
import type { Finding } from '../../shared/model/findings';
import { groupFilter } from '../../shared/model/finding-groups';
import { deliverSnapshot } from '../kube/snapshot-source';
import { ClusterStore } from './cluster-store';
import { findingSubject, groupFindings, matchesFinding, objectsWithFinding } from './finding-groups';
import { compareFindings } from './findings-cache';
import { LARGE, LARGE_CAPTURED_AT, largeSnapshot } from './testing/large-cluster';

const claimRef = (ns: string, name: string) => ({ kind: 'persistentvolumeclaims' as const, namespace: ns, name });
const provisioning = (ns: string, name: string, provisioner: string, severity?: 'warning'): Finding =>
  finding({
    code: 'claim.provisioning',
    object: claimRef(ns, name),
    cause: t(`Provisioner ${provisioner} is asked to create a volume for ${name}.`, `Провизионеру ${provisioner} поручено создать том для ${name}.`),
    evidence: [evidence(t('Provisioner', 'Провизионер'), provisioner, { ref: { kind: 'storageclasses', name: `class-of-${provisioner}` }, source: 'StorageClass.provisioner' })],
    ...(severity ? { severity } : {}),
  });
const lost = (ns: string, name: string): Finding =>
  finding({ code: 'claim.lost', object: claimRef(ns, name), cause: t(`Lost ${name}`, `Потеряна ${name}`), evidence: [evidence(t('Volume', 'Том'), `pv-${name}`, { ref: { kind: 'persistentvolumes', name: `pv-${name}` }, source: 'spec.volumeName' })] });
const emptyDir = (name: string, volume: string): Finding =>
  finding({ code: 'pod.emptydir', object: { kind: 'pods', namespace: 'shop', name }, cause: t(volume, volume), key: volume });

describe('the subject of a finding', () => {
  it('is the provisioner an evidence line names, else a class it points at, else none', () => {
    expect(findingSubject(provisioning('a', 'x', 'example.com/nfs'))).toEqual({ type: 'provisioner', name: 'example.com/nfs' });
    const health = finding({ code: 'class.provisioner-unknown', object: { kind: 'storageclasses', name: 'nfs' }, cause: t('', ''), evidence: [evidence(t('Verdict', 'Вердикт'), 'unknown', { source: 'provisioner nfs.example.com/archive' })] });
    expect(findingSubject(health)).toEqual({ type: 'provisioner', name: 'nfs.example.com/archive' });
    const missing = finding({ code: 'claim.class-missing', object: claimRef('a', 'x'), cause: t('', ''), evidence: [evidence(t('Class', 'Класс'), 'fast-ssd', { ref: { kind: 'storageclasses', name: 'fast-ssd' }, source: 'spec.storageClassName' })] });
    expect(findingSubject(missing)).toEqual({ type: 'class', name: 'fast-ssd' });
    // A class's own finding does not name itself as its subject; a volume of its own is no shared cause.
    const self = finding({ code: 'class.several-defaults', object: { kind: 'storageclasses', name: 'a' }, cause: t('', ''), evidence: [evidence(t('Class', 'Класс'), 'a', { ref: { kind: 'storageclasses', name: 'a' }, source: 'metadata.name' })] });
    expect(findingSubject(self)).toBeUndefined();
    expect(findingSubject(lost('a', 'x'))).toBeUndefined();
  });
});

describe('grouping findings by cause', () => {
  const findings = [
    ...Array.from({ length: 7 }, (_, i) => provisioning(`ns-${i % 2}`, `data-${i}`, 'replicated.example.com', 'warning')),
    provisioning('ns-0', 'fresh', 'replicated.example.com'),
    ...Array.from({ length: 3 }, (_, i) => provisioning('ns-0', `other-${i}`, 'other.example.com', 'warning')),
    lost('ns-1', 'gone-a'),
    lost('ns-0', 'gone-b'),
    emptyDir('web-0', 'cache'),
    emptyDir('web-0', 'tmp'),
    emptyDir('web-1', 'cache'),
  ].sort(compareFindings);

  it('makes one group per severity, code and subject, most severe first, then largest first', () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.severity, g.code, g.subject?.name, g.count])).toEqual([
      ['problem', 'claim.lost', undefined, 2],
      ['warning', 'claim.provisioning', 'replicated.example.com', 7],
      ['warning', 'claim.provisioning', 'other.example.com', 3],
      ['expected-wait', 'claim.provisioning', 'replicated.example.com', 1],
      ['info', 'pod.emptydir', undefined, 2],
    ]);
  });

  it('counts objects, not findings, and carries the catalog title, lesson and the members in order', () => {
    const groups = groupFindings(findings);
    const pods = groups.find((g) => g.code === 'pod.emptydir');
    expect(pods?.members.map((m) => m.object.name)).toEqual(['web-0', 'web-1']);
    const slow = groups[1];
    expect(slow?.title.en).toBe('A volume is being provisioned');
    expect(slow?.title.ru).toBe('Том создаётся');
    expect(slow?.lesson).toBe('dynamic-provisioning');
    expect(slow?.kind).toBe('persistentvolumeclaims');
    expect(slow?.members.map((m) => `${m.object.namespace}/${m.object.name}`)).toEqual(['ns-0/data-0', 'ns-0/data-2', 'ns-0/data-4', 'ns-0/data-6', 'ns-1/data-1', 'ns-1/data-3', 'ns-1/data-5']);
    expect(slow?.members[0]?.cause.en).toContain('data-0');
  });

  it('a group filter selects exactly the objects of its group', () => {
    for (const group of groupFindings(findings)) {
      const ids = objectsWithFinding(findings, groupFilter(group));
      expect(ids.size, group.id).toBe(group.count);
      for (const m of group.members) expect(ids.has(`${m.object.kind}|${m.object.namespace}/${m.object.name}`)).toBe(true);
    }
    // Without severity and subject, a code filter takes every object of that code.
    expect(objectsWithFinding(findings, { code: 'claim.provisioning' }).size).toBe(11);
    expect(matchesFinding(findings[0]!, { code: 'nope' })).toBe(false);
  });
});

describe('the overview of a 3,013-claim cluster', () => {
  let store: ClusterStore;
  beforeAll(() => {
    store = new ClusterStore('large', { now: () => Date.parse(LARGE_CAPTURED_AT), provisionerRefreshMs: 0 });
    deliverSnapshot(largeSnapshot(), store);
  });

  it('gives one line for the 302 claims that wait for the same provisioner, over all findings', () => {
    const o = store.getOverview();
    expect(o.counts.persistentvolumeclaims).toBe(LARGE.claims);
    const waiting = o.findingGroups.find((g) => g.code === 'claim.provisioning' && g.subject?.name === LARGE.deadProvisioner);
    expect(waiting).toMatchObject({ severity: 'warning', count: LARGE.deadProvisionerClaims, subject: { type: 'provisioner', name: LARGE.deadProvisioner } });
    expect(waiting?.members).toHaveLength(25);
    expect(o.findingGroups.find((g) => g.code === 'claim.class-missing')).toMatchObject({ count: LARGE.missingClassClaims, subject: { type: 'class', name: LARGE.missingClass } });
    expect(o.findingGroups.find((g) => g.code === 'claim.lost')?.count).toBe(LARGE.lostClaims);
    // Far fewer lines than findings, and together they hold every finding's object.
    const all = store.listFindings({ offset: 0, limit: 100_000 });
    expect(o.findingGroups.length).toBeLessThan(15);
    expect(all.total).toBeGreaterThan(700);
    const objects = new Set(all.rows.map((f) => `${f.code}|${f.severity}|${f.object.kind}|${f.object.namespace ?? ''}/${f.object.name}`));
    expect(o.findingGroups.reduce((sum, g) => sum + g.count, 0)).toBe(objects.size);
    // Problems come before warnings, which come before info.
    const order = o.findingGroups.map((g) => g.severity);
    expect(order.indexOf('info')).toBeGreaterThan(order.lastIndexOf('warning'));
    expect(order.lastIndexOf('problem')).toBeLessThan(order.indexOf('warning'));
  });

  it('filters a table to exactly the objects a group counts', () => {
    const o = store.getOverview();
    for (const group of o.findingGroups.filter((g) => g.kind === 'persistentvolumeclaims' || g.kind === 'pods' || g.kind === 'persistentvolumes')) {
      const table = group.kind === 'persistentvolumeclaims' ? 'claims' : group.kind === 'pods' ? 'pods' : 'volumes';
      const page = store.listRows({ table, finding: groupFilter(group), offset: 0, limit: 1000 });
      expect(page.total, group.id).toBe(group.count);
      const names = new Set(page.rows.map((r) => r.ref.name));
      for (const m of group.members) expect(names.has(m.object.name), `${group.id} ${m.object.name}`).toBe(true);
    }
    // Combined with a namespace filter, only that namespace's share remains.
    const waiting = o.findingGroups.find((g) => g.subject?.name === LARGE.deadProvisioner)!;
    const ns = waiting.members[0]!.object.namespace!;
    const narrowed = store.listRows({ table: 'claims', finding: groupFilter(waiting), namespaces: [ns], offset: 0, limit: 1000 });
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.total).toBeLessThan(waiting.count);
    expect(narrowed.rows.every((r) => r.namespace === ns && r.phase === 'Pending' && r.className === 'fast-replicated')).toBe(true);
  });
});

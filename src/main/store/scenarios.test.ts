/**
 * The lab's scenario manifests (e2e/scenarios), loaded as the API server would hand them out just after
 * creation (no status yet, with made-up UIDs): every query must answer for every object without throwing, and
 * the stuck claims must carry findings. Fixtures derived from the repository's own scenarios.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_OF_RESOURCE, resourceOfKind, type Resource } from '../../shared/kube/resource-registry';
import { TABLE_IDS } from '../../shared/model/rows';
import type { KubeObject } from '../../shared/kube/objects';
import { ClusterStore } from './cluster-store';

const DIR = join(fileURLToPath(new URL('.', import.meta.url)), '../../../e2e/scenarios');

function loadAll(): Map<Resource, KubeObject[]> {
  const byKind = new Map<Resource, KubeObject[]>();
  let n = 0;
  for (const scenario of readdirSync(DIR).sort()) {
    for (const file of readdirSync(join(DIR, scenario)).filter((f) => /\.ya?ml$/.test(f))) {
      for (const doc of parseAllDocuments(readFileSync(join(DIR, scenario, file), 'utf8'))) {
        const obj = doc.toJS() as KubeObject | null;
        const kind = obj?.kind ? resourceOfKind(obj.kind) : undefined;
        if (!obj || !kind) continue;
        n += 1;
        obj.metadata = { ...obj.metadata, uid: `uid-${n}`, creationTimestamp: '2026-11-28T09:00:00Z' };
        if (DESCRIPTOR_OF_RESOURCE[kind].namespaced) obj.metadata.namespace ??= 'default';
        byKind.set(kind, [...(byKind.get(kind) ?? []), obj]);
      }
    }
  }
  return byKind;
}

describe('the lab scenarios in the store', () => {
  const objects = loadAll();
  const store = new ClusterStore('lab', { now: () => Date.parse('2026-11-28T10:00:00Z') });
  for (const kind of Object.keys(DESCRIPTOR_OF_RESOURCE) as Resource[]) {
    store.replace(kind, objects.get(kind) ?? []);
    store.kindStatus({ kind, state: 'synced', count: 0 });
  }

  it('loads claims, volumes, classes and pods', () => {
    expect(store.count('persistentvolumeclaims')).toBeGreaterThanOrEqual(5);
    expect(store.count('pods')).toBeGreaterThanOrEqual(3);
    expect(store.count('storageclasses')).toBeGreaterThanOrEqual(2);
  });

  it('answers every table, sorted by every column', () => {
    for (const table of TABLE_IDS) {
      const page = store.listRows({ clusterId: 'lab', table, offset: 0, limit: 1000 });
      expect(page.rows.length).toBe(page.total);
    }
    const claims = store.listRows({ clusterId: 'lab', table: 'claims', offset: 0, limit: 1000 });
    for (const column of ['name', 'namespace', 'phase', 'volume', 'class', 'size', 'accessModes', 'pods', 'age', 'badge']) {
      expect(store.listRows({ clusterId: 'lab', table: 'claims', sort: { column, direction: 'desc' }, offset: 0, limit: 1000 }).total).toBe(claims.total);
    }
  });

  it('gives details and a graph for every object, and the stuck claims carry findings', () => {
    for (const [kind, list] of objects) {
      for (const obj of list) {
        const ref = { kind, name: obj.metadata?.name ?? '', ...(DESCRIPTOR_OF_RESOURCE[kind].namespaced ? { namespace: obj.metadata?.namespace ?? '' } : {}) };
        const detail = store.getObject(ref);
        expect(detail?.yaml.length).toBeGreaterThan(0);
        expect(store.getGraph({ clusterId: 'lab', root: ref }).nodes.length).toBeGreaterThan(0);
      }
    }
    const stuck = store.listRows({ clusterId: 'lab', table: 'claims', namespaces: ['lab-stuck'], offset: 0, limit: 100 });
    expect(stuck.total).toBeGreaterThanOrEqual(3);
    expect(stuck.rows.every((r) => r.badge !== undefined)).toBe(true);
    const missingClass = store.getObject({ kind: 'persistentvolumeclaims', name: 'missing-class', namespace: 'lab-stuck' });
    expect(missingClass?.findings.map((f) => f.code)).toContain('claim.class-missing');
    expect(missingClass?.related.find((r) => r.relation === 'storage-class')).toMatchObject({ ref: { name: 'fast-ssd' }, missing: true });
  });

  it('shows the init-container pod as steps, all waiting before the kubelet reports', () => {
    const initPod = store.list('pods').find((p) => (p.spec?.initContainers ?? []).length > 1);
    expect(initPod).toBeDefined();
    const detail = store.getObject({ kind: 'pods', name: initPod?.metadata?.name ?? '', namespace: initPod?.metadata?.namespace ?? '' });
    expect(detail?.initSteps?.map((s) => s.index)).toEqual(initPod?.spec?.initContainers?.map((_c, i) => i));
    expect(detail?.initSteps?.every((s) => s.state === 'waiting')).toBe(true);
  });

  it('summarises the cluster in the overview and a graph per namespace', () => {
    const o = store.getOverview();
    expect(o.findings.problem).toBeGreaterThan(0);
    expect(o.findingGroups[0]?.severity).toBe('problem');
    for (const ns of o.namespaces) expect(store.getGraph({ clusterId: 'lab', namespace: ns }).truncated).toBeUndefined();
  });
});

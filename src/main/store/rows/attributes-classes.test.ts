import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, VolumeAttributesClass } from '../../../shared/kube/objects';
import { syncedStore } from '../testing/fixtures';
import { attributesClassesTable } from './attributes-classes';

const vac = (name: string, parameters: Record<string, string> = {}, rv = '1'): VolumeAttributesClass => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'VolumeAttributesClass',
  metadata: { name, uid: `uid-${name}`, resourceVersion: rv, creationTimestamp: '2026-11-30T10:00:00Z' },
  driverName: 'csi.lab.kse.dev',
  parameters,
});

const claim = (name: string, wanted: string | undefined, current: string | undefined, rv = '1'): PersistentVolumeClaim => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'shop', uid: `uid-${name}`, resourceVersion: rv },
  spec: { ...(wanted ? { volumeAttributesClassName: wanted } : {}) },
  status: { phase: 'Bound', ...(current ? { currentVolumeAttributesClassName: current } : {}) },
});

const list = (store: ReturnType<typeof syncedStore>, extra: object = {}) => store.listRows({ table: 'attributesclasses', offset: 0, limit: 10, ...extra }).rows;

describe('VolumeAttributesClass rows', () => {
  it('driver, parameters, the claims that ask for it and those whose volume has it; an unused class counts none', () => {
    const store = syncedStore();
    store.replace('volumeattributesclasses', [vac('gold', { throughput: '125', iops: '3000' }), vac('silver', { iops: '1000' }), vac('unused')]);
    store.replace('persistentvolumeclaims', [claim('a', 'gold', 'gold'), claim('b', 'gold', 'silver'), claim('c', undefined, undefined)]);
    const rows = list(store, { sort: { column: 'name', direction: 'asc' } });
    expect(rows.map((r) => [r.name, r.driverName, r.claims, r.current])).toEqual([
      ['gold', 'csi.lab.kse.dev', 2, 1],
      ['silver', 'csi.lab.kse.dev', 0, 1],
      ['unused', 'csi.lab.kse.dev', 0, 0],
    ]);
    expect(rows[0]?.parameters).toEqual({ iops: '3000', throughput: '125' });
    expect(attributesClassesTable.text(rows[0]!)).toContain('iops=3000, throughput=125');
    expect(rows.map((r) => r.ref.kind)).toEqual(['volumeattributesclasses', 'volumeattributesclasses', 'volumeattributesclasses']);
  });

  it("a claim's change of class updates both classes' counts", () => {
    const store = syncedStore();
    store.replace('volumeattributesclasses', [vac('gold'), vac('silver')]);
    store.replace('persistentvolumeclaims', [claim('a', 'gold', 'gold')]);
    store.update('persistentvolumeclaims', claim('a', 'silver', 'gold', '2'));
    const counts = () => Object.fromEntries(list(store).map((r) => [r.name, [r.claims, r.current]]));
    expect(counts()).toEqual({ gold: [0, 1], silver: [1, 0] });
    store.update('persistentvolumeclaims', claim('a', 'silver', 'silver', '3'));
    expect(counts()).toEqual({ gold: [0, 0], silver: [1, 1] });
    expect(list(store, { sort: { column: 'claims', direction: 'desc' } })[0]?.name).toBe('silver');
  });
});

import { describe, expect, it } from 'vitest';
import type { CapacityRow } from '../../../shared/model/rows';
import { translate, type MessageKey, type Params } from '../i18n/i18n';
import { capacityColumns } from './capacities-columns';
import type { ColumnContext } from './column';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const ctxOf = (lang: 'en' | 'ru'): ColumnContext => ({ lang, now: NOW, t: (key: MessageKey, params?: Params) => translate(lang, key, params) });

const row: CapacityRow = {
  ref: { kind: 'csistoragecapacities', namespace: 'kube-system', name: 'csisc-abc12', uid: 'u1' },
  createdAt: '2026-11-30T10:00:00Z',
  namespace: 'kube-system',
  name: 'csisc-abc12',
  className: 'fast',
  topology: { scope: 'selector', text: 'topology.kubernetes.io/zone=a' },
  capacity: '10Gi',
  maximumVolumeSize: '5Gi',
};

function cells(r: CapacityRow, lang: 'en' | 'ru' = 'en'): Record<string, { value: string; title: string | undefined }> {
  const ctx = ctxOf(lang);
  return Object.fromEntries(capacityColumns.map((c) => [c.id, { value: c.value(r, ctx), title: c.title?.(r, ctx) }]));
}

describe('CSIStorageCapacity columns', () => {
  it('namespace, name, class, the segment selector, capacity, largest volume, age', () => {
    const shown = cells(row);
    expect(Object.fromEntries(Object.entries(shown).map(([id, c]) => [id, c.value]))).toEqual({
      name: 'csisc-abc12',
      namespace: 'kube-system',
      class: 'fast',
      topology: 'topology.kubernetes.io/zone=a',
      capacity: '10Gi',
      maximumVolumeSize: '5Gi',
      age: '2h',
    });
    expect(shown.capacity?.title).toBeUndefined();
  });

  it('says in words which nodes an empty or absent selector means, in English and Russian', () => {
    expect(cells({ ...row, topology: { scope: 'all' } }).topology?.value).toBe('every node');
    expect(cells({ ...row, topology: { scope: 'none' } }).topology?.value).toBe('no node');
    expect(cells({ ...row, topology: { scope: 'all' } }, 'ru').topology?.value).toBe('все узлы');
    expect(cells({ ...row, topology: { scope: 'none' } }, 'ru').topology?.value).toBe('ни один узел');
  });

  it('a size the driver did not report is "—" with the reason, never blank or zero', () => {
    const { capacity, maximumVolumeSize, ...rest } = row;
    void capacity;
    void maximumVolumeSize;
    const shown = cells(rest);
    expect(shown.capacity).toEqual({ value: '—', title: 'Not reported by the driver: unknown, not zero' });
    expect(shown.maximumVolumeSize).toEqual({ value: '—', title: 'Not reported: the capacity is the limit for one volume' });
    expect(cells(rest, 'ru').capacity?.title).toBe('Драйвер не сообщил: неизвестно, а не ноль');
  });
});

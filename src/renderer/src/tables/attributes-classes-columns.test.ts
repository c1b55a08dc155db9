import { describe, expect, it } from 'vitest';
import type { AttributesClassRow } from '../../../shared/model/rows';
import { translate, type MessageKey, type Params } from '../i18n/i18n';
import { attributesClassColumns } from './attributes-classes-columns';
import type { ColumnContext } from './column';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const ctxOf = (lang: 'en' | 'ru'): ColumnContext => ({ lang, now: NOW, t: (key: MessageKey, params?: Params) => translate(lang, key, params) });

const row: AttributesClassRow = {
  ref: { kind: 'volumeattributesclasses', name: 'gold', uid: 'u1' },
  createdAt: '2026-11-30T10:00:00Z',
  name: 'gold',
  driverName: 'csi.lab.kse.dev',
  parameters: { throughput: '125', iops: '3000' },
  claims: 2,
  current: 1,
};

describe('VolumeAttributesClass columns', () => {
  it('name, driver, parameters in key order, claims asking for it, claims that have it, age', () => {
    const ctx = ctxOf('en');
    expect(Object.fromEntries(attributesClassColumns.map((c) => [c.id, c.value(row, ctx)]))).toEqual({
      name: 'gold',
      driver: 'csi.lab.kse.dev',
      parameters: 'iops=3000, throughput=125',
      claims: '2',
      current: '1',
      age: '2h',
    });
  });

  it('labels its columns in English and Russian', () => {
    const labels = (lang: 'en' | 'ru') => attributesClassColumns.map((c) => translate(lang, c.label));
    expect(labels('en')).toEqual(['Name', 'Driver', 'Parameters', 'Claims', 'Applied', 'Age']);
    expect(labels('ru')).toEqual(['Имя', 'Драйвер', 'Параметры', 'Заявки', 'Применён', 'Возраст']);
  });
});

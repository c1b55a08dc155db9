import { describe, expect, it } from 'vitest';
import { boundPair, event, pvc, sc, syncedStore } from './testing/fixtures';

const store = () => syncedStore();

describe('locating an object in a table', () => {
  const claims = () => {
    const s = store();
    const [bound, volume] = boundPair('shop', 'b-bound', '1Gi');
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumes', [volume]);
    s.replace('persistentvolumeclaims', [pvc('shop', 'a-pending'), bound, pvc('shop', 'c-pending'), pvc('team', 'd-pending')]);
    return s;
  };

  it('gives the index among the rows the same filters and sort show', () => {
    const s = claims();
    const ref = { kind: 'persistentvolumeclaims' as const, namespace: 'shop', name: 'c-pending' };
    expect(s.locateRow({ table: 'claims', ref })).toEqual({ index: 2, total: 4 });
    expect(s.locateRow({ table: 'claims', ref, filters: { phase: 'Pending' } })).toEqual({ index: 1, total: 3 });
    expect(s.locateRow({ table: 'claims', ref, sort: { column: 'name', direction: 'desc' } })).toEqual({ index: 1, total: 4 });
    // The index is the one listRows puts the row at.
    const page = s.listRows({ table: 'claims', sort: { column: 'name', direction: 'desc' }, offset: 0, limit: 10 });
    expect(page.rows[1]?.name).toBe('c-pending');
  });

  it('says -1 when the filters hide it or the table has no row for it', () => {
    const s = claims();
    const bound = { kind: 'persistentvolumeclaims' as const, namespace: 'shop', name: 'b-bound' };
    expect(s.locateRow({ table: 'claims', ref: bound, filters: { phase: 'Pending' } })).toEqual({ index: -1, total: 3 });
    expect(s.locateRow({ table: 'claims', ref: bound, namespaces: ['team'] })).toEqual({ index: -1, total: 1 });
    expect(s.locateRow({ table: 'claims', ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'nope' } }).index).toBe(-1);
    expect(s.locateRow({ table: 'volumes', ref: bound }).index).toBe(-1);
  });

  it('finds a provisioner by its ref, and an event by the object it is about', () => {
    const s = claims();
    expect(s.locateRow({ table: 'provisioners', ref: { kind: 'provisioners', name: 'example.com/nfs' } }).index).toBe(0);
    s.replace('events', [event({ kind: 'PersistentVolumeClaim', name: 'c-pending', namespace: 'shop' }, 'ProvisioningFailed', 'x')]);
    expect(s.locateRow({ table: 'events', ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'c-pending' } }).index).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSnapshotFile, SnapshotFormatError, validateSnapshot, type Recording } from './snapshot-format';

const base = {
  format: 'kse-snapshot',
  version: 1,
  capturedAt: '2026-11-28T00:00:00.000Z',
  context: 'prod',
  kinds: {
    persistentvolumeclaims: { state: 'synced', items: [{ metadata: { name: 'data', namespace: 'app', uid: 'u1' } }] },
    persistentvolumes: { state: 'forbidden', items: [], message: 'no permission' },
  },
};
const text = (value: unknown): string => JSON.stringify(value);

describe('parseSnapshotFile', () => {
  it('accepts a valid snapshot and keeps states, messages and items', () => {
    const snapshot = parseSnapshotFile(text(base), 'a.json');
    expect(snapshot.format).toBe('kse-snapshot');
    expect(snapshot.kinds.persistentvolumes).toEqual({ state: 'forbidden', items: [], message: 'no permission' });
    expect(snapshot.kinds.persistentvolumeclaims?.items[0]).toMatchObject({ kind: 'PersistentVolumeClaim', metadata: { name: 'data', uid: 'u1' } });
  });

  it('says the file is not JSON and how to get a snapshot', () => {
    expect(() => parseSnapshotFile('PK\u0003\u0004zip', 'dump.zip')).toThrow(/dump.zip is not a kse snapshot: it is not JSON.*kse snapshot/);
  });

  it('rejects other JSON, naming what is wrong', () => {
    expect(() => parseSnapshotFile(text({ apiVersion: 'v1', kind: 'List', items: [] }), 'list.json')).toThrow(/"format" is missing/);
    expect(() => parseSnapshotFile(text([1, 2]), 'arr.json')).toThrow(/top level is not an object/);
    expect(() => parseSnapshotFile(text({ ...base, capturedAt: 'yesterday' }), 'a.json')).toThrow(/"capturedAt" is not a date/);
    expect(() => parseSnapshotFile(text({ ...base, kinds: { pods: { state: 'great', items: [] } } }), 'a.json')).toThrow(/kinds.pods.state is "great"/);
    expect(() => parseSnapshotFile(text({ ...base, kinds: { pods: { state: 'synced', items: {} } } }), 'a.json')).toThrow(/kinds.pods.items is not a list/);
  });

  it('asks for a newer kse for a newer format version', () => {
    expect(() => parseSnapshotFile(text({ ...base, version: 2 }), 'new.json')).toThrow(/newer kse.*Update kse/);
  });

  it('requires names, and namespaces for namespaced kinds', () => {
    const noName = { ...base, kinds: { pods: { state: 'synced', items: [{ metadata: {} }] } } };
    expect(() => parseSnapshotFile(text(noName), 'a.json')).toThrow(/kinds.pods.items\[0\] has no metadata.name/);
    const noNamespace = { ...base, kinds: { pods: { state: 'synced', items: [{ metadata: { name: 'p' } }] } } };
    expect(() => parseSnapshotFile(text(noNamespace), 'a.json')).toThrow(/Pod "p"\) has no metadata.namespace/);
  });

  it('fills a missing uid from kind, namespace and name, and ignores unknown kinds', () => {
    const snapshot = parseSnapshotFile(text({ ...base, kinds: { deployments: { state: 'synced', items: [] }, storageclasses: { state: 'synced', items: [{ metadata: { name: 'fast' } }] } } }), 'a.json');
    expect(Object.keys(snapshot.kinds)).toEqual(['storageclasses']);
    expect(snapshot.kinds.storageclasses?.items[0]?.metadata?.uid).toBe('snapshot:storageclasses//fast');
  });

  it('refuses input past the size and object limits', () => {
    expect(() => parseSnapshotFile(text(base), 'big.json', { maxChars: 10, maxObjects: 10, maxDepth: 100 })).toThrow(/more than the/);
    const many = { ...base, kinds: { storageclasses: { state: 'synced', items: Array.from({ length: 5 }, (_, i) => ({ metadata: { name: `s${i}` } })) } } };
    expect(() => parseSnapshotFile(text(many), 'many.json', { maxChars: 1e6, maxObjects: 4, maxDepth: 100 })).toThrow(/more than 4 objects/);
  });

  it('accepts a UTF-8 byte-order mark before the JSON', () => {
    expect(parseSnapshotFile(`\ufeff${text(base)}`, 'bom.json').context).toBe('prod');
  });

  it('refuses a file nested thousands of levels deep with a clear message, not a stack overflow', () => {
    const deep = (levels: number) => JSON.stringify({ ...base, kinds: { ...base.kinds, pods: { state: 'synced', items: [{ metadata: { name: 'p', namespace: 'n' }, spec: JSON.parse('{"x":'.repeat(levels) + '1' + '}'.repeat(levels)) }] } } });
    expect(() => parseSnapshotFile(deep(4000), 'deep.json')).toThrow('deep.json is not a valid kse snapshot: it is nested more than 100 levels deep, which no Kubernetes object is. Export it again with "kse snapshot".');
    const arrays = `${text(base).slice(0, -1)},"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(() => parseSnapshotFile(arrays, 'arrays.json')).toThrow(/nested more than 100 levels/);
    expect(parseSnapshotFile(deep(50), 'ok.json').kinds.pods?.items).toHaveLength(1);
  });

  it('treats hostile strings as data', () => {
    const hostile = '<img src=x onerror=alert(1)>{{constructor.constructor("x")()}}';
    const snapshot = parseSnapshotFile(
      // A "__proto__" key as JSON.parse sees it (an object literal would set the prototype instead).
      text({ ...base, context: hostile, kinds: { storageclasses: { state: 'synced', items: [{ metadata: { name: hostile, annotations: { a: hostile } } }] } } }).replace(
        '"metadata"',
        '"__proto__":{"polluted":true},"metadata"',
      ),
      'a.json',
    );
    expect(snapshot.context).toBe(hostile);
    expect(snapshot.kinds.storageclasses?.items[0]?.metadata?.name).toBe(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((snapshot.kinds.storageclasses?.items[0] as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says what is wrong in Russian too, with the file\'s own field names and values as they are (trial 10: English in the Russian UI)', () => {
    const ru = (text: string, name: string) => {
      try {
        parseSnapshotFile(text, name);
      } catch (error) {
        return error instanceof SnapshotFormatError ? error.ru : `not a SnapshotFormatError: ${String(error)}`;
      }
      return 'no error';
    };
    expect(ru('{"kind":"List"}', 'lab-capture.json')).toBe('lab-capture.json — неисправный снимок kse: поле «format» — отсутствует, а должно быть «kse-snapshot» или «kse-recording». Выгрузите снимок командой «kse snapshot».');
    expect(ru('', 'empty.json')).toBe('empty.json пуст. Выгрузите снимок командой «kse snapshot».');
    expect(ru('{', 'a.json')).toMatch(/^a\.json — не снимок kse: это не JSON \(/);
    const broken = JSON.stringify({ ...base, kinds: { pods: { state: 'synced', items: 'x' } } });
    expect(ru(broken, 'b.json')).toBe('b.json — неисправный снимок kse: kinds.pods.items — не список.');
  });

  it('throws SnapshotFormatError, so callers can tell a bad file from a bug', () => {
    expect(() => parseSnapshotFile('{', 'a.json')).toThrow(SnapshotFormatError);
  });
});

describe('recordings', () => {
  const recording = {
    ...base,
    format: 'kse-recording',
    events: [
      { at: 2000, kind: 'persistentvolumeclaims', type: 'DELETED', object: { metadata: { name: 'data', namespace: 'app', uid: 'u1' } } },
      { at: 500, kind: 'persistentvolumeclaims', type: 'MODIFIED', object: { metadata: { name: 'data', namespace: 'app', uid: 'u1' } } },
    ],
  };

  it('accepts timed events and orders them by time', () => {
    const parsed = validateSnapshot(recording, 'r.json') as Recording;
    expect(parsed.format).toBe('kse-recording');
    expect(parsed.events.map((event) => event.at)).toEqual([500, 2000]);
  });

  it('rejects events with bad times, kinds or types', () => {
    const bad = (event: unknown) => () => validateSnapshot({ ...recording, events: [event] }, 'r.json');
    expect(bad({ at: -1, kind: 'pods', type: 'ADDED', object: {} })).toThrow(/events\[0\].at/);
    expect(bad({ at: 1, kind: 'deployments', type: 'ADDED', object: {} })).toThrow(/events\[0\].kind is "deployments"/);
    expect(bad({ at: 1, kind: 'pods', type: 'BOOKMARK', object: {} })).toThrow(/events\[0\].type is "BOOKMARK"/);
    expect(() => validateSnapshot({ ...recording, events: 'x' }, 'r.json')).toThrow(/"events" of a recording is not a list/);
  });
});

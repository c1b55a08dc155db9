import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../shared/model/status';
import { contextsJson, formatContexts, formatSync, formatTable, syncJson } from './format';

const status: ClusterStatus = {
  cluster: { id: 'ctx:lab', name: 'lab', source: 'context', server: 'https://127.0.0.1:6443', connection: 'connected' },
  serverVersion: 'v1.37.2',
  synced: true,
  kinds: [
    { kind: 'persistentvolumeclaims', state: 'synced', count: 12, syncMillis: 42 },
    { kind: 'persistentvolumes', state: 'forbidden', count: 0, message: 'no permission to list persistentvolumes' },
    { kind: 'volumesnapshots', state: 'absent', count: 0 },
  ],
};

describe('formatTable', () => {
  it('aligns columns by their widest cell and keeps terminal control characters out', () => {
    expect(formatTable(['A', 'BB'], [['xxx', 'y'], ['z', '\u001b[31mred']])).toBe('A     BB\nxxx   y\nz     \\u001b[31mred\n');
  });
});

describe('contexts output', () => {
  const clusters = [
    { id: 'ctx:a', name: 'a', source: 'context' as const, server: 'https://a:6443', user: 'admin', namespace: 'default', connection: 'closed' as const },
    { id: 'ctx:b', name: 'b', source: 'context' as const, connection: 'error' as const, error: 'Context "b" names a missing user "x".' },
  ];
  it('marks the current context and shows problems', () => {
    expect(formatContexts(clusters, 'a')).toBe(
      [
        'CURRENT   NAME   SERVER           USER    NAMESPACE   PROBLEM',
        '*         a      https://a:6443   admin   default',
        '          b                                           error: Context "b" names a missing user "x".',
        '',
      ].join('\n'),
    );
    expect(contextsJson(clusters, 'a')).toMatchObject({ current: 'a', contexts: [{ name: 'a', current: true }, { name: 'b', current: false }] });
  });
  it('explains an empty kubeconfig', () => {
    expect(formatContexts([], undefined)).toMatch(/^No kubeconfig contexts\. Set KUBECONFIG/);
  });
});

describe('sync output', () => {
  it('prints per-kind state, count and time, and the total', () => {
    const text = formatSync({ status, millis: 1234 });
    expect(text).toContain('Context: lab (https://127.0.0.1:6443)\nServer version: v1.37.2');
    expect(text).toContain('PersistentVolumeClaims   synced          12      42 ms');
    expect(text).toContain('PersistentVolumes        no permission                       no permission to list persistentvolumes');
    expect(text).toContain('VolumeSnapshots          not served');
    expect(text.endsWith('Synced in 1.23 s.\n')).toBe(true);
    expect(formatSync({ status: { ...status, synced: false }, millis: 60_000 })).toContain('Not synced after 60.0 s.');
  });

  it('has a stable JSON shape', () => {
    expect(syncJson({ status, millis: 1234.4 })).toEqual({
      context: 'lab',
      server: 'https://127.0.0.1:6443',
      serverVersion: 'v1.37.2',
      synced: true,
      syncMillis: 1234,
      limitedToNamespaces: null,
      kinds: [
        { kind: 'persistentvolumeclaims', state: 'synced', count: 12, syncMillis: 42, message: null },
        { kind: 'persistentvolumes', state: 'forbidden', count: 0, syncMillis: null, message: 'no permission to list persistentvolumes' },
        { kind: 'volumesnapshots', state: 'absent', count: 0, syncMillis: null, message: null },
      ],
    });
  });
});

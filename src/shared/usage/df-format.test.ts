import { describe, expect, test } from 'vitest';
import type { UsageReport } from '../model/usage';
import { dfExitCode, dfRows, formatDf } from './df-format';

const report: UsageReport = {
  access: 'allowed', intervalMs: 30_000,
  nodes: [{ node: 'a', state: 'ok' }, { node: 'b', state: 'error', error: '502.' }],
  volumes: [
    { key: 'claim:ns/logs', kind: 'claim', namespace: 'ns', pod: 'p', volume: 'logs', claim: 'logs', node: 'a', capacityBytes: 1024, usedBytes: 980, availableBytes: 44, inodes: 100, inodesUsed: 1 },
    { key: 'emptyDir:ns/p/cache', kind: 'emptyDir', namespace: 'ns', pod: 'p', volume: 'cache', node: 'a', capacityBytes: 10_000, usedBytes: 50, availableBytes: 9000, sizeLimitBytes: 100 },
    { key: 'claim:ns/data', kind: 'claim', namespace: 'ns', pod: 'q', volume: 'data', claim: 'data', node: 'a', capacityBytes: 1024 },
  ],
};
const table = (h: string[], rows: string[][]) => [h, ...rows].map((r) => r.join('|')).join('\n') + '\n';

describe('kse df', () => {
  test('rows, sort by use, unknown shown as "?", exit 1 at 95 %', () => {
    const rows = dfRows(report, (_, claim) => (claim === 'logs' ? 'pvc-1' : undefined), 'use');
    expect(rows.map((r) => [r.claim ?? '-', r.volume, r.usePercent])).toEqual([['logs', 'pvc-1', 95], ['-', 'p/cache', 50], ['data', '', undefined]]);
    expect(dfExitCode(rows)).toBe(1);
    expect(dfExitCode(rows.slice(1))).toBe(0);
    // The user's own problem threshold decides.
    expect(dfExitCode(rows, 101)).toBe(0);
    expect(dfExitCode(rows.slice(1), 1)).toBe(1);
    const en = formatDf(report, rows, 'en', table);
    expect(en).toContain('ns|-|p/cache|a|9.8Ki (of sizeLimit 100B)|50B|8.8Ki|50%|?');
    expect(en).toContain('ns|data||a|1Ki|?|?|?|?');
    expect(en).toContain('Usage unknown on node b: 502.');
    const ru = formatDf(report, rows, 'ru', table);
    expect(ru).toContain('ЗАНЯТО %');
    expect(ru).toContain('Заполнение неизвестно на узле b: 502.');
  });
});

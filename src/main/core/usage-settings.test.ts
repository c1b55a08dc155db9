import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterInfo } from '../../shared/model/status';
import type { Finding } from '../../shared/model/findings';
import type { Page } from '../../shared/model/rows';
import { DEFAULT_USAGE_SETTINGS } from '../../shared/usage/thresholds';
import { parseSnapshotFile } from '../../shared/snapshot-format';
import { SnapshotSource } from '../kube/snapshot-source';
import { ClusterStore } from '../store/cluster-store';
import { Core } from './core';
import { fakeDeps } from './testing/fakes';
import { saneUsageSettings, UsageSettingsFile } from './usage-settings';

const MI = 1024 ** 2;
// One claim 87 % full: a warning by the default thresholds (85 % / 95 %).
const snapshot = JSON.stringify({
  format: 'kse-snapshot',
  version: 1,
  capturedAt: '2026-11-28T00:00:05Z',
  context: 'prod',
  kinds: { persistentvolumeclaims: { state: 'synced', items: [{ metadata: { name: 'data', namespace: 'app', uid: 'c1' }, spec: { resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Bound', capacity: { storage: '1Gi' } } }] } },
  usage: {
    access: 'allowed',
    intervalMs: 30_000,
    nodes: [{ node: 'n1', state: 'ok' }],
    volumes: [{ key: 'claim:app/data', kind: 'claim', namespace: 'app', pod: 'web-0', volume: 'data', claim: 'data', node: 'n1', capacityBytes: 1024 * MI, usedBytes: 900 * MI, availableBytes: 124 * MI }],
  },
});

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function start(path: string) {
  const deps = fakeDeps();
  deps.createStore = (info: ClusterInfo) => new ClusterStore(info.id);
  // The real snapshot loader: the file's usage is what the findings are judged from.
  deps.fileSource = (id, fileName, content) => new SnapshotSource(parseSnapshotFile(content, fileName), id, fileName);
  const core = new Core({ deps, resourcesDir: '/nonexistent', version: '0', transport: 'web', autoOpenDemo: false, usageSettings: new UsageSettingsFile(path) });
  await core.start();
  return core;
}
const nearlyFull = async (core: Core, clusterId: string) => {
  const page = (await core.call('listFindings', { clusterId, offset: 0, limit: 100 })) as { ok: true; value: Page<Finding> };
  if (!page.ok) throw new Error(JSON.stringify(page));
  return page.value.rows.filter((f) => f.code === 'claim.nearly-full').map((f) => f.severity);
};

describe('the usage settings (issue 14: interval and thresholds the user can set)', () => {
  it('are the defaults at first, change in part, judge the findings by the new thresholds and are remembered across runs', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kse-usage-settings-'));
    const path = join(dir, 'usage.json');
    const core = await start(path);
    expect(await core.call('getUsageSettings', {})).toEqual({ ok: true, value: DEFAULT_USAGE_SETTINGS });
    const opened = await core.call('openSnapshot', { fileName: 's.json', content: snapshot });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const clusterId = (opened.value as ClusterInfo).id;
    expect(await nearlyFull(core, clusterId)).toEqual(['warning']);
    // 87 % is under a 90 % warning: no finding.
    expect(await core.call('setUsageSettings', { warningPercent: 90 })).toEqual({ ok: true, value: { intervalMs: 30_000, warningPercent: 90, problemPercent: 95 } });
    expect(await nearlyFull(core, clusterId)).toEqual([]);
    // ...and a problem from 86 %; the overview counts it so.
    await core.call('setUsageSettings', { warningPercent: 80, problemPercent: 86, intervalMs: 10_000 });
    expect(await nearlyFull(core, clusterId)).toEqual(['problem']);
    const overview = await core.call('getOverview', { clusterId });
    expect(overview.ok && (overview.value as { findings: { problem: number } }).findings.problem).toBe(1);
    await core.close();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ settings: { intervalMs: 10_000, warningPercent: 80, problemPercent: 86 } });
    const again = await start(path);
    expect(await again.call('getUsageSettings', {})).toEqual({ ok: true, value: { intervalMs: 10_000, warningPercent: 80, problemPercent: 86 } });
    await again.close();
  });

  it('refuses settings that do not fit together or are out of bounds, and keeps the old ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kse-usage-settings-'));
    const core = await start(join(dir, 'usage.json'));
    expect(await core.call('setUsageSettings', { warningPercent: 95 })).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'The warning threshold (95 %) must be below the problem threshold (95 %). Nothing was changed.' } });
    expect(await core.call('setUsageSettings', { intervalMs: 1000 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await core.call('setUsageSettings', { problemPercent: 95.5 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await core.call('setUsageSettings', { thresholds: 1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await core.call('getUsageSettings', {})).toEqual({ ok: true, value: DEFAULT_USAGE_SETTINGS });
    await core.close();
  });

  it('a damaged or hand-edited file reads as the defaults', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kse-usage-settings-'));
    const path = join(dir, 'usage.json');
    await writeFile(path, '{"settings": {"intervalMs": 10000, "warningPercent": 99, "problemPercent": 50}}');
    expect(await new UsageSettingsFile(path).recall()).toEqual(DEFAULT_USAGE_SETTINGS);
    await writeFile(path, 'not json');
    expect(await new UsageSettingsFile(path).recall()).toEqual(DEFAULT_USAGE_SETTINGS);
    expect(saneUsageSettings({ intervalMs: 60_000 })).toEqual({ ...DEFAULT_USAGE_SETTINGS, intervalMs: 60_000 });
  });
});

/**
 * A bounded, seeded fuzz pass over what reads files from outside: the snapshot/recording loader and the whole
 * core behind openSnapshot (every table, findings, overview, details and graph of what it loaded), the
 * kubeconfig loader, and `kse doctor --snapshot` / `kse contexts` run as processes.
 *
 * Each input must end in a result or in a clear message: a SnapshotFormatError or bad-request that names the
 * file, a kubeconfig file error that names the file, a KubeconfigError for a context. Never an exception
 * of another kind, an "internal" error, a crash of the CLI, raw control characters on its output, or a CLI
 * that outlives its own --timeout.
 *
 * FUZZ_SEED (default below) and FUZZ_SECONDS (default 60, split between the parts) make runs reproducible and
 * bounded; a failure prints the seed and the shrunk input. The counts are printed at the end.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE_IDS } from '../../src/shared/model/rows';
import { parseSnapshotFile, SnapshotFormatError } from '../../src/shared/snapshot-format';
import { Core } from '../../src/main/core/core';
import { createCoreDeps } from '../../src/main/core/wiring';
import { kubeConfigFor } from '../../src/main/kube/client-kubeconfig';
import { KubeconfigError, loadKubeconfig } from '../../src/main/kube/kubeconfig';
import { kubeconfigText, snapshotText } from './mutate';

const ROOT = resolve(__dirname, '../..');
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
const dir = mkdtempSync(join(tmpdir(), 'kse-fuzz-'));
const counts = { snapshots: 0, opened: 0, refused: 0, kubeconfigs: 0, cliRuns: 0 };
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`fuzz (seed ${SEED}): ${counts.snapshots} snapshot files (${counts.opened} opened and queried, ${counts.refused} refused with a message), ${counts.kubeconfigs} kubeconfig files, ${counts.cliRuns} CLI runs`);
});

/** fast-check settings: seeded, as many runs as fit in the share of the time budget, never "no runs". */
const settings = (share: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: 1_000_000, interruptAfterTimeLimit: Math.round(SECONDS * 1000 * share), markInterruptAsFailure: false, endOnFailure: true });

const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('fuzz', () => {
  const core = new Core({ deps: createCoreDeps({ resourcesDir: join(ROOT, 'resources'), kubeconfig: { kubeconfigEnv: join(dir, 'none') } }), resourcesDir: join(ROOT, 'resources'), version: '0', transport: 'web', autoOpenDemo: false });
  afterAll(() => core.close());

  it('snapshot files: parsed, opened and queried, or refused with a message naming the file', async () => {
    await core.start();
    await fc.assert(
      fc.asyncProperty(snapshotText, async (text) => {
        counts.snapshots += 1;
        try {
          parseSnapshotFile(text, 'fuzz.json');
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(SnapshotFormatError);
          expect((error as Error).message).toContain('fuzz.json');
        }
        const opened = await core.call('openSnapshot', { fileName: 'fuzz.json', content: text });
        if (!opened.ok) {
          counts.refused += 1;
          expect(opened.error.code, opened.error.message).toBe('bad-request');
          expect(opened.error.message).toContain('fuzz.json');
          return;
        }
        counts.opened += 1;
        const clusterId = (opened.value as { id: string }).id;
        const ask = async (method: string, req: Record<string, unknown>) => {
          const result = await core.call(method, { clusterId, ...req });
          expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`, method).toBe('ok');
          return (result as { value: unknown }).value;
        };
        await ask('clusterStatus', {});
        await ask('getOverview', {});
        await ask('listFindings', { offset: 0, limit: 100 });
        for (const table of TABLE_IDS) {
          const page = (await ask('listRows', { table, offset: 0, limit: 20 })) as { rows: { ref?: unknown }[] };
          const ref = page.rows[0]?.ref;
          if (ref && table !== 'provisioners') {
            await ask('getObject', { ref });
            await ask('getGraph', { root: ref });
          }
        }
        await ask('closeCluster', {});
      }),
      settings(0.5),
    );
    expect(counts.snapshots).toBeGreaterThan(0);
  });

  it('kubeconfig files: loaded, or reported per file; contexts build or say why', async () => {
    let n = 0;
    await fc.assert(
      fc.property(kubeconfigText, (text) => {
        counts.kubeconfigs += 1;
        const file = join(dir, `kubeconfig-${n++}`);
        writeFileSync(file, text);
        const loaded = loadKubeconfig({ kubeconfigEnv: file });
        for (const error of loaded.fileErrors) expect(error.message).toContain(file);
        for (const context of loaded.contexts) {
          try {
            kubeConfigFor(loaded, context.name);
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(KubeconfigError);
          }
        }
        rmSync(file);
      }),
      settings(0.2),
    );
    expect(counts.kubeconfigs).toBeGreaterThan(0);
  });

  it('the CLI: kse doctor --snapshot and kse contexts end with a result or a message, within their timeout', async () => {
    const run = (args: string[], env: Record<string, string> = {}) =>
      new Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }>((done) => {
        // Only a hang detector: the commands use --timeout 10; a process still alive long after is stuck.
        const child = execFile(process.execPath, [join(ROOT, 'bin/kse.mjs'), ...args], { env: { ...process.env, KUBECONFIG: join(dir, 'none'), ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
          done({ code: child.exitCode, stdout, stderr, killed: child.killed || (error as { killed?: boolean } | null)?.killed === true });
        });
      });
    const deadline = Date.now() + SECONDS * 1000 * 0.3;
    const samples = fc.sample(fc.tuple(snapshotText, kubeconfigText), { seed: SEED, numRuns: 20 });
    for (const [snapshot, kubeconfig] of samples) {
      if (Date.now() > deadline && counts.cliRuns >= 2) break;
      const snapshotFile = join(dir, 'cli.json');
      writeFileSync(snapshotFile, snapshot);
      const doctor = await run(['doctor', '--snapshot', snapshotFile, '--timeout', '10']);
      const kubeconfigFile = join(dir, 'cli-kubeconfig');
      writeFileSync(kubeconfigFile, kubeconfig);
      const contexts = await run(['contexts'], { KUBECONFIG: kubeconfigFile });
      counts.cliRuns += 2;
      for (const result of [doctor, contexts]) {
        expect(result.killed, 'the command hung').toBe(false);
        expect([0, 1, 2]).toContain(result.code);
        expect(result.stderr).not.toContain('unexpected failure');
        expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROLS);
        if (result.code === 2) expect(result.stderr).toMatch(/^kse: /);
      }
    }
  });
});

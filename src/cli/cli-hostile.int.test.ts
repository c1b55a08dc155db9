/**
 * `kse` run as users run it (node bin/kse.mjs), on hostile input that needs no cluster: names and messages
 * built to drive a terminal, and a credential plugin that never answers. Nothing raw may reach stdout or stderr,
 * and the command must end at its timeout with no plugin process left behind.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { processAlive } from '../main/kube/testing/process';
import { pollUntil } from '../main/kube/testing/until';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kse-hostile-'));

function kse(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/kse.mjs'), ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** What a terminal would act on: C0 (but newline and tab), DEL, C1, bidi controls, U+2028/9, zero-width, U+061C. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const EVIL = '\u001b]0;pwned\u0007\u001b[2J\u001b]8;;https://evil.example\u001b\\x\u009b31m\u202eabc\u2066\u2028\u200b\u061c';

describe('terminal output of cluster-sourced text', () => {
  const snapshot = {
    format: 'kse-snapshot',
    version: 1,
    capturedAt: '2026-11-28T00:00:00.000Z',
    context: `ctx${EVIL}`,
    kinds: {
      storageclasses: { state: 'synced', items: [] },
      persistentvolumes: { state: 'forbidden', items: [], message: `no${EVIL}` },
      persistentvolumeclaims: {
        state: 'synced',
        items: [{ metadata: { name: `data${EVIL}`, namespace: `ns${EVIL}`, uid: 'u1' }, spec: { storageClassName: `gone${EVIL}` }, status: { phase: 'Pending' } }],
      },
      events: {
        state: 'synced',
        items: [{ metadata: { name: 'e1', namespace: `ns${EVIL}` }, involvedObject: { kind: 'PersistentVolumeClaim', name: `data${EVIL}`, namespace: `ns${EVIL}` }, reason: 'ProvisioningFailed', message: `boom${EVIL}`, type: 'Warning' }],
      },
    },
  };
  const file = join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify(snapshot));

  it('kse doctor --snapshot (text and JSON) escapes every control, and the JSON still parses to the same names', async () => {
    const text = await kse(['doctor', '--snapshot', file], {});
    expect(text.stdout).toContain('\\u001b]0;pwned');
    expect(text.stdout).toContain('\\u202e');
    expect(text.stdout + text.stderr).not.toMatch(RAW);
    const json = await kse(['doctor', '--snapshot', file, '--json'], {});
    expect(json.stdout + json.stderr).not.toMatch(RAW);
    const report = JSON.parse(json.stdout) as { findings: { object: { name: string } }[] };
    expect(report.findings.some((f) => f.object.name === `data${EVIL}`)).toBe(true);
  });

  it('escapes controls in error messages on stderr', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...snapshot, format: `x${EVIL}` }));
    const result = await kse(['doctor', '--snapshot', bad], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a valid kse snapshot');
    expect(result.stderr).not.toMatch(RAW);
  });

  it('kse contexts escapes context, cluster, user and namespace names from a kubeconfig', async () => {
    const kubeconfig = join(dir, 'evil-kubeconfig');
    writeFileSync(
      kubeconfig,
      stringify({
        clusters: [{ name: `c${EVIL}`, cluster: { server: `https://h:1/${EVIL}` } }],
        users: [{ name: `u${EVIL}`, user: { token: 't' } }],
        contexts: [{ name: `x${EVIL}`, context: { cluster: `c${EVIL}`, user: `u${EVIL}`, namespace: `n${EVIL}` } }, { name: `broken${EVIL}`, context: { cluster: 'none' } }],
      }),
    );
    for (const args of [['contexts'], ['contexts', '--json']]) {
      const result = await kse(args, { KUBECONFIG: kubeconfig });
      expect(result.stdout).toContain('\\u001b');
      expect(result.stdout + result.stderr).not.toMatch(RAW);
    }
  });
});

describe.skipIf(process.platform === 'win32')('a credential plugin that never answers', () => {
  it('kse sync ends at its timeout, names the plugin and the context, and leaves no plugin process', async () => {
    const log = join(dir, 'plugin.log');
    const plugin = join(dir, 'hanging-plugin.sh');
    writeFileSync(plugin, `#!/bin/sh\necho "$$" >> ${log}\nsleep 1000 &\necho "$!" >> ${log}\nwait\n`);
    chmodSync(plugin, 0o755);
    const kubeconfig = join(dir, 'hanging-kubeconfig');
    writeFileSync(
      kubeconfig,
      stringify({
        clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:9' } }],
        users: [{ name: 'sso', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } } }],
        contexts: [{ name: 'hanging', context: { cluster: 'c', user: 'sso' } }],
        'current-context': 'hanging',
      }),
    );
    // The plugin would run for 1000 s: the command returning at all means it did not wait for it.
    const result = await kse(['sync', '--timeout', '3'], { KUBECONFIG: kubeconfig });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did not sync within 3 s');
    expect(result.stderr).toMatch(new RegExp(`credential plugin "${plugin}" of user "sso" \\(context "hanging"\\) has not answered`));
    const pids = readFileSync(log, 'utf8').trim().split('\n').map(Number);
    expect(pids).toHaveLength(2); // one run, plugin and its helper
    await pollUntil('no plugin process left', () => pids.every((pid) => !processAlive(pid)), { timeoutMs: 10_000 });
  });
});

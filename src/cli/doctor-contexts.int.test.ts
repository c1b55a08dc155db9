/**
 * `kse doctor --all-contexts` over a fleet made of two real labs running at once and a context whose API server
 * port is closed, merged into one kubeconfig, run as users run it (`node bin/kse.mjs`). Each lab is given its
 * own problems (claims naming a StorageClass that does not exist), so a section showing the other lab's
 * findings, or a count from the wrong cluster, fails. Then one lab is stopped for real.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFleetKubeconfig } from '../../e2e/cluster/fleet-kubeconfig';
import { claimManifest } from '../../e2e/cluster/manifests';
import { startLab, type Lab } from '../../e2e/cluster/lab';
import type { ContextCheck } from './fleet-format';

const ROOT = resolve(__dirname, '../..');
const PER_CONTEXT_TIMEOUT_S = 20;
let labA: Lab;
let labB: Lab | undefined;
let work: string;
let kubeconfig: string;

function kse(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/kse.mjs'), ...args], { env: { ...process.env, KUBECONFIG: kubeconfig }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const missingClassClaims = (check: ContextCheck | undefined): string[] =>
  (check?.findings ?? []).filter((f) => f.code === 'claim.class-missing').map((f) => f.object.name).sort();

async function doctorAll(): Promise<{ code: number; byContext: Map<string, ContextCheck>; stderr: string }> {
  const result = await kse(['doctor', '--all-contexts', '--json', '--timeout', String(PER_CONTEXT_TIMEOUT_S), '--concurrency', '3']);
  const parsed = JSON.parse(result.stdout) as { contexts: ContextCheck[] };
  return { code: result.code, byContext: new Map(parsed.contexts.map((c) => [c.context, c])), stderr: result.stderr };
}

beforeAll(async () => {
  [labA, labB] = await Promise.all([startLab({ log: () => undefined }), startLab({ log: () => undefined })]);
  work = await mkdtemp(join(tmpdir(), 'kse-fleet-'));
  kubeconfig = join(work, 'fleet.kubeconfig');
  await writeFleetKubeconfig(kubeconfig, { 'fleet-a': labA, 'fleet-b': labB }, 'fleet-dead');
  for (const name of ['a-one', 'a-two']) await labA.client('admin').create('/api/v1/namespaces/default/persistentvolumeclaims', claimManifest(name, { storageClassName: 'missing-a' }));
  await labB.client('admin').create('/api/v1/namespaces/default/persistentvolumeclaims', claimManifest('b-one', { storageClassName: 'missing-b' }));
}, 600_000);

afterAll(async () => {
  await Promise.all([labA?.stop(), labB?.stop()]);
  if (work) await rm(work, { recursive: true, force: true });
});

describe('kse doctor --all-contexts over two labs and a dead context', () => {
  it('shows each lab with its own findings and the dead context as unreachable within its timeout', async () => {
    const { code, byContext, stderr } = await doctorAll();
    expect([...byContext.keys()].sort()).toEqual(['fleet-a', 'fleet-b', 'fleet-dead']);
    const a = byContext.get('fleet-a');
    const b = byContext.get('fleet-b');
    expect(a?.state, stderr).toBe('checked');
    expect(b?.state, stderr).toBe('checked');
    expect(a?.serverVersion).toMatch(/^v1\./);
    // Each section has exactly the problems made on its own lab.
    expect(missingClassClaims(a)).toEqual(['a-one', 'a-two']);
    expect(missingClassClaims(b)).toEqual(['b-one']);
    expect(a?.findings?.filter((f) => f.severity === 'problem').map((f) => f.object.name).sort()).toEqual(['a-one', 'a-two']);
    expect(b?.findings?.filter((f) => f.severity === 'problem').map((f) => f.object.name).sort()).toEqual(['b-one']);
    const dead = byContext.get('fleet-dead');
    expect(dead?.state).toBe('unreachable');
    expect(dead?.error).toMatch(/did not sync within 20 s/);
    expect(dead?.todo).toContain('kubectl --context fleet-dead get --raw /version');
    expect(dead?.seconds).toBeLessThanOrEqual(PER_CONTEXT_TIMEOUT_S + 3);
    expect(code).toBe(2);
  }, 180_000);

  it('prints a section per context and a summary in the terminal text, in Russian too', async () => {
    const result = await kse(['doctor', '--contexts', 'fleet-b,fleet-a,nope', '--timeout', String(PER_CONTEXT_TIMEOUT_S), '--lang', 'ru']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toContain('══ Контекст fleet-b: проверен');
    expect(result.stdout).toContain('══ Контекст fleet-a: проверен');
    expect(result.stdout).toContain('══ Контекст nope: непригоден ══');
    expect(result.stdout).toContain('No context named "nope" in the kubeconfig.');
    expect(result.stdout).toMatch(/fleet-b\s+проверен\s+1\s+/);
    expect(result.stdout).toMatch(/fleet-a\s+проверен\s+2\s+/);
    // Sections keep the order asked for.
    expect(result.stdout.indexOf('Контекст fleet-b')).toBeLessThan(result.stdout.indexOf('Контекст fleet-a'));
  }, 180_000);

  it('exits 1 when every context was checked and one has a problem', async () => {
    const result = await kse(['doctor', '--contexts', 'fleet-a,fleet-b', '--timeout', String(PER_CONTEXT_TIMEOUT_S), '--json']);
    expect(result.code, result.stderr).toBe(1);
  }, 180_000);

  it('writes a report file of one lab, in Russian, with the version and the problems of that lab', async () => {
    const md = await kse(['doctor', '--context', 'fleet-a', '--format', 'markdown', '--lang', 'ru', '--timeout', String(PER_CONTEXT_TIMEOUT_S)]);
    expect(md.code, md.stderr).toBe(1);
    expect(md.stdout).toContain('# Отчёт о хранилище: `fleet-a`');
    expect(md.stdout).toMatch(/\*\*Версия Kubernetes:\*\* `v1\.\d+/);
    expect(md.stdout).toContain('`default/a-one`');
    expect(md.stdout).toContain('`default/a-two`');
    expect(md.stdout).not.toContain('b-one');
    expect(md.stdout).toContain('## Уроки');
    const html = await kse(['doctor', '--context', 'fleet-b', '--namespace', 'default', '--format', 'html', '--timeout', String(PER_CONTEXT_TIMEOUT_S)]);
    expect(html.code, html.stderr).toBe(1);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('namespace <code>default</code>');
    expect(html.stdout).toContain('<code>default/b-one</code>');
    expect(html.stdout).not.toContain('<script');
  }, 180_000);

  it('reports a stopped lab as unreachable and still checks the other', async () => {
    await labB?.stop();
    labB = undefined;
    const { code, byContext } = await doctorAll();
    expect(byContext.get('fleet-b')?.state).toBe('unreachable');
    expect(byContext.get('fleet-b')?.seconds).toBeLessThanOrEqual(PER_CONTEXT_TIMEOUT_S + 3);
    expect(byContext.get('fleet-a')?.state).toBe('checked');
    expect(missingClassClaims(byContext.get('fleet-a'))).toEqual(['a-one', 'a-two']);
    expect(code).toBe(2);
  }, 180_000);
});

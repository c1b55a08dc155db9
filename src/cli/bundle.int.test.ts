/**
 * `kse` runs from the bundle in out/cli (scripts/cli-bundle.mjs), not from TypeScript compiled at run time, and
 * each command loads only the modules it needs. Which modules a process loaded is recorded by a loader hook
 * (testing/record-loads.mjs) and mapped back to their sources with out/cli/contents.json. The second part runs a
 * copy of bin/kse.mjs in a small project of its own: the first run builds the bundle, the next runs use it, and
 * a changed source makes the next run build again.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BUNDLE_DIR, CONTENTS, buildCliBundle, bundleState } from '../../scripts/cli-bundle.mjs';

const ROOT = resolve(__dirname, '../..');
const RECORD_LOADS = join(__dirname, 'testing', 'record-loads.mjs');
const work = mkdtempSync(join(tmpdir(), 'kse-bundle-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function node(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, args, { env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let loadCounter = 0;

/** Runs the real bin/kse.mjs and returns what it printed and the files it loaded (project-relative sources). */
async function kseLoading(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run & { urls: string[]; sources: Set<string> }> {
  const log = join(work, `loads-${++loadCounter}.txt`);
  writeFileSync(log, '');
  const run = await node(['--import', RECORD_LOADS, join(ROOT, 'bin', 'kse.mjs'), ...args], { KSE_RECORD_LOADS: log, ...env });
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const contents = JSON.parse(readFileSync(join(ROOT, BUNDLE_DIR, CONTENTS), 'utf8')) as Record<string, string[]>;
  const sources = new Set<string>();
  for (const url of urls) {
    const match = /\/out\/cli\/([^/]+)$/.exec(url);
    for (const input of (match && contents[match[1]!]) ?? []) sources.add(input);
  }
  return { ...run, urls, sources };
}

const kubeconfig = join(work, 'kubeconfig.yaml');

beforeAll(async () => {
  // The suite runs after `npm run build`; a developer's edited checkout gets its bundle rebuilt here, once.
  if (bundleState(ROOT).state !== 'current') await buildCliBundle(ROOT);
  writeFileSync(
    kubeconfig,
    stringify({
      clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:1' } }],
      users: [{ name: 'u', user: { token: 'not-a-real-token' } }],
      contexts: [{ name: 'first', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'first',
    }),
  );
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bin/kse.mjs with a current bundle', () => {
  it('runs the bundle: no TypeScript source and no run-time compiler is loaded', async () => {
    const run = await kseLoading(['version']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.stderr).toBe('');
    expect(run.urls.some((url) => /\/out\/cli\/kse-[A-Z0-9]+\.js$/.test(url))).toBe(true);
    expect(run.urls.filter((url) => url.endsWith('.ts') || url.includes('/node_modules/'))).toEqual([]);
  });

  it('kse help loads no core', async () => {
    const run = await kseLoading(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: kse');
    expect([...run.sources].filter((source) => source.startsWith('src/main/core/'))).toEqual([]);
  });

  it('kse contexts loads the kubeconfig reader, and no Kubernetes client, store, rules or web server', async () => {
    const run = await kseLoading(['contexts', '--json'], { KUBECONFIG: kubeconfig });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ current: 'first', contexts: [{ name: 'first' }] });
    // The test sees the modules it is about: the command ran through the core and the kubeconfig reader.
    expect(run.sources).toContain('src/main/core/core.ts');
    expect(run.sources).toContain('src/main/kube/kubeconfig.ts');
    const unneeded = [...run.sources].filter((source) =>
      /^node_modules\/(@kubernetes\/client-node|ws)\/|^src\/main\/store\/|^src\/shared\/diagnose\/|^src\/main\/host\/|^src\/main\/kube\/(reflector|context-source|client-kubeconfig|api-client)\.ts$/.test(source),
    );
    expect(unneeded).toEqual([]);
  });

  it('kse doctor on a file loads the store and the rules, but no Kubernetes client and no web server', async () => {
    const run = await kseLoading(['doctor', '--snapshot', join(ROOT, 'resources', 'demo', 'demo.json'), '--json'], { KUBECONFIG: kubeconfig });
    expect(run.code, run.stderr).toBe(1); // the demo has problems to find
    expect(JSON.parse(run.stdout)).toMatchObject({ findings: expect.any(Array) });
    expect(run.sources).toContain('src/main/store/cluster-store.ts');
    expect([...run.sources].some((source) => source.startsWith('src/shared/diagnose/'))).toBe(true);
    expect([...run.sources].filter((source) => /^node_modules\/(@kubernetes\/client-node|ws)\/|^src\/main\/host\//.test(source))).toEqual([]);
  });
});

describe('bin/kse.mjs building its bundle', () => {
  const project = join(work, 'project');
  const kse = (...args: string[]) => node([join(project, 'bin', 'kse.mjs'), ...args]);
  const greeting = join(project, 'src', 'cli', 'greeting.ts');

  beforeAll(() => {
    // A project of its own: the real bin/kse.mjs and build script, the real node_modules, a tiny CLI.
    mkdirSync(join(project, 'src', 'cli'), { recursive: true });
    mkdirSync(join(project, 'scripts'));
    cpSync(join(ROOT, 'bin'), join(project, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'scripts', 'cli-bundle.mjs'), join(project, 'scripts', 'cli-bundle.mjs'));
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(greeting, "export const greeting = (names: string[]): string => `hello ${names.join(' ')}`;\n");
    writeFileSync(
      join(project, 'src', 'cli', 'main.ts'),
      "import { greeting } from './greeting';\nexport async function runAsProcess(argv: string[]): Promise<void> {\n  console.log(greeting(argv));\n}\n",
    );
    // Sources older than any build below, as after a checkout.
    const past = new Date(Date.now() - 60_000);
    for (const file of ['package.json', 'src/cli/main.ts', 'src/cli/greeting.ts', 'scripts/cli-bundle.mjs']) utimesSync(join(project, file), past, past);
  });

  it('builds the bundle on the first run, says so on stderr, and runs it', async () => {
    expect(bundleState(project)).toMatchObject({ state: 'missing', checkout: true });
    const run = await kse('a', 'b');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^kse: building the command \(no bundle yet\); "npm run build" does this too…\n$/);
    expect(run.stdout).toBe('hello a b\n');
    expect(bundleState(project).state).toBe('current');
  });

  it('uses the bundle as it is while it is current', async () => {
    const run = await kse('c');
    expect(run).toEqual({ code: 0, stdout: 'hello c\n', stderr: '' });
  });

  it('builds again when a source is newer than the bundle, and keeps only this build and the one before', async () => {
    const firstOutputs = readdirSync(join(project, BUNDLE_DIR));
    writeFileSync(greeting, "export const greeting = (names: string[]): string => `hi ${names.join(' ')}`;\n");
    const future = new Date(Date.now() + 5_000);
    utimesSync(greeting, future, future);
    expect(bundleState(project)).toMatchObject({ state: 'stale', reason: 'src/cli/greeting.ts changed' });
    const run = await kse('d');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('building the command (src/cli/greeting.ts changed since the last build)');
    expect(run.stdout).toBe('hi d\n');
    // Content-hashed names: the previous build's files stay for processes still running from it.
    const secondOutputs = readdirSync(join(project, BUNDLE_DIR));
    expect(secondOutputs).toEqual(expect.arrayContaining(firstOutputs.filter((name) => name.endsWith('.js'))));
  });

  it('says what is wrong and what to do when the sources do not build', async () => {
    writeFileSync(greeting, 'export const greeting = (;\n');
    const future = new Date(Date.now() + 10_000);
    utimesSync(greeting, future, future);
    const run = await kse('e');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/kse: The kse sources do not build: src\/cli\/greeting\.ts:1: .+ Fix them, or run "npm run typecheck"/);
  });

  it('an installed copy without sources uses the bundle it has, and says to reinstall when there is none', async () => {
    writeFileSync(greeting, "export const greeting = (names: string[]): string => `hey ${names.join(' ')}`;\n");
    const future = new Date(Date.now() + 15_000);
    utimesSync(greeting, future, future);
    expect((await kse('f')).stdout).toBe('hey f\n');
    rmSync(join(project, 'src'), { recursive: true });
    expect(await kse('g')).toEqual({ code: 0, stdout: 'hey g\n', stderr: '' });
    rmSync(join(project, BUNDLE_DIR), { recursive: true });
    const run = await kse('h');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the command's bundle \(out\/cli in .+\) is missing and there are no sources to build it from\. Reinstall kse\./);
  });
});

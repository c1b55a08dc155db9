/** `kse exercise`: parsing, and the subcommands that need no cluster (check runs on the lab, e2e/integration/exercises). */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';
import { main } from './main';
import type { CliRuntime } from './runtime';

const RESOURCES = resolve(__dirname, '../../resources');

function offlineRuntime(resourcesDir = RESOURCES) {
  const out: string[] = [];
  const err: string[] = [];
  const runtime: CliRuntime = {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false },
    version: '9.9.9',
    createCore: () => Promise.reject(new Error('no cluster in this test')),
    currentContext: async () => undefined,
    readFile: () => Promise.reject(new Error('no files')),
    writeFile: async () => undefined,
    rendererDir: '/nonexistent',
    resourcesDir,
    openBrowser: () => undefined,
    untilInterrupted: async () => undefined,
    now: () => performance.now(),
  };
  return { runtime, out, err };
}

describe('kse exercise arguments', () => {
  it.each([
    [['exercise'], { action: 'list', lang: 'en', json: false }],
    [['exercise', 'list', '--lang', 'ru'], { action: 'list', lang: 'ru' }],
    [['exercise', 'start', '5'], { action: 'start', which: '5' }],
    [['exercise', 'hint', '5', '2'], { action: 'hint', which: '5', level: 2 }],
    [['exercise', 'check', 'static-binding', '--context', 'lab-admin', '--json'], { action: 'check', which: 'static-binding', context: 'lab-admin', json: true }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toMatchObject({ name: 'exercise', ...expected });
  });

  it.each([
    [['exercise', 'solve', '1'], /Unknown "kse exercise solve"/],
    [['exercise', 'check'], /needs the exercise's number/],
    [['exercise', 'start', '1', '2'], /Unexpected argument "2"/],
    [['exercise', 'hint', '1', 'x'], /hint number must be/],
    [['exercise', 'check', '1', '--lang', 'de'], /--lang must be one of/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('kse exercise without a cluster', () => {
  it('lists the exercises in Russian', async () => {
    const { runtime, out } = offlineRuntime();
    expect(await main(['exercise', 'list', '--lang', 'ru'], runtime)).toBe(0);
    expect(out.join('')).toContain(' 5. Статический PersistentVolume и его заявка  (пространство имён ex-static)');
    expect(out.join('').match(/^\s+\d+\. /gm)?.length).toBeGreaterThanOrEqual(10);
  });

  it('start prints the goal, the steps and the commands to set up and reset, and writes nothing', async () => {
    const { runtime, out } = offlineRuntime();
    expect(await main(['exercise', 'start', 'static-binding'], runtime)).toBe(0);
    const text = out.join('');
    expect(text).toContain('Claim `reports` in namespace `ex-static` asks for 1Gi');
    expect(text).toContain(`kubectl apply -f ${RESOURCES}/exercises/05-static-binding/start.yaml`);
    expect(text).toContain('kubectl delete namespace ex-static --ignore-not-found --wait --timeout=120s');
    expect(text).toContain('kubectl delete persistentvolumes ex-static-pv --ignore-not-found');
    expect(text).toContain('npm run lab -- exercise 5');
  });

  it('hints one at a time, then points to the solution', async () => {
    const { runtime, out } = offlineRuntime();
    expect(await main(['exercise', 'hint', '10', '1'], runtime)).toBe(0);
    expect(out.join('')).toMatch(/^Hint 1\/3: `kubectl get pv` shows each volume's RECLAIM POLICY[\s\S]*kse exercise hint 10 2/);
    out.length = 0;
    expect(await main(['exercise', 'hint', '10', '3'], runtime)).toBe(0);
    expect(out.join('')).toContain('kse exercise solution 10');
    expect(await main(['exercise', 'hint', '10', '4'], runtime)).toBe(2);
    out.length = 0;
    expect(await main(['exercise', 'solution', '10', '--lang', 'ru'], runtime)).toBe(0);
    expect(out.join('')).toContain('$ kubectl -n ex-reclaim delete pvc keep scratch --wait');
  });

  it('says which exercises exist when the number is wrong, and what is broken when the files are', async () => {
    const { runtime, err } = offlineRuntime();
    expect(await main(['exercise', 'start', '42'], runtime)).toBe(2);
    expect(err.join('')).toMatch(/no exercise "42"\. Exercises are numbered 1-\d+/);
    const broken = offlineRuntime('/nonexistent');
    expect(await main(['exercise', 'list'], broken.runtime)).toBe(1);
    expect(broken.err.join('')).toMatch(/exercises could not be read: Cannot read the exercises in \/nonexistent\/exercises/);
  });
});

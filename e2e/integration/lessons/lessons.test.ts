/**
 * The lessons, proven on the lab (Kubernetes v1.37.2 control plane, kwok nodes, the lesson scenarios seeded):
 *
 * - every YAML block of every lesson, in both languages, is applied with server-side dry run
 *   (`kubectl apply --server-side --dry-run=server`, as a student would, minus the write) and must be accepted;
 *   a block marked `lab-skip: <reason>` in its info string must be refused (so the marker cannot go stale), and
 *   the test lists those with their reasons;
 * - every read-only kubectl command (get, describe, explain, events, auth can-i, api-resources) of every shell
 *   block runs against the lab as written, through bash (pipes included), and must exit 0 and print something;
 *   in a block marked `lab-skip`, each must fail or print nothing there (the marker stays true); other commands
 *   (patch, logs, replace...) are listed, not run, since they write or need a real kubelet.
 *
 * What runs is read out of the markdown by src/shared/lesson-code.ts; the counts are printed at the end.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../cluster/lab';
import { pollUntil } from '../../../src/main/kube/testing/until';
import { kubectlCommands, lessonCodeBlocks, type LessonCodeBlock, type LessonCommand } from '../../../src/shared/lesson-code';

const LESSONS = resolve(__dirname, '../../../resources/lessons');

const blocks: LessonCodeBlock[] = readdirSync(LESSONS)
  .sort()
  .flatMap((lang) =>
    readdirSync(join(LESSONS, lang))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .flatMap((f) => lessonCodeBlocks(readFileSync(join(LESSONS, lang, f), 'utf8'), `${lang}/${f}`)),
  );
const yamlBlocks = blocks.filter((b) => b.lang === 'yaml');
const commands = blocks.flatMap(kubectlCommands);
const readOnly = commands.filter((c) => c.readOnly && !c.block.labSkip);
const skippedCommands = commands.filter((c) => c.readOnly && c.block.labSkip);
const at = (b: LessonCodeBlock | LessonCommand) => `${'block' in b ? b.block.source : b.source}:${b.line}`;

let lab: Lab;
let work: string;
let shellEnv: NodeJS.ProcessEnv;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env = shellEnv): Promise<Run> {
  return new Promise((resolvePromise) => {
    execFile(file, args, { env, timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      resolvePromise({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr: stderr || (err && !stderr ? String(err) : '') }),
    );
  });
}

/** Runs a lesson's command line as a student would type it, with the lab's kubectl and kubeconfig. */
const shell = (command: string) => run('bash', ['-o', 'pipefail', '-c', command]);

/** One run per distinct text: both languages carry the same code, and applying or running it twice proves nothing more. */
function memo<T>(fn: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    let p = seen.get(key);
    if (!p) seen.set(key, (p = fn(key)));
    return p;
  };
}

let fileSeq = 0;
const dryRunApply = memo(async (yamlText: string) => {
  const file = join(work, `block-${++fileSeq}.yaml`);
  writeFileSync(file, yamlText);
  return run(lab.kubectlPath!, ['--kubeconfig', lab.kubeconfigPath, 'apply', '--server-side', '--dry-run=server', '-f', file]);
});
const runCommand = memo(shell);

beforeAll(async () => {
  lab = await startLab({ seedScenarios: true, log: () => undefined });
  if (!lab.kubectlPath) throw new Error('kubectl was not built with the lab (npm run lab:build)');
  work = mkdtempSync(join(tmpdir(), 'kse-lessons-'));
  shellEnv = { PATH: `${dirname(lab.kubectlPath)}:${process.env.PATH ?? ''}`, HOME: work, KUBECONFIG: lab.kubeconfigPath, LANG: 'C.UTF-8' };
  // The seeded scenarios settle within seconds: claims bound, the StatefulSets' replicas created, the quota's refusal recorded.
  await pollUntil(
    'the lesson scenarios to settle (claims bound)',
    async () => {
      const pending = await shell(`kubectl get pvc -A -o jsonpath='{range .items[?(@.status.phase=="Bound")]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}'`);
      const bound = pending.stdout.split('\n');
      const refused = await shell('kubectl get events -n lab-quota --field-selector involvedObject.kind=StatefulSet,reason=FailedCreate -o name');
      return ['lab-dynamic/data', 'lab-static/reports', 'lab-external/uploads', 'lab-statefulset/data-web-1', 'lab-quota/data-cache-1'].every((c) => bound.includes(c)) && refused.stdout.trim() !== '';
    },
    { timeoutMs: 120_000, intervalMs: 1000 },
  );
});

afterAll(async () => {
  await lab?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('lesson YAML on the lab (server-side dry run)', () => {
  it('finds YAML blocks in both languages, the same number in each', () => {
    const en = yamlBlocks.filter((b) => b.source.startsWith('en/'));
    const ru = yamlBlocks.filter((b) => b.source.startsWith('ru/'));
    expect(en.length).toBeGreaterThan(20);
    expect(ru.length).toBe(en.length);
    expect(ru.map((b) => [b.section, b.labSkip])).toEqual(en.map((b) => [b.section, b.labSkip]));
  });

  it('every block parses as YAML into Kubernetes objects', () => {
    for (const b of yamlBlocks) {
      const docs = parseAllDocuments(b.text);
      for (const d of docs) expect(d.errors.map((e) => e.message), at(b)).toEqual([]);
      const objects = docs.map((d) => d.toJS() as { apiVersion?: string; kind?: string } | null).filter((o) => o !== null);
      expect(objects.length, at(b)).toBeGreaterThan(0);
      for (const o of objects) expect(o.apiVersion && o.kind, `${at(b)}: apiVersion and kind`).toBeTruthy();
    }
  });

  it.each(yamlBlocks.filter((b) => !b.labSkip).map((b) => [at(b), b] as const))('%s is accepted', async (_, b) => {
    const result = await dryRunApply(b.text);
    expect(result.code, `${at(b)} [${b.section}]\n${result.stderr}`).toBe(0);
  });

  it('blocks marked lab-skip are refused by the lab for the reason given (else remove the marker)', async () => {
    const skipped = yamlBlocks.filter((b) => b.labSkip);
    console.log(`lessons: YAML blocks the lab cannot apply (${skipped.length}):\n${skipped.map((b) => `  ${at(b)} [${b.section}]: ${b.labSkip}`).join('\n')}`);
    for (const b of skipped) {
      const result = await dryRunApply(b.text);
      expect(result.code, `${at(b)} is marked lab-skip (${b.labSkip}) but the lab accepts it`).not.toBe(0);
    }
  });
});

describe('lesson commands on the lab', () => {
  it('finds read-only commands in both languages, the same ones', () => {
    const of = (lang: string) => readOnly.filter((c) => c.block.source.startsWith(`${lang}/`)).map((c) => c.command);
    expect(of('en').length).toBeGreaterThan(30);
    expect(of('ru')).toEqual(of('en'));
  });

  it.each(readOnly.map((c) => [`${at(c)} ${c.command}`, c] as const))('%s', async (_, c: LessonCommand) => {
    const result = await runCommand(c.command);
    expect(result.code, `${at(c)}: ${c.command}\n${result.stderr}`).toBe(0);
    expect(result.stdout.trim(), `${at(c)}: ${c.command} prints nothing on the lab\n${result.stderr}`).not.toBe('');
  });

  it('commands of blocks marked lab-skip find nothing on the lab (else remove the marker)', async () => {
    console.log(`lessons: command blocks the lab cannot serve:\n${[...new Set(skippedCommands.map((c) => `  ${at(c)} [${c.block.section}]: ${c.block.labSkip}`))].join('\n')}`);
    for (const c of skippedCommands) {
      const result = await runCommand(c.command);
      expect(result.code !== 0 || result.stdout.trim() === '', `${at(c)}: ${c.command} works on the lab, but its block is marked lab-skip (${c.block.labSkip})`).toBe(true);
    }
  });

  it('lists the commands it does not run', () => {
    const other = commands.filter((c) => !c.readOnly);
    console.log(
      `lessons: ${yamlBlocks.length} YAML blocks (${new Set(yamlBlocks.map((b) => b.text)).size} distinct texts), ` +
        `${readOnly.length} read-only commands run (${new Set(readOnly.map((c) => c.command)).size} distinct), ` +
        `${other.length} other commands not run:\n${[...new Set(other.map((c) => `  ${c.verb}: ${c.command}`))].join('\n')}`,
    );
    expect(other.every((c) => c.verb !== '')).toBe(true);
  });
});

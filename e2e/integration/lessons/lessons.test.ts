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
 * - what the lessons claim the lab answers is checked there too: the refused field selector, the API errors they
 *   quote (quota, LimitRange, resize), the events of a "manual" class claim and of a no-provisioner class, the
 *   restricted Pod Security profile refusing a root init container, and every storage event the seeded lab records
 *   being one that src/shared/diagnose/messages.ts knows.
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
import { diagnoseObject } from '../../../src/shared/diagnose';
import { fixtureView, type FixtureObjects } from '../../../src/shared/diagnose/testing/fixture-view';
import { recogniseMessage } from '../../../src/shared/diagnose/messages';
import type { KubeEvent } from '../../../src/shared/kube/objects';
import { plainText } from '../../../src/shared/verbatim';

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
    expect(en.length).toBeGreaterThan(15);
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

  it('shell blocks marked lab-skip cannot be followed on the lab (else remove the marker)', async () => {
    const skippedBlocks = [...new Set(skippedCommands.map((c) => c.block))];
    console.log(`lessons: shell blocks the lab cannot serve (${skippedBlocks.length}):\n${skippedBlocks.map((b) => `  ${at(b)} [${b.section}]: ${b.labSkip}`).join('\n')}`);
    for (const block of skippedBlocks) {
      // At least one of its read-only commands fails or finds nothing there (a header line alone is nothing).
      const results = await Promise.all(skippedCommands.filter((c) => c.block === block).map((c) => runCommand(c.command)));
      const blocked = results.some((r) => r.code !== 0 || r.stdout.trim().split('\n').length <= 1);
      expect(blocked, `${at(block)}: every command works on the lab, but the block is marked lab-skip (${block.labSkip})`).toBe(true);
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

/** The id of the known message a text is, or the text itself when it is unknown (so a failure shows it). */
function messageId(text: string): string {
  const known = recogniseMessage(text);
  return known ? ('current' in known ? known.current.id : `historical:${known.historical.id}`) : `unknown: ${text}`;
}

async function json<T>(args: string[]): Promise<T> {
  const result = await lab.kubectl([...args, '-o', 'json']);
  if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

async function applyYaml(yamlText: string, ...flags: string[]): Promise<Run> {
  const file = join(work, `check-${++fileSeq}.yaml`);
  writeFileSync(file, yamlText);
  return run(lab.kubectlPath!, ['--kubeconfig', lab.kubeconfigPath, 'apply', ...flags, '-f', file]);
}

/** The first event of this reason in the namespace, once the controllers have recorded it. */
function firstEvent(namespace: string, reason: string): Promise<KubeEvent> {
  return pollUntil(
    `a ${reason} event in ${namespace}`,
    async () => (await json<{ items: KubeEvent[] }>(['get', 'events', '-n', namespace, '--field-selector', `reason=${reason}`])).items[0],
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}

const claimYaml = (name: string, namespace: string, className: string, size: string) =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n` +
  `  storageClassName: "${className}"\n  accessModes: ["ReadWriteOnce"]\n  resources:\n    requests:\n      storage: ${size}\n`;

describe('what the lessons say the lab answers', () => {
  it('claims refuse a field selector on status.phase (the lessons filter with JSONPath instead)', async () => {
    const result = await shell('kubectl get pvc -A --field-selector=status.phase=Pending');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('"status.phase" is not a known field selector: only "metadata.name", "metadata.namespace"');
  });

  it('a claim over the LimitRange, over the quota, and a resize without allowVolumeExpansion are refused with the quoted messages', async () => {
    const tooBig = await applyYaml(claimYaml('big', 'lab-quota', 'lab-hostpath', '5Gi'), '--dry-run=server');
    expect(tooBig.code).not.toBe(0);
    expect(messageId(tooBig.stderr.replace(/^Error from server \(Forbidden\): error when creating "[^"]+": /, '').trim())).toBe('limitrange-max');
    const third = await applyYaml(claimYaml('third', 'lab-quota', 'lab-hostpath', '100Mi'), '--dry-run=server');
    expect(third.code).not.toBe(0);
    expect(messageId(third.stderr.replace(/^Error from server \(Forbidden\): error when creating "[^"]+": /, '').trim())).toBe('quota-exceeded');
    const resize = await shell(`kubectl patch pvc data -n lab-dynamic --dry-run=server -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'`);
    expect(resize.code).not.toBe(0);
    expect(messageId(resize.stderr.replace(/^Error from server \(Forbidden\): /, '').trim())).toBe('resize-not-allowed');
  });

  it('the StatefulSet whose claim the quota refuses has the FailedCreate event the lessons quote', async () => {
    const events = await json<{ items: KubeEvent[] }>(['get', 'events', '-n', 'lab-quota', '--field-selector', 'involvedObject.kind=StatefulSet,reason=FailedCreate']);
    const ids = events.items.map((e) => messageId(e.message ?? ''));
    expect(ids).toContain('statefulset-create-claim');
    for (const id of ids) expect(['statefulset-create-claim', 'statefulset-create-pod']).toContain(id);
    const claims = await json<{ items: { metadata: { name: string } }[] }>(['get', 'pvc', '-n', 'lab-quota']);
    expect(claims.items.map((c) => c.metadata.name).sort()).toEqual(['data-cache-0', 'data-cache-1']);
  });

  it('a claim of class "manual" that no PV fits: ProvisioningFailed "not found", which the app explains as static binding', async () => {
    const ns = 'lesson-check-manual';
    expect((await shell(`kubectl create namespace ${ns}`)).code).toBe(0);
    expect((await applyYaml(claimYaml('reports', ns, 'manual', '50Gi'))).code).toBe(0);
    const event = await firstEvent(ns, 'ProvisioningFailed');
    expect(event.message).toBe('storageclass.storage.k8s.io "manual" not found');
    expect(messageId(event.message ?? '')).toBe('class-not-found');

    const objects: FixtureObjects = {
      persistentvolumeclaims: (await json<{ items: never[] }>(['get', 'pvc', '-n', ns])).items,
      persistentvolumes: (await json<{ items: never[] }>(['get', 'pv'])).items,
      storageclasses: (await json<{ items: never[] }>(['get', 'storageclass'])).items,
      events: (await json<{ items: never[] }>(['get', 'events', '-n', ns])).items,
    };
    const findings = diagnoseObject(fixtureView(objects, { now: new Date().toISOString() }), { kind: 'persistentvolumeclaims', name: 'reports', namespace: ns });
    expect(findings.map((f) => f.code)).toEqual(['claim.static-near-miss']);
    expect(plainText(findings[0]?.cause.en ?? '')).toContain('which is only a name that hand-made volumes carry');
    expect(findings[0]?.evidence.map((e) => e.value)).toContain('lab-static-pv');
    await shell(`kubectl delete namespace ${ns} --wait=false`);
  });

  it('a class of kubernetes.io/no-provisioner with Immediate binding: "no volume plugin matched name"', async () => {
    const ns = 'lesson-check-local';
    const classYaml = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: lesson-check-local\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: Immediate\n';
    expect((await applyYaml(classYaml)).code).toBe(0);
    expect((await shell(`kubectl create namespace ${ns}`)).code).toBe(0);
    expect((await applyYaml(claimYaml('disk', ns, 'lesson-check-local', '1Gi'))).code).toBe(0);
    const event = await firstEvent(ns, 'ProvisioningFailed');
    expect(messageId(event.message ?? '')).toBe('no-volume-plugin');
    await shell(`kubectl delete namespace ${ns} --wait=false; kubectl delete storageclass lesson-check-local`);
  });

  it('the restricted Pod Security profile refuses the init-containers example (its root step), baseline accepts it', async () => {
    const example = yamlBlocks.find((b) => b.section === 'init-containers' && b.source.startsWith('en/'));
    expect(example?.text).toContain('runAsUser: 0');
    for (const level of ['restricted', 'baseline']) {
      const ns = `lesson-check-${level}`;
      expect((await shell(`kubectl create namespace ${ns} && kubectl label namespace ${ns} pod-security.kubernetes.io/enforce=${level}`)).code).toBe(0);
      const result = await applyYaml(example!.text, '--dry-run=server', '-n', ns);
      if (level === 'restricted') {
        expect(result.code).not.toBe(0);
        expect(result.stderr).toMatch(/violates PodSecurity "restricted:latest".*runAsNonRoot/s);
      } else {
        expect(result.code, result.stderr).toBe(0);
      }
      await shell(`kubectl delete namespace ${ns} --wait=false`);
    }
  });

  it('every storage event the seeded lab records is a message the app knows', async () => {
    const reasons = new Set(['FailedBinding', 'ProvisioningFailed', 'ExternalProvisioning', 'WaitForFirstConsumer', 'WaitForPodScheduled', 'Provisioning', 'VolumeMismatch', 'ClaimLost', 'ClaimMisbound', 'FailedScheduling', 'FailedCreate']);
    const events = (await json<{ items: KubeEvent[] }>(['get', 'events', '-A'])).items.filter((e) => reasons.has(e.reason ?? ''));
    expect(events.length).toBeGreaterThan(5);
    const unknown = events
      .filter((e) => !(e.reason === 'ProvisioningFailed' && e.message?.startsWith('class parameter fail=true'))) // the lab provisioner's own fault injection
      .filter((e) => recogniseMessage(e.message ?? '') === undefined)
      .map((e) => `${e.involvedObject?.namespace}/${e.involvedObject?.name} ${e.reason}: ${e.message}`);
    expect(unknown).toEqual([]);
  });
});

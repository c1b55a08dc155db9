/**
 * `npm run lab -- exercise ...`: sets up the exercises of resources/exercises on the running lab (the app never
 * writes to a cluster, so the lab does it). It runs the very commands `kse exercise start` prints, with the lab's
 * kubectl and kubeconfig:
 *   exercise list                 the exercises, their namespaces
 *   exercise N|ID                 reset exercise N: delete its namespace and objects, apply its starting state
 *   exercise N|ID --solution      reset it, then run the official solution (to see a finished exercise)
 * Integration tests use runLines() with a lab of their own.
 */
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exerciseDir, findExercise, loadExerciseSpecs } from '../../src/main/exercises/load';
import { resetCommands } from '../../src/shared/exercises/format';
import type { ExerciseSpec } from '../../src/shared/exercises/model';

export const RESOURCES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources');

/** Where to run kubectl: the lab's binary and kubeconfig. */
export interface KubectlTarget {
  kubectlPath: string;
  kubeconfigPath: string;
}

/**
 * Runs shell lines one by one with `bash -c` in `cwd`, the lab's kubectl first on PATH and KUBECONFIG set, as a
 * student's terminal would. Rejects with the line, its exit code and output when one fails; each line has
 * `timeoutMs` (default 3 min).
 */
export async function runLines(target: KubectlTarget, lines: readonly string[], cwd: string, options: { log?: (text: string) => void; timeoutMs?: number } = {}): Promise<string> {
  let all = '';
  for (const line of lines) {
    options.log?.(`$ ${line}\n`);
    const out = await new Promise<string>((done, fail) => {
      execFile(
        'bash',
        ['-o', 'pipefail', '-c', line],
        {
          cwd,
          timeout: options.timeoutMs ?? 180_000,
          maxBuffer: 16 << 20,
          env: { ...process.env, PATH: `${dirname(target.kubectlPath)}:${process.env['PATH'] ?? ''}`, KUBECONFIG: target.kubeconfigPath },
        },
        (error, stdout, stderr) => {
          if (error) fail(new Error(`"${line}" failed (${error.code ?? error.signal ?? 'error'}):\n${stdout}${stderr}`));
          else done(stdout + stderr);
        },
      );
    });
    options.log?.(out);
    all += out;
  }
  return all;
}

/** Deletes what the exercise (or a student) left and applies its starting state again. */
export async function resetExercise(target: KubectlTarget, spec: ExerciseSpec, log?: (text: string) => void): Promise<void> {
  const dir = exerciseDir(RESOURCES_DIR, spec);
  await runLines(target, resetCommands(spec, dir), dir, log ? { log } : {});
}

/** Runs the exercise's official solution (exercise.yaml, `solution`) in its directory. */
export async function solveExercise(target: KubectlTarget, spec: ExerciseSpec, log?: (text: string) => void): Promise<void> {
  await runLines(target, spec.solution, exerciseDir(RESOURCES_DIR, spec), log ? { log } : {});
}

/** The `exercise` subcommand of e2e/cluster/cli.ts. */
export async function exerciseCommand(args: string[], target: KubectlTarget | undefined): Promise<number> {
  const specs = await loadExerciseSpecs(RESOURCES_DIR);
  const [which, ...flags] = args;
  if (which === undefined || which === 'list') {
    for (const s of specs) console.log(`${String(s.number).padStart(2)}  ${s.id.padEnd(26)} namespace ${s.namespace}`);
    console.log('\nnpm run lab -- exercise N          reset exercise N to its starting state');
    console.log('npm run lab -- exercise N --solution   reset it and apply the official solution');
    return 0;
  }
  const spec = findExercise(specs, which);
  if (!spec) {
    console.error(`[lab] no exercise "${which}"; npm run lab -- exercise list shows them (1-${specs.length} or an id)`);
    return 2;
  }
  const unknown = flags.filter((f) => f !== '--solution');
  if (unknown.length) {
    console.error(`[lab] unknown option ${unknown.join(' ')}; the only option is --solution`);
    return 2;
  }
  if (!target) {
    console.error('[lab] no lab is running: start one with npm run lab:up');
    return 1;
  }
  const log = (text: string) => process.stderr.write(text);
  console.error(`[lab] exercise ${spec.number} (${spec.id}): resetting namespace ${spec.namespace}`);
  await resetExercise(target, spec, log);
  if (flags.includes('--solution')) {
    console.error(`[lab] applying the official solution`);
    await solveExercise(target, spec, log);
  }
  console.error(`[lab] ready. Check it with: kse exercise check ${spec.number} --context lab-admin`);
  console.log(join(exerciseDir(RESOURCES_DIR, spec)));
  return 0;
}

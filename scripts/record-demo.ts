/**
 * Records the built-in demo cluster (resources/demo/demo.json) from a real local control plane.
 *
 * Starts the lab with the lesson scenarios, waits until they have settled (the claims that can bind are Bound,
 * the stuck ones carry the event that explains them), then records with the core's RecordingWriter while it makes
 * things happen on the lab, so the replay moves: the init-container pod is replaced and walks its steps again, a
 * claim of the default class is created and the PV controller binds it, a pod starts using the
 * WaitForFirstConsumer claim so the scheduler and provisioner bind it, an external-provisioner claim binds, and a
 * claim naming a class that does not exist appears and stays Pending; exercise 3 (an emptyDir in memory) starts
 * half done, as a student's first try leaves it, and is finished with its official solution near the end. Every
 * object change in the file is what the control plane did; only the volume usage over time is generated
 * (scripts/demo-usage.ts).
 *
 * Usage: npm run demo:record [-- --seconds 75] [-- --output resources/demo/demo.json]
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { startLab, type Lab } from '../e2e/cluster/lab';
import { ALL_RESOURCES } from '../src/shared/kube/resource-registry';
import { RecordingWriter } from '../src/main/kube/recording-writer';
import { openContextSource } from '../src/main/kube/open-context';
import { demoActions, prepareExercise, waitForScenarios, type DemoAction } from './record-demo-actions';
import { addDemoUsage } from './demo-usage';

const ROOT = resolve(import.meta.dirname, '..');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const seconds = Number(option('seconds', '75'));
const output = resolve(ROOT, option('output', 'resources/demo/demo.json'));
const log = (line: string): void => void process.stderr.write(`[record-demo] ${line}\n`);

/** Resolves once `condition()` is true, polling; rejects with `what` after `timeoutMs`. */
async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function record(lab: Lab): Promise<string> {
  const source = openContextSource('lab-admin', { kubeconfigEnv: lab.kubeconfigPath });
  const writer = new RecordingWriter('Demo cluster (lab-admin)', ALL_RESOURCES);
  let connectionError: string | undefined;
  await source.start({
    add: writer.add.bind(writer),
    update: writer.update.bind(writer),
    delete: writer.delete.bind(writer),
    replace: writer.replace.bind(writer),
    kindStatus: writer.kindStatus.bind(writer),
    connection: (state, error) => void (connectionError = state === 'error' ? error : undefined),
  });
  try {
    await until(`every kind to sync${connectionError ? ` (${connectionError})` : ''}`, () => writer.recording, 120_000);
    const startedAt = Date.now();
    log(`synced; recording for ${seconds} s while the timeline runs`);
    await runTimeline(lab, demoActions(), startedAt);
    const left = startedAt + seconds * 1000 - Date.now();
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    const recording = writer.finish(source.serverVersion?.());
    log(`${recording.events.length} events recorded`);
    // Volume usage over the timeline is generated (scripts/demo-usage.ts): the lab's kubelet stats are set by
    // annotation, not measured, so there is nothing truer to record.
    return `${JSON.stringify(addDemoUsage(recording))}\n`;
  } finally {
    await source.stop();
  }
}

/** Runs each action at its offset from the start of the recording. */
async function runTimeline(lab: Lab, actions: DemoAction[], startedAt: number): Promise<void> {
  for (const action of actions) {
    const wait = startedAt + action.atSeconds * 1000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    log(`t=${Math.round((Date.now() - startedAt) / 1000)}s ${action.title}`);
    await action.run(lab);
  }
}

async function main(): Promise<void> {
  log('starting the lab with the lesson scenarios…');
  const lab = await startLab({ seedScenarios: true, log });
  try {
    await waitForScenarios(lab, log);
    await prepareExercise(lab, log);
    const text = await record(lab);
    await mkdir(dirname(output), { recursive: true });
    await writeFile(output, text);
    log(`wrote ${output} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)`);
  } finally {
    await lab.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[record-demo] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

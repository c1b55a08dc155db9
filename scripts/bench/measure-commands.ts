/**
 * Timing the two commands under comparison as separate processes, each under GNU time for its peak RSS:
 * `kse sync --json` (the whole command, cold: a new process, new connections, an empty store) and kubectl
 * listing the same storage kinds as JSON (its output goes to /dev/null, as a user piping it would pay no more).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { parseTimeReport, type TimeReport } from './time-v';

export interface TimedRun {
  /** Wall time measured here, around the whole process. */
  wallMillis: number;
  report: TimeReport;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `command args` under `/usr/bin/time -v`; stdout captured, or sent to /dev/null when `discardStdout`. */
export function timeProcess(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; discardStdout?: boolean }): Promise<TimedRun> {
  const devNull = options.discardStdout ? openSync('/dev/null', 'w') : undefined;
  const started = performance.now();
  const child = spawn(GNU_TIME, ['-v', command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', devNull ?? 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`Could not run ${GNU_TIME} (GNU time; apt-get install time): ${error.message}`)));
    child.on('close', (code) => {
      const wallMillis = performance.now() - started;
      if (devNull !== undefined) closeSync(devNull);
      let report: TimeReport;
      try {
        report = parseTimeReport(stderr);
      } catch (error) {
        reject(new Error(`${command} ${args.join(' ')}: ${(error as Error).message}\n${stderr.slice(-2000)}`));
        return;
      }
      if (code !== 0 || report.exitStatus !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${report.exitStatus}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ wallMillis, report, stdout });
    });
  });
}

export interface KseSyncJson {
  synced: boolean;
  syncMillis: number;
  kinds: { kind: string; state: string; count: number; syncMillis: number | null }[];
}

export interface KseRun {
  wallMillis: number;
  /** The sync time kse itself reports (open to synced, inside the process). */
  reportedMillis: number;
  maxRssKib: number;
  counts: Record<string, number>;
}

/** `kse sync --context lab-admin --json` as a user runs it (node bin/kse.mjs). */
export async function runKseSync(repoRoot: string, kubeconfigPath: string, timeoutSeconds: number): Promise<KseRun> {
  const run = await timeProcess(process.execPath, [join(repoRoot, 'bin', 'kse.mjs'), 'sync', '--context', 'lab-admin', '--json', '--timeout', String(timeoutSeconds)], {
    cwd: repoRoot,
    env: { ...process.env, KUBECONFIG: kubeconfigPath },
  });
  const parsed = JSON.parse(run.stdout) as KseSyncJson;
  if (!parsed.synced) throw new Error(`kse sync did not report synced: ${run.stdout.slice(0, 2000)}`);
  return {
    wallMillis: run.wallMillis,
    reportedMillis: parsed.syncMillis,
    maxRssKib: run.report.maxRssKib,
    counts: Object.fromEntries(parsed.kinds.map((k) => [k.kind, k.count])),
  };
}

/**
 * `kse contexts --json`: starting node, loading the core's modules through tsx and reading the kubeconfig, no
 * cluster traffic. The part of the whole sync command that does not depend on N.
 */
export async function runKseStartup(repoRoot: string, kubeconfigPath: string): Promise<number> {
  const run = await timeProcess(process.execPath, [join(repoRoot, 'bin', 'kse.mjs'), 'contexts', '--json'], {
    cwd: repoRoot,
    env: { ...process.env, KUBECONFIG: kubeconfigPath },
  });
  return run.wallMillis;
}

export const KUBECTL_KINDS = 'sc,pv,pvc,pods';

export interface KubectlRun {
  wallMillis: number;
  maxRssKib: number;
}

/** `kubectl get sc,pv,pvc,pods -A -o json`, output discarded. */
export async function runKubectlGet(kubectlPath: string, kubeconfigPath: string): Promise<KubectlRun> {
  const run = await timeProcess(kubectlPath, ['--kubeconfig', kubeconfigPath, '--context', 'lab-admin', 'get', KUBECTL_KINDS, '-A', '-o', 'json'], { discardStdout: true });
  return { wallMillis: run.wallMillis, maxRssKib: run.report.maxRssKib };
}

/** The same kubectl command once more, reading its items per kind, to check that kse counted the same objects. */
export async function kubectlCounts(kubectlPath: string, kubeconfigPath: string): Promise<Record<string, number>> {
  const run = await timeProcess(kubectlPath, ['--kubeconfig', kubeconfigPath, '--context', 'lab-admin', 'get', KUBECTL_KINDS, '-A', '-o', 'json'], {});
  const list = JSON.parse(run.stdout) as { items: { kind: string }[] };
  const plural: Record<string, string> = { StorageClass: 'storageclasses', PersistentVolume: 'persistentvolumes', PersistentVolumeClaim: 'persistentvolumeclaims', Pod: 'pods' };
  const counts: Record<string, number> = {};
  for (const item of list.items) {
    const kind = plural[item.kind] ?? item.kind;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

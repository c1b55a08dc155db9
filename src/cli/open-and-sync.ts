/** Opening a cluster from the CLI and waiting until every kind has settled (synced, no permission, not served). */
import type { ClusterStatus } from '../shared/model/status';
import type { Core } from '../main/core/core';
import { runningExecPlugins } from '../main/kube/exec-plugin';
import { contextClusterId } from '../main/kube/kubeconfig';
import type { SyncResult } from './format';
import { CliFailure, type CliRuntime } from './runtime';

const POLL_MS = 100;

/** The context to use: the one given, else the kubeconfig's current context. */
export async function chooseContext(runtime: CliRuntime, given: string | undefined): Promise<string> {
  const name = given ?? (await runtime.currentContext());
  if (!name) throw new CliFailure('No --context given and the kubeconfig has no current-context. Run "kse contexts" and pass --context NAME.', 2);
  return name;
}

/**
 * Opens `clusterId` (already known to the core) and waits until it is synced or `timeoutSeconds` pass.
 * Connection errors are printed to stderr as they happen, unless `quiet` (several contexts at once: each one's
 * error belongs in its own section, not interleaved on stderr).
 */
export async function openAndSync(core: Core, runtime: CliRuntime, clusterId: string, timeoutSeconds: number, options: { quiet?: boolean } = {}): Promise<SyncResult> {
  const started = runtime.now();
  try {
    await core.invoke('openCluster', { clusterId });
  } catch (error) {
    throw new CliFailure(error instanceof Error ? error.message : String(error));
  }
  let lastError: string | undefined;
  for (;;) {
    const status: ClusterStatus = await core.invoke('clusterStatus', { clusterId });
    const elapsed = runtime.now() - started;
    if (status.synced) return { status, millis: elapsed };
    const connectionError = status.cluster.connection === 'error' ? status.cluster.error : undefined;
    if (connectionError && connectionError !== lastError && !options.quiet) runtime.io.err(`${connectionError}\n`);
    lastError = connectionError ?? lastError;
    if (elapsed >= timeoutSeconds * 1000) throw new NotSyncedError(notSyncedMessage(status, timeoutSeconds, lastError ?? pluginsWaitedFor()), NOT_SYNCED_TODO);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A credential plugin that has not answered is the usual reason a context never connects: name it. */
function pluginsWaitedFor(): string | undefined {
  const running = runningExecPlugins();
  if (running.length === 0) return undefined;
  return running.map((run) => `${run.name} has not answered after ${Math.round((Date.now() - run.startedAt) / 1000)} s; it is stopped now.`).join(' ');
}

const NOT_SYNCED_TODO = 'Check that the API server is reachable (kubectl get --raw /version), or give more time with --timeout.';

/** A cluster that did not sync in time: what happened (`what`) and what to do (`todo`), also apart. */
export class NotSyncedError extends CliFailure {
  constructor(
    readonly what: string,
    readonly todo: string,
  ) {
    super(`${what}\n${todo}`);
  }
}

function notSyncedMessage(status: ClusterStatus, timeoutSeconds: number, connectionError: string | undefined): string {
  const waiting = status.kinds.filter((k) => k.state === 'syncing' || k.state === 'error' || k.state === 'idle');
  const lines = [`${status.cluster.name} did not sync within ${timeoutSeconds} s.`];
  if (connectionError) lines.push(`Connection: ${connectionError}`);
  for (const k of waiting) lines.push(`  ${k.kind}: ${k.state}${k.message ? ` (${k.message})` : ''}`);
  return lines.join('\n');
}

/** Opens a kubeconfig context by name and syncs it. */
export async function syncContext(core: Core, runtime: CliRuntime, context: string, timeoutSeconds: number): Promise<SyncResult> {
  const clusterId = contextClusterId(context);
  const known = await core.invoke('listClusters', {});
  if (!known.some((c) => c.id === clusterId)) {
    const names = known.filter((c) => c.source === 'context').map((c) => c.name);
    throw new CliFailure(`No context named "${context}" in the kubeconfig.${names.length ? ` Contexts: ${names.join(', ')}.` : ' There are no contexts at all.'}`, 2);
  }
  return openAndSync(core, runtime, clusterId, timeoutSeconds);
}

/**
 * `kse doctor --all-contexts` and `--contexts A,B`: every context checked in its own section, a few at a time,
 * each within its own time limit, so a pipeline can run it across a fleet. A context that cannot be reached
 * costs the others nothing: it is given up after its --timeout and said so, with what to do.
 */
import type { Core } from '../../main/core/core';
import { contextClusterId } from '../../main/kube/kubeconfig';
import { shellQuote } from '../../shared/diagnose/shell-quote';
import { mapWithLimit } from '../../shared/map-limit';
import type { ClusterInfo } from '../../shared/model/status';
import type { CommandNamed } from '../args';
import { fleetExitCode, formatFleet, unreadKindsOf, type ContextCheck } from '../fleet-format';
import { NotSyncedError, openAndSync } from '../open-and-sync';
import { CliFailure, type CliRuntime } from '../runtime';
import { diagnosisOf } from './diagnosis';
import { plainJson } from './json';
import { withCore } from './with-core';

/** A closing cluster is not waited for past this: the command's answer does not depend on it. */
const CLOSE_WAIT_MS = 5_000;

export async function runDoctorContexts(runtime: CliRuntime, command: CommandNamed<'doctor'>, which: 'all' | string[]): Promise<number> {
  return withCore(runtime, async (core) => {
    const known = (await core.invoke('listClusters', {})).filter((c) => c.source === 'context');
    if (which === 'all' && known.length === 0) {
      throw new CliFailure('The kubeconfig has no contexts. Set KUBECONFIG or create ~/.kube/config; "kse contexts" shows what was read.', 2);
    }
    const targets: (ClusterInfo | string)[] = which === 'all' ? known : which.map((name) => known.find((c) => c.id === contextClusterId(name)) ?? name);
    const checks = await mapWithLimit(targets, command.concurrency, (target) => checkContext(core, runtime, target, command));
    const colour = !command.json && runtime.io.isTTY;
    runtime.io.out(command.json ? plainJson({ contexts: checks }) : formatFleet(checks, { lang: command.lang, color: colour }), { ownColours: colour });
    return fleetExitCode(checks);
  });
}

/** Syncs one context within its time limit, diagnoses it and closes it again. Never throws. */
async function checkContext(core: Core, runtime: CliRuntime, target: ClusterInfo | string, command: CommandNamed<'doctor'>): Promise<ContextCheck> {
  const started = runtime.now();
  const seconds = (): number => Math.round((runtime.now() - started) / 100) / 10;
  if (typeof target === 'string') {
    return { context: target, state: 'unusable', seconds: 0, error: `No context named "${target}" in the kubeconfig.`, todo: 'Run "kse contexts" for the names, and pass them to --contexts.' };
  }
  const context = target.name;
  const reachable = `Check that its API server answers: kubectl --context ${shellQuote(context)} get --raw /version; or give each context more time with --timeout.`;
  if (target.error) return { context, state: 'unusable', seconds: 0, error: target.error, todo: `Fix the context's entry in the kubeconfig (kubectl config view --minify --context ${shellQuote(context)}).` };
  const limitMs = command.timeoutSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  // openAndSync ends at the limit on its own; the race also bounds a call that never answers (an opening stuck
  // on a connection), so one context can never hold the command past its limit plus the closing.
  const deadline = new Promise<ContextCheck>((resolve) => {
    timer = setTimeout(() => resolve({ context, state: 'unreachable', seconds: seconds(), error: `${context} did not answer within ${command.timeoutSeconds} s.`, todo: reachable }), limitMs + 2_000);
  });
  const work = (async (): Promise<ContextCheck> => {
    try {
      const { status } = await openAndSync(core, runtime, target.id, command.timeoutSeconds, { quiet: true });
      const { findings, provisioners } = await diagnosisOf(core, target.id, command.namespace);
      return {
        context,
        state: 'checked',
        seconds: seconds(),
        ...(status.serverVersion ? { serverVersion: status.serverVersion } : {}),
        unreadKinds: unreadKindsOf(status.kinds),
        findings,
        provisioners,
      };
    } catch (error) {
      if (error instanceof NotSyncedError) return { context, state: 'unreachable', seconds: seconds(), error: error.what, todo: reachable };
      return { context, state: 'unreachable', seconds: seconds(), error: error instanceof Error ? error.message : String(error), todo: reachable };
    }
  })();
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // Each context is closed once checked: a fleet of fifty is never held in memory at once.
    let closeTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      core.invoke('closeCluster', { clusterId: target.id }).catch(() => undefined),
      new Promise((resolve) => (closeTimer = setTimeout(resolve, CLOSE_WAIT_MS))),
    ]);
    clearTimeout(closeTimer);
  }
}

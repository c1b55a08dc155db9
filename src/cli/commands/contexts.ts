/** `kse contexts`: the kubeconfig contexts. Loads no Kubernetes client and no store (it opens no cluster). */
import type { CommandNamed } from '../args';
import { contextsJson, formatContexts, formatKubeconfigProblems } from '../format';
import type { CliRuntime } from '../runtime';
import { json } from './json';
import { withCore } from './with-core';

/** Exit code 1 when a kubeconfig file could not be read: its contexts are missing from the list. */
export async function runContexts(runtime: CliRuntime, command: CommandNamed<'contexts'>): Promise<number> {
  return withCore(runtime, async (core) => {
    const clusters = (await core.invoke('listClusters', {})).filter((c) => c.source === 'context');
    const problems = await core.invoke('kubeconfigProblems', {});
    // The kubeconfig the core read as it started: parsing it again would double the command's YAML work.
    const current = core.registry.currentContext();
    runtime.io.out(command.json ? json(contextsJson(clusters, current, problems)) : formatContexts(clusters, current, problems));
    if (!command.json) runtime.io.err(formatKubeconfigProblems(problems));
    return problems.length > 0 ? 1 : 0;
  });
}

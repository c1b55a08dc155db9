/**
 * A fleet for tests (issue 18): one kubeconfig with the lab-admin context of each given lab, renamed, plus a
 * context whose API server port is closed (nothing listens there). Used by `kse doctor --all-contexts`, the
 * fleet view's integration suite and its journey.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import { freePort } from './lab';
import type { Lab } from './lab-types';

interface KubeconfigFile {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
}

/** The lab's lab-admin context, its cluster and its user renamed to `name`. */
async function adminEntry(lab: Lab, name: string): Promise<KubeconfigFile> {
  const config = parse(await readFile(lab.kubeconfigPath, 'utf8')) as KubeconfigFile;
  const context = config.contexts.find((c) => c.name === 'lab-admin')!;
  const cluster = config.clusters.find((c) => c.name === context.context.cluster)!;
  const user = config.users.find((u) => u.name === context.context.user)!;
  return { clusters: [{ name, cluster: cluster.cluster }], users: [{ name, user: user.user }], contexts: [{ name, context: { cluster: name, user: name } }] };
}

/** A context of `name` for `server`, with a token nobody checks. */
function serverEntry(name: string, server: string): KubeconfigFile {
  return {
    clusters: [{ name, cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name, user: { token: 'unused' } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
  };
}

/**
 * Writes `path` (mode 0600) with a context per entry of `labs` (context name -> lab); when `deadContext` is
 * given, a context of that name pointing at a closed port on 127.0.0.1 (refused at once); and a context per
 * entry of `others` (context name -> server URL, e.g. a port that accepts and never answers). The current
 * context is the first lab's.
 */
export async function writeFleetKubeconfig(path: string, labs: Record<string, Lab>, deadContext?: string, others: Record<string, string> = {}): Promise<void> {
  const entries = await Promise.all(Object.entries(labs).map(([name, lab]) => adminEntry(lab, name)));
  if (deadContext) {
    const deadPort = await freePort(); // free, then closed: nothing listens there
    entries.push(serverEntry(deadContext, `https://127.0.0.1:${deadPort}`));
  }
  for (const [name, server] of Object.entries(others)) entries.push(serverEntry(name, server));
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: entries.flatMap((e) => e.clusters),
    users: entries.flatMap((e) => e.users),
    contexts: entries.flatMap((e) => e.contexts),
    'current-context': Object.keys(labs)[0],
  };
  await writeFile(path, stringify(config), { mode: 0o600 });
}

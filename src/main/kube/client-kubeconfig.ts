/**
 * A client-node KubeConfig for one kubeconfig context (client-node does the auth: certs, tokens, exec plugins,
 * OIDC, proxy-url). Kept apart from kubeconfig.ts so that listing contexts does not load the Kubernetes client.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { EXEC_PLUGIN_TIMEOUT_MS, ExecPluginAuthenticator, type ExecConfig } from './exec-plugin';
import { KubeconfigError } from './kubeconfig';
import type { MergedKubeconfig, RawEntry } from './kubeconfig-merge';
import { notARegularFile } from './regular-file';

/**
 * A client-node KubeConfig holding only this context (current), its cluster and its user, with relative file
 * paths resolved against the file that defined each entry, as kubectl does. A fresh instance has fresh auth
 * caches (exec plugin tokens), which is how credentials are refreshed after a 401.
 */
export function kubeConfigFor(loaded: MergedKubeconfig, contextName: string, options: KubeConfigOptions = {}): KubeConfig {
  const context = loaded.contexts.find((candidate) => candidate.name === contextName);
  if (context === undefined) {
    throw new KubeconfigError(`No context named "${contextName}" in the kubeconfig. Run "kubectl config get-contexts" to see the names.`);
  }
  if (context.problem !== undefined || context.cluster === undefined) {
    throw new KubeconfigError(context.problem ?? `Context "${contextName}" has no cluster.`);
  }
  // A context without a user is anonymous access; client-node applies the cluster's CA only when a user exists.
  const user = context.user ?? { name: ANONYMOUS_USER, body: {}, file: context.file };
  const where = `Context "${contextName}" (${context.file})`;
  const clusterBody = absolutePaths(context.cluster, ['certificate-authority'], where);
  const { exec, ...userBody } = absolutePaths(user, ['client-certificate', 'client-key', 'token-file'], where);
  const config = {
    clusters: [{ name: context.cluster.name, cluster: clusterBody }],
    // The exec plugin is run by our authenticator (exec-plugin.ts), not by client-node's.
    users: [{ name: user.name, user: userBody }],
    contexts: [{ name: context.name, context: { cluster: context.cluster.name, user: user.name, namespace: context.namespace } }],
    'current-context': context.name,
  };
  const kc = new KubeConfig();
  try {
    // JSON is YAML: client-node validates the entries (and reads token files) as it does for a file.
    kc.loadFromString(JSON.stringify(config));
  } catch (error) {
    throw new KubeconfigError(
      `${where} cannot be used: ${(error as Error).message}. Fix its cluster or user entry.`,
    );
  }
  if (exec !== undefined) {
    const config = execConfig(exec, `${where}, user "${user.name}"`);
    kc.addAuthenticator(
      new ExecPluginAuthenticator(`${user.file}\u0000${user.name}`, user.name, config, {
        timeoutMs: options.execTimeoutMs ?? EXEC_PLUGIN_TIMEOUT_MS,
        describe: `user "${user.name}" (context "${contextName}")`,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    );
  }
  return kc;
}

export interface KubeConfigOptions {
  /** Aborted when the cluster is closed: a credential plugin still running for it is stopped. */
  signal?: AbortSignal;
  /** Time an exec credential plugin may take (default EXEC_PLUGIN_TIMEOUT_MS). */
  execTimeoutMs?: number;
}

function execConfig(value: unknown, where: string): ExecConfig {
  const body = value as Record<string, unknown> | null;
  if (typeof body !== 'object' || body === null || typeof body.command !== 'string' || body.command === '') {
    throw new KubeconfigError(`${where} has an exec entry without a command. Fix the kubeconfig.`);
  }
  const args = Array.isArray(body.args) ? body.args.filter((a): a is string => typeof a === 'string') : [];
  const env = Array.isArray(body.env)
    ? body.env.flatMap((e: unknown) => {
        const entry = e as { name?: unknown; value?: unknown } | null;
        return typeof entry?.name === 'string' && typeof entry.value === 'string' ? [{ name: entry.name, value: entry.value }] : [];
      })
    : [];
  return {
    command: body.command,
    args,
    env,
    ...(typeof body.apiVersion === 'string' ? { apiVersion: body.apiVersion } : {}),
    ...(typeof body.interactiveMode === 'string' ? { interactiveMode: body.interactiveMode } : {}),
    ...(typeof body.installHint === 'string' ? { installHint: body.installHint } : {}),
  };
}

const ANONYMOUS_USER = 'kse-anonymous';

/**
 * The entry's body with its file paths made absolute. Each file must be a regular file: client-node reads them
 * synchronously, and a FIFO or a device there would block the whole process, timers included.
 */
function absolutePaths(entry: RawEntry, keys: string[], where: string): Record<string, unknown> {
  const body = { ...entry.body };
  for (const key of keys) {
    const value = body[key];
    if (typeof value !== 'string' || value === '') continue;
    const path = isAbsolute(value) ? value : join(dirname(entry.file), value);
    body[key] = path;
    const problem = notARegularFile(path);
    if (problem) throw new KubeconfigError(`${where}: its ${key} ${path} ${problem}. Point it at a regular file.`);
  }
  return body;
}

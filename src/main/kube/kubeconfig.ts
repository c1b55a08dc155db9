/**
 * Reading kubeconfig files: which files (KUBECONFIG or ~/.kube/config), their contexts as ClusterInfo, and a
 * client-node KubeConfig for one context (client-node does the auth: certs, tokens, exec plugins, OIDC, proxy-url).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';
import type { ClusterInfo } from '../../shared/model/status';
import { mergeKubeconfigs, type KubeconfigDocument, type MergedKubeconfig, type RawEntry, type ResolvedContext } from './kubeconfig-merge';

/** The cluster id of a kubeconfig context. */
export function contextClusterId(contextName: string): string {
  return `ctx:${contextName}`;
}

export interface LoadedKubeconfig extends MergedKubeconfig {
  /** The files that were (or would be) read, in precedence order. */
  files: string[];
  /** Every context as a cluster entry; unusable ones carry `connection: 'error'` and `error`. */
  clusters: ClusterInfo[];
}

export interface KubeconfigLocation {
  /** Defaults to process.env.KUBECONFIG. */
  kubeconfigEnv?: string;
  /** Defaults to os.homedir(). */
  home?: string;
}

/** The kubeconfig files in precedence order: KUBECONFIG's entries (deduplicated), else ~/.kube/config. */
export function kubeconfigFiles(location: KubeconfigLocation = {}): string[] {
  const env = location.kubeconfigEnv ?? process.env.KUBECONFIG;
  if (env !== undefined && env.trim() !== '') {
    return [...new Set(env.split(delimiter).filter((file) => file.trim() !== ''))];
  }
  return [join(location.home ?? homedir(), '.kube', 'config')];
}

/** Reads and merges the kubeconfig files. Never throws: problems are reported per file and per context. */
export function loadKubeconfig(location: KubeconfigLocation = {}): LoadedKubeconfig {
  const files = kubeconfigFiles(location);
  const documents: KubeconfigDocument[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      // kubectl skips KUBECONFIG entries that do not exist; so do we (other read errors are reported).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      documents.push({ file, error: `Cannot read ${file}: ${(error as Error).message}. Check the file's permissions.` });
      continue;
    }
    try {
      documents.push({ file, doc: parseYaml(text) as unknown });
    } catch (error) {
      documents.push({ file, error: `${file} is not valid YAML: ${firstLine((error as Error).message)}. Fix the file.` });
    }
  }
  const merged = mergeKubeconfigs(documents);
  return { ...merged, files, clusters: merged.contexts.map(contextInfo) };
}

export function contextInfo(context: ResolvedContext): ClusterInfo {
  const server = context.cluster ? safeServer(context.cluster.body.server) : undefined;
  return {
    id: contextClusterId(context.name),
    name: context.name,
    source: 'context',
    server,
    user: context.userName,
    namespace: context.namespace,
    file: context.file,
    connection: context.problem ? 'error' : 'closed',
    error: context.problem,
  };
}

export class KubeconfigError extends Error {}

/**
 * A client-node KubeConfig holding only this context (current), its cluster and its user, with relative file
 * paths resolved against the file that defined each entry, as kubectl does. A fresh instance has fresh auth
 * caches (exec plugin tokens), which is how credentials are refreshed after a 401.
 */
export function kubeConfigFor(loaded: MergedKubeconfig, contextName: string): KubeConfig {
  const context = loaded.contexts.find((candidate) => candidate.name === contextName);
  if (context === undefined) {
    throw new KubeconfigError(`No context named "${contextName}" in the kubeconfig. Run "kubectl config get-contexts" to see the names.`);
  }
  if (context.problem !== undefined || context.cluster === undefined) {
    throw new KubeconfigError(context.problem ?? `Context "${contextName}" has no cluster.`);
  }
  // A context without a user is anonymous access; client-node applies the cluster's CA only when a user exists.
  const user = context.user ?? { name: ANONYMOUS_USER, body: {}, file: context.file };
  const config = {
    clusters: [{ name: context.cluster.name, cluster: absolutePaths(context.cluster, ['certificate-authority']) }],
    users: [{ name: user.name, user: absolutePaths(user, ['client-certificate', 'client-key', 'token-file']) }],
    contexts: [{ name: context.name, context: { cluster: context.cluster.name, user: user.name, namespace: context.namespace } }],
    'current-context': context.name,
  };
  const kc = new KubeConfig();
  try {
    // JSON is YAML: client-node validates the entries (and reads token files) as it does for a file.
    kc.loadFromString(JSON.stringify(config));
  } catch (error) {
    throw new KubeconfigError(
      `Context "${contextName}" (${context.file}) cannot be used: ${(error as Error).message}. Fix its cluster or user entry.`,
    );
  }
  return kc;
}

const ANONYMOUS_USER = 'kse-anonymous';

function absolutePaths(entry: RawEntry, keys: string[]): Record<string, unknown> {
  const body = { ...entry.body };
  for (const key of keys) {
    const value = body[key];
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) body[key] = join(dirname(entry.file), value);
  }
  return body;
}

/** The server URL without any user:password part, for display. */
function safeServer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return value;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

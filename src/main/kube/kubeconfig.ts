/**
 * Reading kubeconfig files: which files (KUBECONFIG or ~/.kube/config) and their contexts as ClusterInfo.
 * Listing contexts needs no client-node: the KubeConfig that connects to one context is built in
 * client-kubeconfig.ts, so `kse contexts` never loads the Kubernetes client.
 */
import { readRegularFile } from './regular-file';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ClusterInfo } from '../../shared/model/status';
import { safeServerUrl } from '../../shared/server-url';
import { mergeKubeconfigs, type KubeconfigDocument, type MergedKubeconfig, type ResolvedContext } from './kubeconfig-merge';

/** Kubeconfigs are a few KB; one larger than this is not one (or a device that never ends). */
export const MAX_KUBECONFIG_BYTES = 16 * 1024 * 1024;

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
      text = readRegularFile(file, MAX_KUBECONFIG_BYTES);
    } catch (error) {
      // kubectl skips KUBECONFIG entries that do not exist; so do we (other read errors are reported).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      documents.push({ file, error: `Cannot read ${file}: ${(error as Error).message}. Fix the file or remove it from KUBECONFIG.` });
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

/** The server URL without any user:password part, for display. */
function safeServer(value: unknown): string | undefined {
  return typeof value === 'string' ? safeServerUrl(value) : undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

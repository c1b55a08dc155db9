/**
 * Merging several kubeconfig documents the way kubectl does (client-go `ClientConfigLoadingRules.Load`):
 * the first file that defines a cluster, user or context name wins; current-context comes from the first file
 * that sets one. Pure: documents in, resolved contexts out. Reading files lives in kubeconfig.ts.
 *
 * Why not client-node's `mergeConfig`: it throws on a duplicate name, where kubectl keeps the first one, and it
 * rejects a whole file for one bad entry. Here one bad entry only marks the contexts that use it.
 */

/** One parsed kubeconfig file (the YAML already turned into data, or the reason it could not be). */
export interface KubeconfigDocument {
  file: string;
  /** The parsed YAML; undefined when `error` is set. */
  doc?: unknown;
  /** Why the file could not be read or parsed. */
  error?: string;
}

/** A raw named entry (cluster, user or context) and the file that defined it. */
export interface RawEntry {
  name: string;
  /** The entry's body (`cluster:`, `user:` or `context:` map), as written. */
  body: Record<string, unknown>;
  file: string;
}

/** A context with its cluster and user resolved, or the reason it cannot be used. */
export interface ResolvedContext {
  name: string;
  file: string;
  namespace?: string;
  clusterName?: string;
  userName?: string;
  cluster?: RawEntry;
  user?: RawEntry;
  /** What is wrong with this context and what to do; undefined when usable. */
  problem?: string;
}

export interface MergedKubeconfig {
  contexts: ResolvedContext[];
  currentContext?: string;
  /** Files that could not be read or parsed, with what to do. They hide nothing else. */
  fileErrors: { file: string; message: string }[];
}

type Section = 'clusters' | 'users' | 'contexts';
const BODY_KEY: Record<Section, string> = { clusters: 'cluster', users: 'user', contexts: 'context' };

export function mergeKubeconfigs(documents: KubeconfigDocument[]): MergedKubeconfig {
  const fileErrors: MergedKubeconfig['fileErrors'] = [];
  const maps: Record<Section, Map<string, RawEntry>> = { clusters: new Map(), users: new Map(), contexts: new Map() };
  let currentContext: string | undefined;

  for (const document of documents) {
    if (document.error !== undefined) {
      fileErrors.push({ file: document.file, message: document.error });
      continue;
    }
    const doc = document.doc;
    if (doc === null || doc === undefined) continue; // an empty file is a valid, empty kubeconfig
    if (!isRecord(doc)) {
      fileErrors.push({
        file: document.file,
        message: `${document.file} is not a kubeconfig (expected a YAML map with clusters, users and contexts). Fix or remove it from KUBECONFIG.`,
      });
      continue;
    }
    for (const section of ['clusters', 'users', 'contexts'] as const) {
      const list = doc[section];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        fileErrors.push({ file: document.file, message: `${document.file}: "${section}" should be a list. Fix the file.` });
        continue;
      }
      list.forEach((item: unknown, index) => {
        const entry = rawEntry(item, BODY_KEY[section], document.file);
        if (typeof entry === 'string') {
          fileErrors.push({ file: document.file, message: `${document.file}: ${section}[${index}] ${entry}. Fix the file.` });
        } else if (!maps[section].has(entry.name)) {
          maps[section].set(entry.name, entry); // first file wins, as kubectl
        }
      });
    }
    const current = doc['current-context'];
    if (currentContext === undefined && typeof current === 'string' && current !== '') currentContext = current;
  }

  const contexts = [...maps.contexts.values()].map((entry) => resolveContext(entry, maps.clusters, maps.users));
  return { contexts, currentContext, fileErrors };
}

function resolveContext(entry: RawEntry, clusters: Map<string, RawEntry>, users: Map<string, RawEntry>): ResolvedContext {
  const clusterName = stringField(entry.body, 'cluster');
  const userName = stringField(entry.body, 'user');
  const namespace = stringField(entry.body, 'namespace');
  const resolved: ResolvedContext = { name: entry.name, file: entry.file, namespace, clusterName, userName };
  const where = `context "${entry.name}" in ${entry.file}`;
  if (clusterName === undefined) {
    resolved.problem = `The ${where} names no cluster. Add "cluster: <name>" to it.`;
    return resolved;
  }
  resolved.cluster = clusters.get(clusterName);
  if (resolved.cluster === undefined) {
    resolved.problem = `The ${where} uses cluster "${clusterName}", which no kubeconfig file defines. Add that cluster or fix the context.`;
    return resolved;
  }
  if (stringField(resolved.cluster.body, 'server') === undefined) {
    resolved.problem = `Cluster "${clusterName}" (${resolved.cluster.file}), used by context "${entry.name}", has no server URL. Add "server: https://...".`;
    return resolved;
  }
  if (userName !== undefined) {
    resolved.user = users.get(userName);
    if (resolved.user === undefined) {
      resolved.problem = `The ${where} uses user "${userName}", which no kubeconfig file defines. Add that user or fix the context.`;
    }
  }
  return resolved;
}

function rawEntry(item: unknown, bodyKey: string, file: string): RawEntry | string {
  if (!isRecord(item)) return 'is not a map';
  const name = item.name;
  if (typeof name !== 'string' || name === '') return 'has no name';
  const body = item[bodyKey];
  if (body !== undefined && body !== null && !isRecord(body)) return `("${name}") has a "${bodyKey}" that is not a map`;
  return { name, body: isRecord(body) ? body : {}, file };
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plain-text output of `kse contexts` and `kse sync`: aligned tables, terminal-safe, no colours needed. */
import { sanitizeForTerminal } from '../shared/terminal-text';
import { DESCRIPTOR_OF_RESOURCE } from '../shared/kube/resource-registry';
import type { ClusterInfo, ClusterStatus, KindStatus, KubeconfigProblem } from '../shared/model/status';

/** Columns padded to their widest cell; the last column is not padded. */
export function formatTable(headers: string[], rows: string[][]): string {
  const all = [headers, ...rows].map((row) => row.map((cell) => sanitizeForTerminal(cell)));
  const widths = headers.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
      .join('   ')
      .trimEnd();
  return `${all.map(line).join('\n')}\n`;
}

export function formatContexts(clusters: readonly ClusterInfo[], current: string | undefined, problems: readonly KubeconfigProblem[] = []): string {
  if (clusters.length === 0) {
    if (problems.length > 0) return 'No usable kubeconfig contexts: the kubeconfig files below could not be read.\n';
    return 'No kubeconfig contexts. Set KUBECONFIG or create ~/.kube/config; without one, the app shows the built-in demo.\n';
  }
  const rows = clusters.map((c) => [
    c.name === current ? '*' : '',
    c.name,
    c.server ?? '',
    c.user ?? '',
    c.namespace ?? '',
    c.error ? `error: ${c.error}` : '',
  ]);
  return formatTable(['CURRENT', 'NAME', 'SERVER', 'USER', 'NAMESPACE', 'PROBLEM'], rows);
}

/** Kubeconfig files that could not be read, one per paragraph (for stderr). */
export function formatKubeconfigProblems(problems: readonly KubeconfigProblem[]): string {
  if (problems.length === 0) return '';
  return `Kubeconfig files that could not be read (their contexts are missing):\n${problems.map((p) => `  ${sanitizeForTerminal(p.message)}\n`).join('')}`;
}

/** Contexts as JSON: no credentials are in ClusterInfo, so it can be printed as is. */
export function contextsJson(clusters: readonly ClusterInfo[], current: string | undefined, problems: readonly KubeconfigProblem[] = []): unknown {
  return { current: current ?? null, contexts: clusters.map((c) => ({ ...c, current: c.name === current })), fileErrors: problems };
}

function duration(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

const STATE_LABELS: Record<KindStatus['state'], string> = {
  synced: 'synced',
  syncing: 'syncing',
  forbidden: 'no permission',
  error: 'error',
  absent: 'not served',
  idle: 'not started',
};

export interface SyncResult {
  status: ClusterStatus;
  /** From opening the cluster until every kind settled. */
  millis: number;
}

export function formatSync({ status, millis }: SyncResult): string {
  const rows = status.kinds.map((k) => [
    DESCRIPTOR_OF_RESOURCE[k.kind].label,
    STATE_LABELS[k.state],
    k.state === 'synced' ? String(k.count) : '',
    duration(k.syncMillis),
    k.message ?? (k.namespaces ? `namespaces: ${k.namespaces.join(', ')}` : ''),
  ]);
  const head = [
    `Context: ${sanitizeForTerminal(status.cluster.name)}${status.cluster.server ? ` (${sanitizeForTerminal(status.cluster.server)})` : ''}`,
    ...(status.serverVersion ? [`Server version: ${sanitizeForTerminal(status.serverVersion)}`] : []),
    ...(status.limitedToNamespaces ? [`Limited to namespaces: ${status.limitedToNamespaces.map(sanitizeForTerminal).join(', ')}`] : []),
  ];
  const verdict = status.synced ? `Synced in ${duration(millis)}.` : `Not synced after ${duration(millis)}.`;
  return `${head.join('\n')}\n\n${formatTable(['KIND', 'STATE', 'COUNT', 'SYNC TIME', 'NOTE'], rows)}\n${verdict}\n`;
}

export function syncJson({ status, millis }: SyncResult): unknown {
  return {
    context: status.cluster.name,
    server: status.cluster.server ?? null,
    serverVersion: status.serverVersion ?? null,
    synced: status.synced,
    syncMillis: Math.round(millis),
    limitedToNamespaces: status.limitedToNamespaces ?? null,
    kinds: status.kinds.map((k) => ({
      kind: k.kind,
      state: k.state,
      count: k.count,
      syncMillis: k.syncMillis ?? null,
      message: k.message ?? null,
    })),
  };
}

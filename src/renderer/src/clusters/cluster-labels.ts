/** Short names for kinds in the status strip (kubectl's, where it has one) and source labels. */
import type { Resource } from '../../../shared/kube/resource-registry';
import type { ClusterInfo } from '../../../shared/model/status';
import type { Translate } from '../i18n/i18n';

export { SHORT_NAME_OF_RESOURCE } from '../../../shared/kube/resource-registry';

/** Offline sources are labelled so nobody mistakes a snapshot for the live cluster. */
export function isOffline(cluster: Pick<ClusterInfo, 'source'>): boolean {
  return cluster.source !== 'context';
}

/** The built-in demo is named by the app (a label of ours, translated); every other name is the cluster's own. */
export function isAppNamed(cluster: Pick<ClusterInfo, 'source'>): boolean {
  return cluster.source === 'demo';
}

/** The cluster with the name the UI shows: the demo's in the UI language («Демо-кластер»), others as they are. */
export function localizeClusterName<T extends Pick<ClusterInfo, 'name' | 'source'>>(cluster: T, t: Translate): T {
  return isAppNamed(cluster) ? { ...cluster, name: t('clusters.demoName') } : cluster;
}

/** translate="no" for a cluster's own name (skipped by translators and the Russian scan), none for the demo's. */
export function nameTranslate(cluster: Pick<ClusterInfo, 'source'> | undefined): 'no' | undefined {
  return cluster && isAppNamed(cluster) ? undefined : 'no';
}

/**
 * A snapshot's name as its two parts: the file and, in parentheses, the cluster it was taken from. The core names
 * a file's cluster `${fileName} (${context})` and sends the file alone as `server` (src/main/kube/snapshot-source.ts),
 * so the split is at the file, whatever parentheses the file or the cluster's own name hold: the demo's recording
 * is «demo.json (Demo cluster (lab-admin))», whose tab read «demo.json (Demo clust…» while its cluster stayed whole
 * in no part (trial 9 of issue 8). Any other name (a context's, or without its file) is all `lead`.
 */
export function nameParts(name: string, file?: string): { lead: string; tail?: string } {
  if (!file || !name.startsWith(`${file} (`) || !name.endsWith(')')) return { lead: name };
  return { lead: file, tail: name.slice(file.length + 1) };
}

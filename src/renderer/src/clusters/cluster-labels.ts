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
 * A snapshot's name as its two parts: the file and, in parentheses, the cluster it was taken from
 * (src/main/kube/snapshot-source.ts names it `${fileName} (${context})`). Any other name is all `lead`.
 */
export function nameParts(name: string): { lead: string; tail?: string } {
  const m = /^(.*\S) (\([^()]+\))$/.exec(name);
  return m ? { lead: m[1]!, tail: m[2]! } : { lead: name };
}

/** The one-call way to get a live source for a kubeconfig context by name. */
import type { ClusterInfo } from '../../shared/model/status';
import { ContextSource, type ContextSourceOptions } from './context-source';
import { kubeConfigFor } from './client-kubeconfig';
import { contextClusterId, loadKubeconfig, type KubeconfigLocation } from './kubeconfig';

/**
 * A ContextSource for `contextName`. The kubeconfig is read now for the cluster entry, and again whenever
 * credentials are refreshed (after a 401), so a renewed token or an edited file is picked up. A context that
 * does not exist or cannot be used still gives a source: its start() reports the error through the sink.
 */
export function openContextSource(
  contextName: string,
  location: KubeconfigLocation = {},
  options: Omit<ContextSourceOptions, 'info' | 'makeKubeConfig'> = {},
): ContextSource {
  const loaded = loadKubeconfig(location);
  const info: ClusterInfo = loaded.clusters.find((cluster) => cluster.name === contextName) ?? {
    id: contextClusterId(contextName),
    name: contextName,
    source: 'context',
    connection: 'error',
    error: `No context named "${contextName}" in ${loaded.files.join(', ')}. Run "kubectl config get-contexts" to see the names.`,
  };
  return new ContextSource({ ...options, info, makeKubeConfig: (signal) => kubeConfigFor(loadKubeconfig(location), contextName, { signal }) });
}

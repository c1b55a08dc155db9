/**
 * The real CoreDeps: kubeconfig contexts and live sources (src/main/kube), snapshot and recording files, the
 * built-in demo from resources/demo, and the store. The app, the web host and the CLI all start here.
 *
 * Sources and stores are imported when the first cluster is opened, not when the core starts: the Kubernetes
 * client, the reflector, the store and the rules are most of the code, and `kse contexts` (or a window that
 * has not opened a cluster yet) needs none of them.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { watchKubeconfigFiles } from '../kube/kubeconfig-watch';
import { loadKubeconfig, type KubeconfigLocation } from '../kube/kubeconfig';
import type { CoreDeps } from './ports';

export interface WiringOptions {
  /** The directory holding lessons/ and demo/. */
  resourcesDir: string;
  /** Where the kubeconfig is (default: KUBECONFIG, else ~/.kube/config). */
  kubeconfig?: KubeconfigLocation;
}

/** The demo recording: the first *.json in resources/demo (by name), or undefined when there is none. */
export async function readDemo(resourcesDir: string): Promise<{ fileName: string; content: string } | undefined> {
  const dir = join(resourcesDir, 'demo');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  const fileName = names.filter((name) => name.endsWith('.json')).sort()[0];
  if (!fileName) return undefined;
  return { fileName, content: await readFile(join(dir, fileName), 'utf8') };
}

export function createCoreDeps(options: WiringOptions): CoreDeps {
  const location = options.kubeconfig ?? {};
  return {
    listContexts: () => {
      const loaded = loadKubeconfig(location);
      return {
        clusters: loaded.clusters,
        files: loaded.files,
        anyFileExists: loaded.files.some((file) => existsSync(file)),
        fileErrors: loaded.fileErrors,
        ...(loaded.currentContext !== undefined ? { currentContext: loaded.currentContext } : {}),
      };
    },
    contextSource: async (info) => (await import('../kube/open-context')).openContextSource(info.name, location),
    // Recordings, the demo included, play once and stop at their final state; the user may loop them (controlReplay).
    fileSource: async (id, fileName, content) => (await import('../kube/open-file-source')).openFileSource(content, id, fileName),
    createStore: async (info, source) => (await import('./store-factory')).createClusterStore(info, source),
    watchKubeconfig: (files, onChange) => {
      const watcher = watchKubeconfigFiles(files, onChange);
      return () => watcher.close();
    },
    readDemo: () => readDemo(options.resourcesDir),
  };
}

/** The kubeconfig's current-context, for commands run without --context. */
export function currentContext(location: KubeconfigLocation = {}): string | undefined {
  return loadKubeconfig(location).currentContext;
}

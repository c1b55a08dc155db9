/**
 * The real CoreDeps: kubeconfig contexts and live sources (src/main/kube), snapshot and recording files, the
 * built-in demo from resources/demo, and the store. The app, the web host and the CLI all start here.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { watchKubeconfigFiles } from '../kube/kubeconfig-watch';
import { loadKubeconfig, type KubeconfigLocation } from '../kube/kubeconfig';
import { openContextSource } from '../kube/open-context';
import { openFileSource } from '../kube/open-file-source';
import type { CoreDeps } from './ports';
import { createClusterStore } from './store-factory';

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
      return { clusters: loaded.clusters, files: loaded.files, anyFileExists: loaded.files.some((file) => existsSync(file)), fileErrors: loaded.fileErrors };
    },
    contextSource: (info) => openContextSource(info.name, location),
    // Recordings, the demo included, play once and stop at their final state; the user may loop them (controlReplay).
    fileSource: (id, fileName, content) => openFileSource(content, id, fileName),
    createStore: createClusterStore,
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

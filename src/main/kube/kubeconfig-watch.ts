/**
 * Notices when kubeconfig files change. Watches each file's directory rather than the file, because editors
 * and `kubectl config` replace the file (write a temp file, rename), which ends a watch on the old inode.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface KubeconfigWatcher {
  close(): void;
}

/** Calls `onChange` once per burst of changes (debounced) to any of `files`. */
export function watchKubeconfigFiles(files: string[], onChange: () => void, debounceMs = 300): KubeconfigWatcher {
  const namesByDir = new Map<string, Set<string>>();
  for (const file of files) {
    const dir = dirname(file);
    const names = namesByDir.get(dir) ?? new Set<string>();
    names.add(basename(file));
    namesByDir.set(dir, names);
  }
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const fire = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) onChange();
    }, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const [dir, names] of namesByDir) {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        // Some platforms omit the name: treat that as a possible change.
        if (name === null || names.has(name.toString())) fire();
      });
      watcher.on('error', () => undefined); // the directory went away: nothing more to watch there
      watchers.push(watcher);
    } catch {
      // A missing directory (no ~/.kube yet) is not an error: there is simply nothing to watch.
    }
  }
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

/**
 * What the menu items do in the desktop app. Files are picked and read here, in main (the renderer never sees a
 * path); the UI is told through command notices what to show or switch to.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, nativeTheme, type BrowserWindow } from 'electron';
import type { ThemeChoice } from '../../../shared/contract';
import type { Lang } from '../../../shared/model/findings';
import type { Core } from '../../core/core';
import { snapshotFileName, snapshotOf } from '../../core/export';
import { describeRedaction } from '../../kube/export-snapshot';
import { SNAPSHOT_MAX_BYTES } from '../../../shared/limits';
import type { MenuActions } from './menu';

export interface MenuContext {
  core: Core;
  window(): BrowserWindow | undefined;
  version: string;
  isPackaged: boolean;
  /** Called after a language or theme change, to rebuild the menu's radio items. */
  onPreferenceChange(prefs: { lang?: Lang; theme?: ThemeChoice }): void;
}

export function desktopMenuActions(ctx: MenuContext): MenuActions {
  const showError = (title: string, message: string) => dialog.showErrorBox(title, message);
  return {
    openSnapshot: () => void openSnapshot(ctx).catch((error: unknown) => showError('Cannot open the snapshot', String(error))),
    exportSnapshot: () => void exportSnapshot(ctx).catch((error: unknown) => showError('Cannot export a snapshot', String(error))),
    reload: () => ctx.window()?.webContents.reload(),
    setLanguage: (lang) => {
      ctx.core.notify({ type: 'command', command: { name: 'set-language', lang } });
      ctx.onPreferenceChange({ lang });
    },
    setTheme: (theme) => {
      nativeTheme.themeSource = theme;
      ctx.core.notify({ type: 'command', command: { name: 'set-theme', theme } });
      ctx.onPreferenceChange({ theme });
    },
    ...(ctx.isPackaged ? {} : { toggleDevTools: () => ctx.window()?.webContents.toggleDevTools() }),
    about: () => {
      const win = ctx.window();
      const options = {
        type: 'info' as const,
        title: 'About',
        message: 'Kube Storage Explorer',
        detail: `Version ${ctx.version}\nElectron ${process.versions.electron}\nRead-only: it never changes your clusters.`,
      };
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    },
  };
}

async function openSnapshot(ctx: MenuContext): Promise<void> {
  const win = ctx.window();
  const options = { title: 'Open Snapshot', properties: ['openFile' as const], filters: [{ name: 'Kube Storage Explorer snapshots', extensions: ['json'] }] };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const path = picked.filePaths[0];
  if (picked.canceled || !path) return;
  if ((await stat(path)).size > SNAPSHOT_MAX_BYTES) {
    dialog.showErrorBox('Cannot open the snapshot', `${basename(path)} is larger than ${SNAPSHOT_MAX_BYTES / 1024 / 1024} MB.`);
    return;
  }
  const result = await ctx.core.call('openSnapshot', { fileName: basename(path), content: await readFile(path, 'utf8') });
  if (!result.ok) {
    dialog.showErrorBox('Cannot open the snapshot', result.error.message);
    return;
  }
  const clusterId = (result.value as { id: string }).id;
  ctx.core.notify({ type: 'command', command: { name: 'show-cluster', clusterId } });
}

async function exportSnapshot(ctx: MenuContext): Promise<void> {
  const win = ctx.window();
  const open = ctx.core.registry.sessions();
  if (open.length === 0) {
    dialog.showErrorBox('Nothing to export', 'Open a cluster first, then export it as a snapshot.');
    return;
  }
  let cluster = open[0];
  if (open.length > 1) {
    const ask = { type: 'question' as const, title: 'Export Snapshot', message: 'Which cluster do you want to export?', buttons: [...open.map((c) => c.info.name), 'Cancel'], cancelId: open.length };
    const { response } = win ? await dialog.showMessageBox(win, ask) : await dialog.showMessageBox(ask);
    cluster = open[response];
  }
  if (!cluster) return;
  const snapshot = snapshotOf(cluster);
  const options = { title: 'Export Snapshot', defaultPath: snapshotFileName(cluster.info.name, snapshot.capturedAt), filters: [{ name: 'Snapshots', extensions: ['json'] }] };
  const target = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (target.canceled || !target.filePath) return;
  await writeFile(target.filePath, `${JSON.stringify(snapshot)}\n`, 'utf8');
  // Say what was taken out, as the CLI does: whoever sends the file should know.
  const done = { type: 'info' as const, title: 'Export Snapshot', message: `Saved ${basename(target.filePath)}`, detail: `Kept only the fields Kube Storage Explorer reads; ${describeRedaction(snapshot)}.` };
  void (win ? dialog.showMessageBox(win, done) : dialog.showMessageBox(done));
}

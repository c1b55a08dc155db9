/** The app menu as a template: what the user can do, wired to callbacks (built and tested without Electron). */
import type { MenuItemConstructorOptions } from 'electron';
import type { ThemeChoice } from '../../../shared/contract';
import type { Lang } from '../../../shared/model/findings';

export interface MenuActions {
  openSnapshot(): void;
  exportSnapshot(): void;
  reload(): void;
  setLanguage(lang: Lang): void;
  setTheme(theme: ThemeChoice): void;
  toggleDevTools?(): void;
  about(): void;
}

export interface MenuState {
  lang: Lang;
  theme: ThemeChoice;
  isMac: boolean;
}

export function menuTemplate(actions: MenuActions, state: MenuState): MenuItemConstructorOptions[] {
  const lang = (value: Lang, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: state.lang === value,
    click: () => actions.setLanguage(value),
  });
  const theme = (value: ThemeChoice, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: state.theme === value,
    click: () => actions.setTheme(value),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Snapshot…', accelerator: 'CmdOrCtrl+O', click: () => actions.openSnapshot() },
        { label: 'Export Snapshot…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportSnapshot() },
        { type: 'separator' },
        state.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: 'Edit', submenu: [{ role: 'copy' }, { role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [
        { label: 'Reload', accelerator: 'CmdOrCtrl+R', click: () => actions.reload() },
        { type: 'separator' },
        { label: 'Language', submenu: [lang('en', 'English'), lang('ru', 'Русский')] },
        { label: 'Theme', submenu: [theme('system', 'System'), theme('light', 'Light'), theme('dark', 'Dark')] },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(actions.toggleDevTools ? [{ type: 'separator' as const }, { label: 'Developer Tools', click: () => actions.toggleDevTools?.() }] : []),
      ],
    },
    { label: 'Help', submenu: [{ label: 'About Kube Storage Explorer', click: () => actions.about() }] },
  ];
  if (state.isMac) template.unshift({ role: 'appMenu' });
  return template;
}

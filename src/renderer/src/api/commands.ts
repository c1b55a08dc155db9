/** Menu commands from the desktop app (show a cluster, switch language or theme), carried out by the UI. */
import { useEffect } from 'react';
import type { Notice } from '../../../shared/contract';
import { useApi } from './api-context';
import { useI18n } from '../i18n/i18n';
import { useTheme } from '../state/theme';
import { openClusterIn, useView } from '../state/view-store';

type CommandNotice = Extract<Notice, { type: 'command' }>;

export function useUiCommands(): void {
  const api = useApi();
  const { update } = useView();
  const { setLang } = useI18n();
  const { setChoice } = useTheme();
  useEffect(
    () =>
      api.onNotice((notice) => {
        if (notice.type !== 'command') return;
        const command: CommandNotice['command'] = notice.command;
        switch (command.name) {
          case 'show-cluster':
            update((s) => openClusterIn(s, command.clusterId, 0));
            return;
          case 'set-language':
            setLang(command.lang);
            return;
          case 'set-theme':
            setChoice(command.theme);
            return;
          default:
            // A command from a newer main that this UI does not know: nothing to do.
            return;
        }
      }),
    [api, update, setLang, setChoice],
  );
}

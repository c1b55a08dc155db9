/**
 * The window's title names what is shown, so tabs, the task switcher and screen readers tell windows apart:
 * "Claims · Demo cluster — Kube Storage Explorer"; two panes side by side name both clusters.
 */
import { useEffect } from 'react';
import { useClusters } from '../clusters/use-clusters';
import { useI18n } from '../i18n/i18n';
import type { PaneState } from '../state/view-state';
import { viewLabel } from '../tables/view-label';
import { useView } from '../state/view-store';

export function useDocumentTitle(): void {
  const { state } = useView();
  const { t } = useI18n();
  const { data: clusters } = useClusters();
  const viewName = (pane: PaneState) => t(viewLabel(pane.view));
  const parts = state.panes
    .filter((p) => p.cluster)
    .map((p) => `${viewName(p)} · ${clusters?.find((c) => c.id === p.cluster)?.name ?? p.cluster}`);
  const title = [parts.join(' | '), t('app.title')].filter(Boolean).join(' — ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

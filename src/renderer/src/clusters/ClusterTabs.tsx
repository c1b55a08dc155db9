/** Open clusters as tabs; a second pane shows another open cluster side by side. */
import { browserMeasure } from '../format/fit-text';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { keys } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { closeClusterIn, openClusterIn, useView } from '../state/view-store';
import { emptyPane } from '../state/view-state';
import { isOffline, nameParts, nameTranslate } from './cluster-labels';
import { useClusters } from './use-clusters';
import { verbatim } from '../../../shared/verbatim';

/** The tab's font (layout.css: 13 px system-ui). */
const tabMeasure = (text: string) => browserMeasure("13px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif")(text);

/**
 * Names up to this wide, px, are never cut while a longer tab can give way: «Демо-кластер» read «Демо…астер»
 * beside a snapshot's 290 px name (trial 5 of issue 8, defect 12).
 */
const SHORT_NAME_PX = 120;

/**
 * A tab's name: whole, or cut once, at the end of its file name when the bar has no room; a snapshot's cluster,
 * in parentheses after it, stays whole (a cut in the middle as well as at the end, «large-3013-…013-clai…», read
 * as two names; trial 5 of issue 8, defect 12). The whole name is its title.
 */
function TabName({ text, file, translate }: { text: string; file: string | undefined; translate: 'no' | undefined }) {
  const { lead, tail } = nameParts(text, file);
  return (
    <span className="tab-name" translate={translate} title={text}>
      <span className="tab-name-lead">{lead}</span>
      {tail && <span className="tab-name-tail">{` ${tail}`}</span>}
    </span>
  );
}

export function ClusterTabs() {
  const { t } = useI18n();
  const api = useApi();
  const client = useQueryClient();
  const { state, update } = useView();
  const { data: clusters } = useClusters();
  const nameOf = (id: string) => clusters?.find((c) => c.id === id)?.name ?? id;
  const active = state.panes[0]?.cluster;
  const split = state.panes.length > 1;
  const other = state.open.find((id) => id !== active);

  return (
    <div className="tabs-bar">
      <div className="tabs" role="tablist" aria-label={t('clusters.tabs')}>
        {state.open.map((id) => {
          const info = clusters?.find((c) => c.id === id);
          // A short name keeps its width; long names share what the bar lacks (in proportion to their width).
          const short = tabMeasure(nameOf(id)) <= SHORT_NAME_PX;
          return (
            <div key={id} className={`tab${id === active ? ' active' : ''}`} style={short ? { flexShrink: 0 } : undefined}>
              <button
                type="button"
                role="tab"
                aria-selected={id === active}
                data-testid="cluster-tab"
                data-cluster-id={id}
                onClick={() => update((s) => openClusterIn(s, id, 0))}
              >
                <TabName text={nameOf(id)} file={info && isOffline(info) ? info.server : undefined} translate={nameTranslate(info)} />
                {info && isOffline(info) && <span className="source-tag">{t(`source.${info.source}`)}</span>}
              </button>
              <button
                type="button"
                className="tab-close"
                aria-label={t('clusters.close', { name: nameOf(id) })}
                onClick={() => {
                  void api.closeCluster({ clusterId: id }).catch(() => undefined);
                  // Reopening later must ask the core again, and this cluster's cached data is gone with it.
                  client.removeQueries({ queryKey: keys.opened(id) });
                  client.removeQueries({ queryKey: keys.cluster(id) });
                  update((s) => closeClusterIn(s, id));
                }}
                // In a tooltip the name is marked verbatim with invisible isolates (shared/verbatim.ts).
                title={t('clusters.close', { name: verbatim(nameOf(id)) })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
          );
        })}
      </div>
      {(split || other) && (
        <button
          type="button"
          className="button"
          title={t('clusters.splitHint')}
          aria-pressed={split}
          data-testid="split-toggle"
          onClick={() =>
            update((s) => (s.panes.length > 1 ? { ...s, panes: s.panes.slice(0, 1) } : { ...s, panes: [...s.panes, emptyPane(other)] }))
          }
        >
          {split ? t('clusters.single') : t('clusters.split')}
        </button>
      )}
    </div>
  );
}

/** Open clusters as tabs; a second pane shows another open cluster side by side. */
import { MiddleText } from '../components/MiddleText';
import { browserMeasure } from '../tables/fit-text';
import { useElementWidth } from '../table/use-element-width';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { keys } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { closeClusterIn, openClusterIn, useView } from '../state/view-store';
import { emptyPane } from '../state/view-state';
import { isOffline, nameTranslate } from './cluster-labels';
import { useClusters } from './use-clusters';
import { verbatim } from '../../../shared/verbatim';

/** The tab's font (layout.css: 13 px system-ui). */
const tabMeasure = (text: string) => browserMeasure("13px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif")(text);

/**
 * A tab's name cut in the middle to the room the tab bar gives it: a snapshot's tab keeps its cluster's name
 * ("large.json (…3013-claims)", trial 3 of issue 8, defect 12). Its flex basis is the whole name's width, so the
 * room it gets does not depend on what it shows; the whole name is its title.
 */
function TabName({ text, translate }: { text: string; translate: 'no' | undefined }) {
  const [element, setElement] = useState<HTMLSpanElement | null>(null);
  const whole = Math.ceil(tabMeasure(text)) + 2;
  const room = useElementWidth(element, whole);
  return (
    <span ref={setElement} className="tab-name" translate={translate} title={text} style={{ flex: `0 1 ${whole}px`, width: whole }}>
      <MiddleText text={text} room={room} measure={tabMeasure} />
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
          return (
            <div key={id} className={`tab${id === active ? ' active' : ''}`}>
              <button
                type="button"
                role="tab"
                aria-selected={id === active}
                data-testid="cluster-tab"
                data-cluster-id={id}
                onClick={() => update((s) => openClusterIn(s, id, 0))}
              >
                <TabName text={nameOf(id)} translate={nameTranslate(info)} />
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

/**
 * Details of the selected object beside the view: findings (evidence, fix commands, lessons), events,
 * related objects, pod volumes and init progress, and the read-only YAML.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ObjectDetail } from '../../../shared/model/detail';
import { KINDS } from '../../../shared/kube/kinds';
import type { ObjectRef } from '../../../shared/model/refs';
import { refKey } from '../../../shared/model/refs';
import { useApi } from '../api/api-context';
import { objectQuery } from '../api/queries';
import { BidiText } from '../components/BidiText';
import { ObjectLink } from '../components/ObjectLink';
import { usePaneActions } from '../components/pane-context';
import { errorText, StateMessage } from '../components/StateMessage';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { EventList } from './EventList';
import { FindingCard } from './FindingCard';
import { InitProgress } from './InitProgress';
import { PodVolumes } from './PodVolumes';
import { YamlView } from './YamlView';

type TabId = 'findings' | 'events' | 'related' | 'volumes' | 'init' | 'yaml';
const TAB_LABEL: Record<TabId, MessageKey> = {
  findings: 'details.findings',
  events: 'details.events',
  related: 'details.related',
  volumes: 'details.volumes',
  init: 'details.init',
  yaml: 'details.yaml',
};

function tabsOf(detail: ObjectDetail): TabId[] {
  const tabs: TabId[] = ['findings'];
  if (detail.volumes) tabs.push('volumes');
  if (detail.initSteps && detail.initSteps.length > 0) tabs.push('init');
  tabs.push('events', 'related', 'yaml');
  return tabs;
}

export function DetailsPanel({ target, onClose }: { target: ObjectRef; onClose(): void }) {
  const { t } = useI18n();
  const { clusterId, showGraph } = usePaneActions();
  const detail = useQuery(objectQuery(useApi(), clusterId, target));
  const [tab, setTab] = useState<TabId>('findings');
  const title = `${KINDS[target.kind].objectKind}/${refKey(target)}`;

  let body;
  if (detail.isLoading) body = <StateMessage kind="loading" text={t('state.loading', { what: title })} />;
  else if (detail.error)
    body = (
      <StateMessage kind="error" text={t('state.error', { what: title })} detail={errorText(detail.error)} onRetry={() => void detail.refetch()} />
    );
  else if (!detail.data) body = <StateMessage kind="empty" text={t('details.notFound')} />;
  else {
    const data = detail.data;
    const tabs = tabsOf(data);
    const current = tabs.includes(tab) ? tab : 'findings';
    const count = (id: TabId) =>
      id === 'findings' ? data.findings.length : id === 'events' ? data.events.length : id === 'related' ? data.related.length : undefined;
    body = (
      <>
        <div
          className="detail-tabs"
          role="tablist"
          aria-label={title}
          onKeyDown={(e) => {
            // Arrow keys move between tabs, as the ARIA tabs pattern expects.
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length] ?? current;
            setTab(next);
            e.currentTarget.querySelector<HTMLElement>(`#detail-tab-${next}`)?.focus();
          }}
        >
          {tabs.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`detail-tab-${id}`}
              aria-selected={current === id}
              tabIndex={current === id ? 0 : -1}
              aria-controls="detail-tabpanel"
              className={current === id ? 'active' : undefined}
              onClick={() => setTab(id)}
              data-testid={`details-tab-${id}`}
            >
              {t(TAB_LABEL[id])}
              {count(id) ? <span className="tab-count">{count(id)}</span> : null}
            </button>
          ))}
        </div>
        <div className="detail-body" role="tabpanel" id="detail-tabpanel" aria-labelledby={`detail-tab-${current}`}>
          {current === 'findings' &&
            (data.findings.length === 0 ? (
              <p className="muted">{t('details.noFindings')}</p>
            ) : (
              data.findings.map((f) => <FindingCard key={f.id} finding={f} />)
            ))}
          {current === 'volumes' && <PodVolumes volumes={data.volumes ?? []} />}
          {current === 'init' && <InitProgress steps={data.initSteps ?? []} />}
          {current === 'events' && <EventList events={data.events} />}
          {current === 'related' &&
            (data.related.length === 0 ? (
              <p className="muted">{t('details.noRelated')}</p>
            ) : (
              <ul className="related-list">
                {data.related.map((r, i) => (
                  <li key={i} data-testid="related-object">
                    <span className="muted small-text related-rel">{r.relation}</span>
                    <ObjectLink target={r.ref} missing={r.missing} />
                    {r.missing && <span className="tone-text-bad small-text"> ({t('details.missing')})</span>}
                  </li>
                ))}
              </ul>
            ))}
          {current === 'yaml' && <YamlView source={data.yaml} label={`${title} YAML`} />}
        </div>
      </>
    );
  }

  return (
    <aside className="side-panel details-panel" aria-label={t('details.label', { name: title })} data-testid="details-panel">
      <header className="panel-head">
        <h2 className="panel-title" title={title}>
          <span className="kind-label">{KINDS[target.kind].objectKind}</span> <BidiText text={refKey(target)} />
        </h2>
        <button type="button" className="button small" onClick={() => showGraph(target)} data-testid="details-graph">
          {t('details.graph')}
        </button>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={onClose} data-testid="details-close">
          ×
        </button>
      </header>
      {body}
    </aside>
  );
}

/**
 * Details of the selected object beside the view, the basics first: Summary, then findings (evidence, fix
 * commands, lessons), pod volumes and init progress, events, the storage chain (Related) and the YAML. The tab
 * lives in the URL; the path taken through links shows as a breadcrumb; Escape returns focus to where the panel
 * was opened from.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, type KeyboardEvent } from 'react';
import type { ObjectDetail } from '../../../shared/model/detail';
import { KINDS } from '../../../shared/kube/kinds';
import type { ObjectRef } from '../../../shared/model/refs';
import { refKey } from '../../../shared/model/refs';
import { useApi } from '../api/api-context';
import { objectQuery } from '../api/queries';
import { BidiText } from '../components/BidiText';
import { usePaneActions } from '../components/pane-context';
import { SidePanel } from '../components/SidePanel';
import { errorText, StateMessage } from '../components/StateMessage';
import { DETAILS_PANEL, minBesideDetails } from '../state/frame-layout';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { usePane } from '../state/view-store';
import type { DetailTab } from '../state/view-state';
import { Breadcrumb } from './Breadcrumb';
import { EventList } from './EventList';
import { FindingCard } from './FindingCard';
import { InitProgress } from './InitProgress';
import { PodVolumes } from './PodVolumes';
import { RelatedView } from './RelatedView';
import { SummaryView } from './SummaryView';
import { useReturnFocus } from './use-return-focus';
import { YamlView, yamlFileName } from './YamlView';

const TAB_LABEL: Record<DetailTab, MessageKey> = {
  summary: 'details.summary',
  findings: 'details.findings',
  volumes: 'details.volumes',
  init: 'details.init',
  events: 'details.events',
  related: 'details.related',
  yaml: 'details.yaml',
};

/** The tabs an object has, in order; an object that does not exist has no YAML. */
export function tabsOf(detail: ObjectDetail): DetailTab[] {
  const tabs: DetailTab[] = ['summary', 'findings'];
  if (detail.volumes) tabs.push('volumes');
  if (detail.initSteps && detail.initSteps.length > 0) tabs.push('init');
  tabs.push('events', 'related');
  if (!detail.missing) tabs.push('yaml');
  return tabs;
}

export function DetailsPanel({ target, onClose }: { target: ObjectRef; onClose(): void }) {
  const { t } = useI18n();
  const { clusterId, index, showGraph } = usePaneActions();
  const [pane, setPane] = usePane(index);
  const detail = useQuery(objectQuery(useApi(), clusterId, target));
  // The header is inside the panel: focus return finds the panel from it.
  const head = useRef<HTMLElement>(null);
  const titleId = useId();
  useReturnFocus(head);
  // A provisioner is named by a StorageClass-kind ref (ProvisionerRow.ref) but is no StorageClass: say what it is.
  const asProvisioner = target.kind === 'storageclasses' && (pane.view === 'provisioners' || Boolean(detail.data?.provisioner));
  const kind = asProvisioner ? t('col.provisioner') : KINDS[target.kind].kind;
  const title = `${kind}/${refKey(target)}`;

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
    const current = pane.tab && tabs.includes(pane.tab) ? pane.tab : 'summary';
    // Switching tabs replaces the history entry: Back goes to the previous object, not the previous tab.
    const setTab = (tab: DetailTab) => setPane({ tab: tab === 'summary' ? undefined : tab }, 'replace');
    const count = (id: DetailTab) =>
      id === 'findings' ? data.findings.length : id === 'events' ? data.events.length : id === 'related' ? data.related.length : undefined;
    const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
      // Arrow keys move between tabs, as the ARIA tabs pattern expects.
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length] ?? current;
      setTab(next);
      e.currentTarget.querySelector<HTMLElement>(`#detail-tab-${next}`)?.focus();
    };
    body = (
      <>
        <div className="detail-tabs" role="tablist" aria-label={title} onKeyDown={onTabKey}>
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
        <div className="detail-body" role="tabpanel" tabIndex={-1} id="detail-tabpanel" aria-labelledby={`detail-tab-${current}`} data-tab={current}>
          {current === 'summary' &&
            (data.missing ? (
              <div className="detail-missing" data-testid="details-missing">
                <p className="tone-text-bad">{t('details.missingObject', { kind, name: refKey(target) })}</p>
                <p className="muted">{t('details.missingRelated')}</p>
              </div>
            ) : (
              <SummaryView fields={data.summary} kind={target.kind} />
            ))}
          {current === 'findings' &&
            (data.findings.length === 0 ? (
              <p className="muted">{t('details.noFindings')}</p>
            ) : (
              data.findings.map((f) => <FindingCard key={f.id} finding={f} />)
            ))}
          {current === 'volumes' && <PodVolumes volumes={data.volumes ?? []} />}
          {current === 'init' && <InitProgress steps={data.initSteps ?? []} />}
          {current === 'events' && <EventList events={data.events} />}
          {current === 'related' && <RelatedView related={data.related} events={data.relatedEvents} />}
          {current === 'yaml' && <YamlView source={data.yaml} label={title} fileName={yamlFileName(asProvisioner ? 'provisioner' : kind, target.name, target.namespace)} />}
        </div>
      </>
    );
  }

  return (
    <SidePanel id="details" limits={DETAILS_PANEL} minContent={minBesideDetails} className="details-panel" label={t('details.label', { name: title })} testId="details-panel">
      <header className="panel-head" ref={head}>
        <h2 className="panel-title" id={titleId} title={title}>
          <span className="kind-label" translate={asProvisioner ? undefined : 'no'}>
            {kind}
          </span>{' '}
          <span translate="no">
            <BidiText text={refKey(target)} />
          </span>
        </h2>
        <button type="button" className="button small" onClick={() => showGraph(target)} data-testid="details-graph">
          {t('details.graph')}
        </button>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={onClose} data-testid="details-close">
          ×
        </button>
      </header>
      <Breadcrumb pane={pane} onGo={(next) => setPane(next)} />
      {body}
    </SidePanel>
  );
}

/**
 * Details of the selected object (or provisioner, see ProvisionerDetails.tsx) beside the view, the basics first: Summary, then findings (evidence, fix
 * commands, lessons), pod volumes and init progress, events, the storage chain (Related) and the YAML. The tab
 * lives in the URL; the path taken through links shows as a breadcrumb; Escape returns focus to where the panel
 * was opened from.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ObjectDetail } from '../../../shared/model/detail';
import { isProvisionerRef, refKey, type ObjectRef, type TargetRef } from '../../../shared/model/refs';
import { SEVERITY_ORDER, type Finding } from '../../../shared/model/findings';
import { findingTitle, SeverityChip } from '../tables/cells';
import { LocalizedText } from '../components/LocalizedText';
import { useApi } from '../api/api-context';
import { objectQuery, provisionerQuery, statusQuery } from '../api/queries';
import { BidiText } from '../components/BidiText';
import { usePaneActions } from '../components/pane-context';
import { SidePanel } from '../components/SidePanel';
import { errorText, StateMessage } from '../components/StateMessage';
import { DETAILS_PANEL, minBesideDetails } from '../state/frame-layout';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { usePane } from '../state/view-store';
import type { DetailTab } from '../state/view-state';
import { targetKindWord } from '../state/target';
import { Breadcrumb } from './Breadcrumb';
import { ClaimUsage } from './ClaimUsage';
import { EmptyDirUsage, NodeFsUsage } from './VolumeUsageLists';
import { EventList } from './EventList';
import { FindingCard } from './FindingCard';
import { InitProgress } from './InitProgress';
import { PodVolumes } from './PodVolumes';
import { PROVISIONER_TABS, ProvisionerTab, provisionerTabCount } from './ProvisionerDetails';
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

export function DetailsPanel({ target, onClose }: { target: TargetRef; onClose(): void }) {
  const { t } = useI18n();
  const { index, showGraph } = usePaneActions();
  const [pane, setPane] = usePane(index);
  // The header is inside the panel: focus return finds the panel from it.
  const head = useRef<HTMLElement>(null);
  const titleId = useId();
  useReturnFocus(head);
  const provisioner = isProvisionerRef(target);
  const kind = targetKindWord(target, t('col.provisioner'));
  const title = `${kind}/${refKey(target)}`;
  // Switching tabs replaces the history entry: Back goes to the previous object, not the previous tab.
  const setTab = (tab: DetailTab) => setPane({ tab: tab === 'summary' ? undefined : tab }, 'replace');
  const tabs = { current: pane.tab, setTab, title };

  return (
    <SidePanel id="details" limits={DETAILS_PANEL} minContent={minBesideDetails} className="details-panel" label={t('details.label', { name: title })} testId="details-panel">
      <header className="panel-head" ref={head}>
        <h2 className="panel-title" id={titleId} title={title} data-testid="details-title" data-kind={target.kind}>
          <span className="kind-label" translate={provisioner ? undefined : 'no'}>
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
      {isProvisionerRef(target) ? <ProvisionerBody name={target.name} {...tabs} /> : <ObjectBody target={target} kind={kind} {...tabs} />}
    </SidePanel>
  );
}

interface TabsProps {
  current: DetailTab | undefined;
  setTab(tab: DetailTab): void;
  /** What the panel shows, for the loading and error texts and the tab list's name. */
  title: string;
}

/** The tab list and the panel of the current tab; arrow keys move between tabs, as the ARIA tabs pattern expects. */
function Tabs({ tabs, current, setTab, title, count, children }: { tabs: readonly DetailTab[]; current: DetailTab; setTab(tab: DetailTab): void; title: string; count(tab: DetailTab): number | undefined; children: ReactNode }) {
  const { t } = useI18n();
  // Another tab (or another object) starts at its top: the tab panel is one element, so it kept the last tab's
  // scroll and Findings opened mid-way, its cause above the fold (trial 3 of issue 8, defect 4).
  const body = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (body.current) body.current.scrollTop = 0;
    // Should the tab row ever scroll sideways, it shows the active tab whole; only the row moves, never the page.
    const row = list.current;
    const tab = row?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (row && tab) {
      if (tab.offsetLeft < row.scrollLeft) row.scrollLeft = tab.offsetLeft;
      else if (tab.offsetLeft + tab.offsetWidth > row.scrollLeft + row.clientWidth) row.scrollLeft = tab.offsetLeft + tab.offsetWidth - row.clientWidth;
    }
  }, [current, title]);
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length] ?? current;
    setTab(next);
    e.currentTarget.querySelector<HTMLElement>(`#detail-tab-${next}`)?.focus();
  };
  return (
    <>
      <div ref={list} className="detail-tabs" role="tablist" aria-label={title} onKeyDown={onTabKey}>
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
      <div ref={body} className="detail-body" role="tabpanel" tabIndex={-1} id="detail-tabpanel" aria-labelledby={`detail-tab-${current}`} data-tab={current}>
        {children}
      </div>
    </>
  );
}

/** Loading, error and gone states of a details query; null once there is data. */
function QueryState({ query, title }: { query: { isLoading: boolean; error: unknown; data: unknown; refetch(): unknown }; title: string }) {
  const { t, lang } = useI18n();
  const { clusterId } = usePaneActions();
  // In a replay (the demo, a recording) an object missing now may simply not be created yet at this point.
  const replaying = Boolean(useQuery(statusQuery(useApi(), clusterId)).data?.replay);
  if (query.isLoading) return <StateMessage kind="loading" text={t('state.loading', { what: title })} />;
  if (query.error) return <StateMessage kind="error" text={t('state.error', { what: title })} detail={errorText(query.error, lang)} onRetry={() => void query.refetch()} />;
  if (!query.data) return <StateMessage kind="empty" text={t(replaying ? 'details.notInReplay' : 'details.notFound')} />;
  return null;
}

/** A provisioner's details (getProvisioner): its own tabs, no YAML (it is no object). */
function ProvisionerBody({ name, current, setTab, title }: { name: string } & TabsProps) {
  const { clusterId } = usePaneActions();
  const detail = useQuery(provisionerQuery(useApi(), clusterId, name));
  const data = detail.data;
  if (!data) return <QueryState query={detail} title={title} />;
  const tab = current && PROVISIONER_TABS.includes(current) ? current : 'summary';
  return (
    <Tabs tabs={PROVISIONER_TABS} current={tab} setTab={setTab} title={title} count={(id) => provisionerTabCount(data, id)}>
      <ProvisionerTab data={data} tab={tab} />
    </Tabs>
  );
}

function ObjectBody({ target, kind, current: asked, setTab, title }: { target: ObjectRef; kind: string } & TabsProps) {
  const { t } = useI18n();
  const { clusterId } = usePaneActions();
  const detail = useQuery(objectQuery(useApi(), clusterId, target));
  const data = detail.data;
  if (!data) return <QueryState query={detail} title={title} />;
  const tabs = tabsOf(data);
  const current = asked && tabs.includes(asked) ? asked : 'summary';
  const count = (id: DetailTab) =>
    id === 'findings' ? data.findings.length : id === 'events' ? data.events.length : id === 'related' ? data.related.length : undefined;
  return (
    <Tabs tabs={tabs} current={current} setTab={setTab} title={title} count={count}>
      {current === 'summary' &&
        (data.missing ? (
          <div className="detail-missing" data-testid="details-missing">
            <p className="tone-text-bad">{t('details.missingObject', { kind, name: refKey(target) })}</p>
            <p className="muted">{t('details.missingRelated', { tab: t('details.related') })}</p>
          </div>
        ) : (
          <>
            <SummaryCause findings={data.findings} openFindings={() => setTab('findings')} />
            <SummaryView fields={data.summary} kind={target.kind} />
            {data.usage && <ClaimUsage usage={data.usage} />}
            {(data.emptyDirUsage || data.ephemeralUsage) && <EmptyDirUsage volumes={data.emptyDirUsage ?? []} {...(data.ephemeralUsage ? { ephemeral: data.ephemeralUsage } : {})} />}
            {data.nodeUsage && <NodeFsUsage usage={data.nodeUsage} />}
          </>
        ))}
      {current === 'findings' &&
        (data.findings.length === 0 ? <p className="muted">{t('details.noFindings')}</p> : data.findings.map((f) => <FindingCard key={f.id} finding={f} />))}
      {current === 'volumes' && <PodVolumes volumes={data.volumes ?? []} />}
      {current === 'init' && <InitProgress steps={data.initSteps ?? []} />}
      {current === 'events' && <EventList events={data.events} />}
      {current === 'related' && <RelatedView related={data.related} events={data.relatedEvents} />}
      {current === 'yaml' && <YamlView source={data.yaml} label={title} fileName={yamlFileName(kind, target.name, target.namespace)} />}
    </Tabs>
  );
}

/**
 * The first line of Summary when the object has findings: the most severe finding's title (why a Pending claim
 * is stuck, trial 3 defect 5), with a link to the Findings tab where its evidence and fix are.
 */
function SummaryCause({ findings, openFindings }: { findings: readonly Finding[]; openFindings(): void }) {
  const { t, lang } = useI18n();
  const top = [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))[0];
  if (!top) return null;
  return (
    <p className={`summary-cause sev-border-${top.severity}`} data-testid="summary-cause" data-code={top.code} title={t('details.ruleId', { code: top.code })}>
      <SeverityChip severity={top.severity} label={t(`severity.${top.severity}`)} /> <span>{top.headline ? <LocalizedText text={top.headline[lang]} /> : findingTitle(top.code, lang)}</span>{' '}
      <button type="button" className="link-button" onClick={openFindings} data-testid="summary-cause-link">
        {findings.length === 1 ? t('details.cause.one') : t('details.cause.all', { n: findings.length })}
      </button>
    </p>
  );
}

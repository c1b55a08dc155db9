/**
 * One cluster pane: its status strip, the view navigation, the current view (overview, a table, the graph)
 * and the details of the selected object beside it.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../api/api-context';
import { overviewQuery, statusQuery } from '../api/queries';
import { StatusStrip } from '../clusters/StatusStrip';
import { FleetView } from '../fleet/FleetView';
import { useClusterInfo, useClusters, useOpenedCluster } from '../clusters/use-clusters';
import { DetailsPanel } from '../details/DetailsPanel';
import { ExercisesView } from '../exercises/ExercisesView';
import { GraphView } from '../graph/GraphView';
import { SwappedMessages, useI18n } from '../i18n/i18n';
import { Overview } from '../overview/Overview';
import { usePane } from '../state/view-store';
import { viewLabel } from '../tables/view-label';
import type { ViewId } from '../state/view-state';
import { TableView } from '../table/TableView';
import { openHere } from '../state/navigation';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ViewNav } from './ViewNav';
import { PaneProvider } from '../components/pane-context';
import { CAPTURE_WORDING, SourceClockContext, sourceClock } from '../state/source-clock';

/** A live or recorded source's pane words freshness as the i18n does (see CAPTURE_WORDING). */
const NO_SWAP = {};
import { errorText, StateMessage } from '../components/StateMessage';
import { Verbatim } from '../i18n/Verbatim';


export function ClusterPane({ index }: { index: number }) {
  const { t } = useI18n();
  const [pane] = usePane(index);
  const clusters = useClusters();
  if (!pane.cluster) {
    // While the list loads, the core may be opening a cluster by itself (the demo): say so, not "nothing is open".
    const starting = clusters.isLoading || (index === 0 && clusters.data?.some((c) => c.connection === 'connecting'));
    // With kubeconfig contexts, the first pane's home is the fleet (every context's storage at a glance, each
    // row saying whether it is connecting), rather than one connecting message.
    const fleet = index === 0 && clusters.data?.some((c) => c.source === 'context');
    return (
      <section className="pane" data-testid={`pane-${index}`} aria-label={t('app.content')}>
        {fleet ? <FleetView /> : starting ? <StateMessage kind="loading" text={t('state.connecting')} /> : <StateMessage kind="empty" text={t('state.noCluster')} />}
      </section>
    );
  }
  return <OpenedPane index={index} clusterId={pane.cluster} />;
}

/** Showing a cluster opens it in the core first (also when restored from a copied URL), then its views. */
function OpenedPane({ index, clusterId }: { index: number; clusterId: string }) {
  const { tr, lang } = useI18n();
  const info = useClusterInfo(clusterId);
  const opened = useOpenedCluster(clusterId);
  const name = info?.name ?? clusterId;
  if (opened.isSuccess) return <PaneViews index={index} clusterId={clusterId} />;
  return (
    <section className="pane" aria-label={name} data-testid={`pane-${index}`} data-cluster-id={clusterId}>
      {opened.isError ? (
        <StateMessage
          kind="error"
          text={tr('clusters.openFailed', { name: <Verbatim>{name}</Verbatim> })}
          detail={errorText(opened.error, lang)}
          onRetry={() => void opened.refetch()}
        />
      ) : (
        <StateMessage kind="loading" text={tr('clusters.opening', { name: <Verbatim>{name}</Verbatim> })} />
      )}
    </section>
  );
}

function PaneViews({ index, clusterId }: { index: number; clusterId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const [pane, setPane] = usePane(index);
  const info = useClusterInfo(clusterId);
  const overview = useQuery(overviewQuery(api, clusterId));
  const status = useQuery(statusQuery(api, clusterId));
  const namespaces = overview.data?.namespaces ?? [];
  const { sourceNow, replay } = status.data ?? {};
  const source = status.data?.cluster.source;
  const clock = useMemo(() => sourceClock({ sourceNow, replay, source }, status.dataUpdatedAt), [sourceNow, replay, source, status.dataUpdatedAt]);

  // A view owns its details panel: switching views closes it (links to objects open them in their own view).
  const show = (view: ViewId) =>
    setPane({ view, filters: {}, search: undefined, sort: undefined, minSeverity: undefined, finding: undefined, selected: undefined, trail: undefined });
  const viewTitle = t(viewLabel(pane.view));
  let content;
  if (pane.view === 'overview') content = <Overview clusterId={clusterId} />;
  else if (pane.view === 'graph') content = <GraphView pane={pane} namespaces={namespaces} onChange={(c) => setPane(c)} />;
  else if (pane.view === 'exercises') content = <ExercisesView key={clusterId} clusterId={clusterId} pane={pane} onChange={setPane} />;
  else
    content = (
      <TableView
        clusterId={clusterId}
        clusterName={info?.name ?? clusterId}
        table={pane.view}
        pane={pane}
        namespaces={namespaces}
        onChange={setPane}
        onOpen={(ref) => setPane(openHere(pane, ref))}
      />
    );

  return (
    <PaneProvider index={index} clusterId={clusterId}>
      <SourceClockContext.Provider value={clock}>
        <SwappedMessages swap={clock.captured ? CAPTURE_WORDING : NO_SWAP}>
          <section className="pane" aria-label={info?.name ?? clusterId} data-testid={`pane-${index}`} data-cluster-id={clusterId}>
            <StatusStrip clusterId={clusterId} />
            <div className="pane-body">
              <ViewNav current={pane.view} onShow={show} counts={overview.data?.counts} kinds={status.data?.kinds} live={status.data?.cluster.source === 'context'} />
              <div className="view-main" tabIndex={-1} data-main-content={index === 0 ? '' : undefined} aria-labelledby={`view-title-${index}`}>
                <h2 className="sr-only" id={`view-title-${index}`} data-testid="view-title">
                  {viewTitle}
                </h2>
                <ErrorBoundary resetKey={`${clusterId}/${pane.view}`} title={t('state.viewFailed')}>
                  {content}
                </ErrorBoundary>
              </div>
              {pane.selected && (
                <ErrorBoundary resetKey={`${clusterId}/${JSON.stringify(pane.selected)}`} title={t('state.viewFailed')}>
                  <DetailsPanel target={pane.selected} onClose={() => setPane({ selected: undefined, trail: undefined })} />
                </ErrorBoundary>
              )}
            </div>
          </section>
        </SwappedMessages>
      </SourceClockContext.Provider>
    </PaneProvider>
  );
}

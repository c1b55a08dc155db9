/** The sidebar: every cluster the app knows (contexts, snapshots, recordings, demo) with its connection. */
import { useI18n } from '../i18n/i18n';
import { BidiText } from '../components/BidiText';
import { errorText, StateMessage } from '../components/StateMessage';
import { openClusterIn, useView } from '../state/view-store';
import { isOffline } from './cluster-labels';
import { KubeconfigProblems } from './KubeconfigProblems';
import { useClusters } from './use-clusters';

export function ClusterList() {
  const { t } = useI18n();
  const clusters = useClusters();
  const { state, update } = useView();
  const shown = new Set(state.panes.map((p) => p.cluster));

  let body;
  if (clusters.isLoading) body = <StateMessage kind="loading" text={t('state.loading', { what: t('clusters.title') })} />;
  else if (clusters.error)
    body = (
      <StateMessage
        kind="error"
        text={t('state.error', { what: t('clusters.title') })}
        detail={errorText(clusters.error)}
        onRetry={() => void clusters.refetch()}
      />
    );
  else if (!clusters.data?.length) body = <StateMessage kind="empty" text={t('clusters.empty')} />;
  else
    body = (
      <ul className="cluster-list" aria-label={t('clusters.title')}>
        {clusters.data.map((cluster) => (
          <li key={cluster.id}>
            <button
              type="button"
              className={`cluster-item${shown.has(cluster.id) ? ' shown' : ''}`}
              aria-current={shown.has(cluster.id) ? 'true' : undefined}
              data-testid="cluster-item"
              data-cluster-id={cluster.id}
              title={cluster.error ?? cluster.server ?? cluster.name}
              onClick={() => update((s) => openClusterIn(s, cluster.id, 0))}
            >
              <span className={`conn-dot conn-${cluster.connection}`} aria-hidden="true" />
              <span className="cluster-name">
                <BidiText text={cluster.name} />
              </span>
              {isOffline(cluster) && <span className="source-tag">{t(`source.${cluster.source}`)}</span>}
              <span className="cluster-meta">
                {t(`conn.${cluster.connection}`)}
                {cluster.user ? ` · ${t('clusters.user', { user: cluster.user })}` : ''}
              </span>
              {cluster.error && <span className="cluster-error">{cluster.error}</span>}
            </button>
          </li>
        ))}
      </ul>
    );

  return (
    <aside className="sidebar" aria-label={t('clusters.title')} data-testid="cluster-list">
      <h2 className="sidebar-title">{t('clusters.title')}</h2>
      {body}
      <KubeconfigProblems />
    </aside>
  );
}

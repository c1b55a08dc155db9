/**
 * The fleet view, the app's home (issue 18): every kubeconfig context with the state of its storage, worst first
 * (the order is the core's, shared/fleet/fleet-order.ts). The user chooses which contexts are watched and how
 * many sync at once; a context not watched is never contacted. One click opens a cluster at its problems.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FleetRow } from '../../../shared/model/fleet';
import { MAX_FLEET_CONCURRENCY } from '../../../shared/model/fleet';
import { useApi } from '../api/api-context';
import { fleetQuery, keys } from '../api/queries';
import { BidiText } from '../components/BidiText';
import { errorText, StateMessage } from '../components/StateMessage';
import { ConnectionProblemText } from '../clusters/ConnectionProblemText';
import { ago } from '../format/time';
import { useI18n } from '../i18n/i18n';
import { useSharedNow } from '../state/clock';
import { openClusterIn, useView } from '../state/view-store';

const CONCURRENCY_CHOICES = [1, 2, 3, 4, 6, 8, MAX_FLEET_CONCURRENCY];

export function FleetView() {
  const { t, lang } = useI18n();
  const api = useApi();
  const client = useQueryClient();
  const fleet = useQuery(fleetQuery(api));
  const choose = useMutation({
    mutationFn: (change: { watched?: string[]; concurrency?: number }) => api.setFleetChoices(change),
    onSuccess: (next) => client.setQueryData(keys.fleet(), next),
  });

  if (fleet.isLoading) return <StateMessage kind="loading" text={t('state.loading', { what: t('fleet.title') })} />;
  if (fleet.error || !fleet.data) return <StateMessage kind="error" text={t('state.error', { what: t('fleet.title') })} detail={errorText(fleet.error, lang)} onRetry={() => void fleet.refetch()} />;
  const { rows, concurrency } = fleet.data;
  const watched = rows.filter((r) => r.watched).map((r) => r.clusterId);
  const setWatched = (ids: string[]) => choose.mutate({ watched: ids });

  return (
    <section className="fleet" aria-labelledby="fleet-title" data-testid="fleet-view" data-main-content tabIndex={-1}>
      <header className="fleet-head">
        <h2 id="fleet-title">{t('fleet.title')}</h2>
        <p className="fleet-hint">{t('fleet.hint')}</p>
        <div className="fleet-controls">
          <button type="button" className="button small" onClick={() => setWatched(rows.map((r) => r.clusterId))} disabled={rows.length === 0} data-testid="fleet-watch-all">
            {t('fleet.watchAll')}
          </button>
          <button type="button" className="button small" onClick={() => setWatched([])} disabled={watched.length === 0} data-testid="fleet-watch-none">
            {t('fleet.watchNone')}
          </button>
          <label className="fleet-concurrency">
            {t('fleet.concurrency')}{' '}
            <select value={concurrency} onChange={(e) => choose.mutate({ concurrency: Number(e.target.value) })} data-testid="fleet-concurrency">
              {CONCURRENCY_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        {choose.error && <StateMessage kind="error" text={t('fleet.chooseFailed')} detail={errorText(choose.error, lang)} />}
      </header>
      {rows.length === 0 ? (
        <StateMessage kind="empty" text={t('fleet.empty')} />
      ) : (
        <div className="fleet-scroll">
          <table className="fleet-table" data-testid="fleet-table">
            <thead>
              <tr>
                <th scope="col">{t('fleet.col.watch')}</th>
                <th scope="col">{t('fleet.col.context')}</th>
                <th scope="col">{t('fleet.col.state')}</th>
                <th scope="col" className="num">{t('fleet.col.problems')}</th>
                <th scope="col" className="num">{t('fleet.col.warnings')}</th>
                <th scope="col" className="num">{t('fleet.col.pending')}</th>
                <th scope="col" className="num">{t('fleet.col.lost')}</th>
                <th scope="col" className="num" title={t('fleet.col.provisionersHint')}>
                  {t('fleet.col.provisioners')}
                </th>
                <th scope="col" className="num">{t('fleet.col.nearlyFull')}</th>
                <th scope="col">{t('fleet.col.synced')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <FleetTableRow
                  key={row.clusterId}
                  row={row}
                  onWatch={(on) => setWatched(on ? [...watched, row.clusterId] : watched.filter((id) => id !== row.clusterId))}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FleetTableRow({ row, onWatch }: { row: FleetRow; onWatch(on: boolean): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const now = useSharedNow();
  const { update } = useView();
  const c = row.counts;
  const count = (n: number | undefined, tone: string) => (n === undefined ? <span className="muted">—</span> : <span className={n > 0 ? `fleet-count ${tone}` : 'fleet-count'}>{n}</span>);
  const open = () => update((s) => openClusterIn(s, row.clusterId, 0));
  return (
    <tr data-testid="fleet-row" data-cluster-id={row.clusterId} data-state={row.state}>
      <td>
        <input type="checkbox" checked={row.watched} onChange={(e) => onWatch(e.target.checked)} aria-label={t('fleet.watchOne', { name: row.name })} data-testid="fleet-watch" />
      </td>
      <td className="fleet-name" translate="no">
        <button type="button" className="link-button" onClick={open} title={[row.name, row.server].filter(Boolean).join(' · ')} data-testid="fleet-open">
          <BidiText text={row.name} />
        </button>
      </td>
      <td>
        <span className={`fleet-state state-${row.state}`} data-testid="fleet-state">
          {t(`fleet.state.${row.state}`)}
        </span>
        {row.forbiddenKinds ? <span className="fleet-note"> · {t('status.forbiddenCount', { n: row.forbiddenKinds })}</span> : null}
        {/* Not ticked, yet live: the user has it open in a tab (trial of issue 18: "the tick does nothing"). */}
        {!row.watched && row.state !== 'not-watched' ? (
          <span className="fleet-note" data-testid="fleet-open-in-tab">
            {' '}
            · {t('fleet.openInTab')}
          </span>
        ) : null}
        {row.problem ? (
          <div className="fleet-error" data-testid="fleet-error">
            <ConnectionProblemText problem={row.problem} />
          </div>
        ) : row.error && (
          <div className="fleet-error" data-testid="fleet-error">
            <BidiText text={row.error} />
          </div>
        )}
      </td>
      <td className="num" data-column="problems">{count(c?.problems, 'problem')}</td>
      <td className="num" data-column="warnings">{count(c?.warnings, 'warning')}</td>
      <td className="num" data-column="pending">{count(c?.claimsPending, 'warning')}</td>
      <td className="num" data-column="lost">{count(c?.claimsLost, 'problem')}</td>
      <td className="num" data-column="provisioners">{count(c?.provisionersNotAlive, 'problem')}</td>
      <td className="num" data-column="nearlyFull" title={c && c.volumesNearlyFull === undefined ? t('fleet.usageUnknown') : undefined}>
        {count(c?.volumesNearlyFull, 'warning')}
      </td>
      <td data-column="synced">{row.lastSyncedAt ? ago(row.lastSyncedAt, now, i18n) : <span className="muted">—</span>}</td>
    </tr>
  );
}

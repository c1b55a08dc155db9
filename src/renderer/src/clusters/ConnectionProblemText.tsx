/**
 * A connection problem (model/status.ts ConnectionProblem) in the UI language: what failed and what to do, with
 * the server and user as they are (<Verbatim>), then where connecting stands (trying again, or stopped), then the
 * upstream's own words as evidence. The core sends the failure as data; ClusterInfo.error keeps the English
 * sentence for logs and the CLI (trial 5 of issue 8: the Russian UI showed it).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ConnectionProblem } from '../../../shared/model/status';
import { useApi } from '../api/api-context';
import type { MessageKey, RichParams, Translate } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';

/** The message keys and arguments of a problem: the failure, then its progress, then the raw words. */
function partsOf(problem: ConnectionProblem): { key: MessageKey; params: Record<string, string | number> }[] {
  const parts: { key: MessageKey; params: Record<string, string | number> }[] = [
    {
      key: `conn.${problem.failure}`,
      params: { server: problem.server, user: problem.user ?? '', status: problem.status ?? '', seconds: problem.seconds ?? '' },
    },
  ];
  if (problem.gaveUp) parts.push(problem.attempts ? { key: 'conn.gaveUp', params: { attempts: problem.attempts } } : { key: 'conn.gaveUpNow', params: {} });
  else if (problem.retryInSeconds !== undefined && problem.attempt !== undefined && problem.attempts !== undefined)
    parts.push({ key: 'conn.retrying', params: { seconds: problem.retryInSeconds, attempt: problem.attempt, attempts: problem.attempts } });
  return parts;
}

/** Cluster values among the arguments, shown as they are. */
const VERBATIM_ARGS = new Set(['server', 'user']);

/** The problem as plain text (tooltips, a table's empty state), in the UI language; the raw words are left out. */
export function connectionProblemText(problem: ConnectionProblem, t: Translate): string {
  return partsOf(problem)
    .map(({ key, params }) => t(key, params))
    .join(' ');
}

/** The problem as elements: server and user verbatim, the upstream's own words after it, marked as theirs. */
export function ConnectionProblemText({ problem, raw = true }: { problem: ConnectionProblem; raw?: boolean }) {
  const { tr } = useI18n();
  const out: ReactNode[] = partsOf(problem).map(({ key, params }, i) => {
    const rich: RichParams = {};
    for (const [name, value] of Object.entries(params)) rich[name] = VERBATIM_ARGS.has(name) ? <Verbatim>{value}</Verbatim> : value;
    return (
      <span key={i}>
        {i > 0 ? ' ' : ''}
        {tr(key, rich)}
      </span>
    );
  });
  return (
    <span data-testid="connection-problem" data-failure={problem.failure}>
      {out}
      {raw && problem.raw ? (
        <span className="muted small-text">
          {' '}
          {tr('conn.raw', { raw: <Verbatim>{problem.raw}</Verbatim> })}
        </span>
      ) : null}
    </span>
  );
}

/** Opens the cluster again: a source that gave up starts over (core: ClusterSource.givenUp). */
export function OpenAgainButton({ clusterId }: { clusterId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const again = () => {
    setBusy(true);
    void api
      .openCluster({ clusterId })
      .catch(() => undefined)
      .finally(() => {
        setBusy(false);
        void client.invalidateQueries({ queryKey: ['cluster', clusterId] });
        void client.invalidateQueries({ queryKey: ['clusters'] });
      });
  };
  return (
    <button type="button" className="button" onClick={again} disabled={busy} data-testid="open-again">
      {t('conn.openAgain')}
    </button>
  );
}

/**
 * Per cluster: its source (live, snapshot, demo), connection, and every kind's sync state with how fresh
 * the data is. Forbidden kinds say "no permission", never look empty. The summary is an aria-live region.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { KindStatus } from '../../../shared/model/status';
import { useApi } from '../api/api-context';
import { keys, statusQuery } from '../api/queries';
import { errorText } from '../components/StateMessage';
import { DESCRIPTOR_OF_RESOURCE } from '../../../shared/kube/resource-registry';
import type { UiLocale } from '../format/locale';
import { age, ago, clockTime, dateTime } from '../format/time';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { useNow } from '../state/clock';
import { isOffline, SHORT_NAME_OF_RESOURCE, localizeClusterName, nameTranslate } from './cluster-labels';
import { ReplayControls } from './ReplayControls';
import { useDropToFit } from '../components/drop-to-fit';
import { useDisclosureDismiss } from '../components/use-disclosure-dismiss';
import { ConnectionProblemText, connectionProblemText } from './ConnectionProblemText';

/** A kind chip's tooltip: its kind, state, object count, freshness and next retry, in the UI language. */
function kindTitle(status: KindStatus, locale: UiLocale, now: number): string {
  const { t, lang } = locale;
  const parts = [`${DESCRIPTOR_OF_RESOURCE[status.kind].kind}: ${t(`status.${status.state}`)}`, t('status.objects', { n: status.count })];
  if (status.lastEventAt) parts.push(ago(status.lastEventAt, now, locale));
  if (status.nextRetryAt) parts.push(t('status.retryAt', { time: clockTime(status.nextRetryAt, lang) }));
  return parts.join(' · ');
}

export function StatusStrip({ clusterId }: { clusterId: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const api = useApi();
  const now = useNow();
  const status = useQuery(statusQuery(api, clusterId));
  const data = status.data;
  const strip = useRef<HTMLDivElement>(null);
  useDropToFit(strip);

  if (status.error) {
    return (
      <div className="status-strip" role="alert" data-testid="status-strip">
        <span className="tone-text-bad">{t('state.error', { what: t('status.label') })}</span> {errorText(status.error, i18n.lang)}
      </div>
    );
  }
  if (!data) {
    return (
      <div className="status-strip" role="status" aria-live="polite" data-testid="status-strip">
        {t('state.loading', { what: t('status.label') })}
      </div>
    );
  }
  const cluster = data.cluster;
  const pending = data.kinds.filter((k) => k.state === 'syncing' || k.state === 'idle').length;
  const forbidden = data.kinds.filter((k) => k.state === 'forbidden').length;
  const newest = data.kinds.map((k) => k.lastEventAt ?? '').sort().pop();
  // What the data is (a recording, read-only; synced; n forbidden) and how fresh: the age leaves a full row first.
  const state = [
    // A file (snapshot, recording, the demo) is read, never synchronized: saying so would suggest a live cluster.
    cluster.source !== 'context'
      ? t(`status.offline.${cluster.source}`)
      : cluster.connection === 'error'
        ? t('noData.unreachable')
        : data.synced
        ? t(forbidden > 0 ? 'status.allReadable' : 'status.allSynced')
        : t('status.syncingCount', { n: pending }),
    forbidden > 0 ? t('status.forbiddenCount', { n: forbidden }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  // The age of the newest change: of a replay, its last replayed change. A snapshot has none: it stands at its
  // capture, whose time is in the source tag, and its pane's clock stands there too (source-clock.ts).
  const fresh = newest && cluster.source !== 'snapshot'
    ? cluster.source !== 'context'
        ? t('status.changedAgo', { ago: ago(newest, now, i18n) })
        : ago(newest, now, i18n)
    : '';
  const summary = [state, fresh].filter(Boolean).join(' · ');

  const clusterName = localizeClusterName(cluster, t).name;
  const captured = cluster.capturedAt ? t('clusters.captured', { time: dateTime(cluster.capturedAt, lang) }) : '';
  const sourceTag = `${t(`source.${cluster.source}`)}${captured ? ` · ${captured}` : ''}`;
  // A full row gives way by priority (components/drop-to-fit.ts, trial 5 N-D8): the server version leaves first,
  // then the summary's age, then the source's capture date, then the replay's words, then what the data is
  // («Запись, только чтение», kept longest: trial 1, defect 10); only then are texts cut. What left is in the
  // cluster name's tooltip.
  const whole = [clusterName, isOffline(cluster) ? sourceTag : '', data.serverVersion ?? '', summary].filter(Boolean).join(' · ');
  return (
    <div className="status-strip" data-testid="status-strip" aria-label={t('status.label')} ref={strip}>
      {/* Two lines: which data this is, and how it is. One row in a wide pane (the lines are `display: contents`);
          two rows in a narrow one (a pane side by side, or beside a lesson), each fitted on its own
          (components/drop-to-fit.ts): on one row of 440 px «demo.json (Demo clust…» and the summary were cut
          (trial 9 of issue 8). */}
      <div className="strip-line strip-what" data-fit-line="">
        <span className={`conn-dot conn-${cluster.connection}`} aria-hidden="true" />
        <strong className="strip-name" translate={nameTranslate(cluster)} title={whole}>
          {clusterName}
        </strong>
        {isOffline(cluster) && (
          <span className="source-tag" data-testid="source-tag" title={sourceTag}>
            {t(`source.${cluster.source}`)}
            {/* The time in its own case: uppercased, «1 ДЕК. 2026 Г.» read wrong (trial 10). */}
            {captured && <span className="source-tag-time" data-drop="3">{` · ${captured}`}</span>}
          </span>
        )}
        {data.serverVersion && (
          <span className="strip-version muted" title={data.serverVersion} data-drop="1" data-testid="strip-version">
            <Verbatim>{data.serverVersion}</Verbatim>
          </span>
        )}
      </div>
      <div className="strip-line strip-how" data-fit-line="">
        <span
          role="status"
          aria-live="polite"
          className="strip-summary"
          data-testid="sync-summary"
          title={cluster.problem ? `${summary} · ${connectionProblemText(cluster.problem, t)}` : summary}
          data-drop="5"
        >
          {state}
          {fresh && <span data-drop="2">{` · ${fresh}`}</span>}
        </span>
        {data.replay && <ReplayControls clusterId={clusterId} replay={data.replay} updatedAt={status.dataUpdatedAt} />}
        {cluster.problem ? (
          // In the UI language; the full text (and the Overview) for what the one row cannot hold.
          // It leaves before the summary («Данных нет: кластер недоступен.», drop 5), whose tooltip then carries it.
          <span className="tone-text-bad strip-problem" data-testid="strip-problem" title={connectionProblemText(cluster.problem, t)} data-drop="4">
            <ConnectionProblemText problem={cluster.problem} raw={false} />
          </span>
        ) : (
          cluster.error && (
            <span className="tone-text-bad strip-problem" title={cluster.error}>
              {cluster.error}
            </span>
          )
        )}
        {/* Kinds that need attention stay in sight, one chip per state: a row of «нет прав» chips (a namespace-limited
            user) wrapped the strip at 1280 (trial 5 of issue 8). Every kind is one click away in the kinds menu. */}
        <ul className="kind-chips attention" aria-label={t('status.attention')} data-testid="attention-chips">
          {foldByState(data.kinds.filter(needsAttention)).map((group) =>
            group.length === 1 ? (
              <KindChip key={group[0]!.kind} status={group[0]!} now={now} testId={false} />
            ) : (
              <FoldedChip key={group[0]!.state} kinds={group} />
            ),
          )}
        </ul>
        <KindsMenu kinds={data.kinds} now={now} />
        {data.limitedToNamespaces && <LimitedNamespaces clusterId={clusterId} namespaces={data.limitedToNamespaces} />}
      </div>
    </div>
  );
}

/**
 * Every kind's chip, behind «Типы объектов». It closes as menus do (Escape, a press outside: trial 7 of issue 8 found
 * it open over the next table's filters after switching views, closable only by its own toggle).
 */
function KindsMenu({ kinds, now }: { kinds: readonly KindStatus[]; now: number }) {
  const { t } = useI18n();
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const onKeyDown = useDisclosureDismiss(menu, open);
  return (
    <details className="kinds-menu" ref={menu} onToggle={(e) => setOpen(e.currentTarget.open)} onKeyDown={onKeyDown} data-testid="kinds-menu">
      <summary data-testid="kinds-toggle" title={t('status.kindsTitle')}>
        {/* A narrow pane shows the short word (styles/shell.css): «Типы объектов» left no room for «Запись, только
            чтение» beside the replay on the strip's second row (trial 9 of issue 8). The title says it whole. */}
        <span className="kinds-label-long">{t('status.kinds')}</span>
        <span className="kinds-label-short">{t('status.kindsShort')}</span>
      </summary>
      <ul className="kind-chips" aria-label={t('status.label')}>
        {kinds.map((k) => (
          <KindChip key={k.kind} status={k} now={now} testId />
        ))}
      </ul>
    </details>
  );
}

/** Forbidden, failing and unfinished kinds; "not served" is normal (snapshot CRDs are often not installed). */
function needsAttention(k: KindStatus): boolean {
  return k.state === 'forbidden' || k.state === 'error' || k.state === 'syncing' || k.state === 'idle';
}

/** Kinds grouped by state, in the order their states first appear. */
export function foldByState(kinds: readonly KindStatus[]): KindStatus[][] {
  const groups = new Map<string, KindStatus[]>();
  for (const k of kinds) groups.set(k.state, [...(groups.get(k.state) ?? []), k]);
  return [...groups.values()];
}

/** Several kinds in one state as one chip: «нет прав: 5 видов», the kinds named in its tooltip. */
function FoldedChip({ kinds }: { kinds: KindStatus[] }) {
  const { t } = useI18n();
  const state = kinds[0]!.state;
  const names = kinds.map((k) => t(`kindName.${k.kind}`)).join(', ');
  return (
    <li className={`kind-chip state-${state}`} title={names} data-testid={`folded-chip-${state}`} data-kinds={kinds.map((k) => k.kind).join(' ')}>
      <span className="kind-state">{t('status.foldedChip', { state: t(`status.${state}`), n: kinds.length })}</span>
    </li>
  );
}

function KindChip({ status: k, now, testId }: { status: KindStatus; now: number; testId: boolean }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  return (
    <li
      className={`kind-chip state-${k.state}`}
      title={kindTitle(k, i18n, now)}
      data-testid={testId ? `kind-status-${k.kind}` : undefined}
      data-state={testId ? k.state : undefined}
    >
      {/* The kind in words first; kubectl's short name (pvc, sc) after it, as the identifier it is. */}
      <span className="kind-name">{t(`kindName.${k.kind}`)}</span>{' '}
      <code className="kind-short muted" translate="no">
        {SHORT_NAME_OF_RESOURCE[k.kind]}
      </code>
      <span className="kind-state">
        {k.state === 'synced' ? k.count : t(`status.${k.state}`)}
        {k.state === 'synced' && k.lastEventAt ? <span className="kind-age"> · {age(k.lastEventAt, now, lang)}</span> : null}
      </span>
    </li>
  );
}

/** Users who cannot list cluster-wide are watched per namespace; they can add namespaces by hand. */
function LimitedNamespaces({ clusterId, namespaces }: { clusterId: string; namespaces: string[] }) {
  const { t, tr, lang } = useI18n();
  const api = useApi();
  const client = useQueryClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const namespace = value.trim();
    if (!namespace) return;
    api.addNamespace({ clusterId, namespace }).then(
      (status) => {
        client.setQueryData(keys.status(clusterId), status);
        setValue('');
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e, lang)),
    );
  };
  return (
    <form className="limited" onSubmit={submit}>
      <span className="muted">{tr('status.limited', { list: <Verbatim>{namespaces.join(', ')}</Verbatim> })}</span>
      <input
        className="input small"
        aria-label={t('status.addNamespace')}
        placeholder={t('status.addNamespacePlaceholder')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button small">
        {t('status.addNamespace')}
      </button>
      {error && <span className="tone-text-bad" role="alert">{error}</span>}
    </form>
  );
}

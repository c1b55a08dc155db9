/**
 * A claim's usage in its Summary: Use % with its bar, used / capacity / free, inodes %, the chart over the kept
 * history, and "full in about N days at the current rate" when the least-squares trend rises
 * (shared/usage/trend.ts). Unknown usage says why, never 0.
 */
import { useQuery } from '@tanstack/react-query';
import type { ObjectDetail } from '../../../shared/model/detail';
import { daysToFull, usageTrend } from '../../../shared/usage/trend';
import { historyUntil } from '../../../shared/usage/usage-timeline';
import { useApi } from '../api/api-context';
import { usageHistoryQuery } from '../api/queries';
import { usePaneActions } from '../components/pane-context';
import { formatBytes } from '../format/bytes';
import { formatPercent, usageUnknownAdvice, usageUnknownText } from '../format/usage';
import { dateTime } from '../format/time';
import { useI18n } from '../i18n/i18n';
import { sourceTime, useSourceClock } from '../state/source-clock';
import { UsageBarCell } from '../tables/usage-cells';
import { UsageChart } from './UsageChart';

export function ClaimUsage({ usage }: { usage: NonNullable<ObjectDetail['usage']> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { clusterId } = usePaneActions();
  // A snapshot's usage is as of its capture: no history was kept in the file, so no chart and no trend.
  const recorded = usage.recordedAt;
  const known = usage.claim.state === 'known' && !recorded;
  const fetched = useQuery({ ...usageHistoryQuery(useApi(), clusterId, usage.key), enabled: known });
  // A replay's history stops at the replay's clock (trial 9 defect 2): one fetched at a later position (before a
  // restart, or cached while the panel was closed) must not show samples the replay has not reached. A live
  // cluster's clock is the browser's (offset 0): its points are never cut, whatever the nodes' clock skew.
  const clock = useSourceClock();
  const replayed = clock.frozenAt !== undefined || clock.offset !== 0;
  const history = { data: fetched.data && replayed ? historyUntil(fetched.data, sourceTime(clock, Date.now())) : fetched.data };
  const claim = usage.claim;
  const trend = usageTrend(history.data ?? []);
  const days = daysToFull(trend);
  const hours = trend?.secondsToFull !== undefined && trend.secondsToFull < 86_400 ? Math.max(1, Math.ceil(trend.secondsToFull / 3600)) : undefined;
  return (
    <section className="claim-usage" data-testid="claim-usage" aria-labelledby="claim-usage-title">
      <h3 id="claim-usage-title" className="section-title">
        {t('usage.section')}
      </h3>
      {claim.state === 'unknown' ? (
        <>
          <p className="muted" data-testid="claim-usage-unknown" data-reason={claim.reason}>
            {usageUnknownText(claim, i18n)}
            {claim.message ? `: ${claim.message}` : ''}
          </p>
          {/* Why and what to do, per cause: a reader is never left with "not recorded" alone. */}
          <p className="usage-advice" data-testid="claim-usage-advice" data-reason={claim.reason}>
            {usageUnknownAdvice(claim, i18n)}
          </p>
        </>
      ) : (
        <>
          <dl className="summary-list">
            <div className="summary-row" data-testid="usage-field" data-field="use">
              <dt>{t('col.usePercent')}</dt>
              <dd>
                <UsageBarCell usage={claim} ctx={{ ...i18n, now: Date.now() }} />
              </dd>
            </div>
            <div className="summary-row" data-testid="usage-field" data-field="bytes">
              <dt>{t('col.used')}</dt>
              <dd>
                {t('usage.usedOf', {
                  used: formatBytes(claim.usedBytes, i18n),
                  capacity: claim.capacityBytes === undefined ? '—' : formatBytes(claim.capacityBytes, i18n),
                  free: claim.availableBytes === undefined ? '—' : formatBytes(claim.availableBytes, i18n),
                })}
              </dd>
            </div>
            <div className="summary-row" data-testid="usage-field" data-field="inodes">
              <dt>{t('usage.inodes')}</dt>
              <dd>{claim.inodesPercent === undefined ? t('usage.inodesUnknown') : formatPercent(claim.inodesPercent, i18n)}</dd>
            </div>
            <div className="summary-row" data-testid="usage-field" data-field="node">
              <dt>{t('usage.measuredOn')}</dt>
              <dd translate="no">{claim.node}</dd>
            </div>
          </dl>
          {recorded ? (
            <p className="usage-trend muted" data-testid="usage-recorded">
              {t('usage.recordedAt', { time: dateTime(recorded, i18n.lang) })}
            </p>
          ) : (
          <>
          <p className="usage-trend" data-testid="usage-trend" data-days={days ?? ''}>
            {!trend
              ? t('usage.trendTooShort')
              : hours !== undefined
                ? t('usage.fullInHours', { n: hours })
                : days !== undefined
                  ? t('usage.fullInDays', { n: days })
                  : t('usage.notRising')}
          </p>
          <UsageChart history={history.data ?? []} {...(claim.capacityBytes !== undefined ? { capacityBytes: claim.capacityBytes } : {})} />
          </>
          )}
        </>
      )}
    </section>
  );
}

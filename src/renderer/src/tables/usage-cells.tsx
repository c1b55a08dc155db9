/** Usage cells of the claims table: a bar with its percent as text, and byte counts with a dash when unknown. */
import type { ClaimUsage } from '../../../shared/model/usage';
import { useUsageSettings } from '../api/use-usage-settings';
import { usageBytesText, usagePercentTitle, usageTone, usageUnknownAdvice, usageUnknownText, usePercentText } from '../format/usage';
import type { ColumnContext } from './column';

/**
 * The percent as text (what a screen reader reads and what the cell's title says) and a small bar beside it,
 * hidden from assistive technology because the text already says it. Unknown usage: the reason in words.
 */
export function UsageBarCell({ usage, ctx }: { usage: ClaimUsage | undefined; ctx: ColumnContext }) {
  // Coloured by the user's thresholds, as the findings are.
  const { warningPercent, problemPercent } = useUsageSettings();
  const text = usePercentText(usage, ctx);
  if (usage?.state !== 'known' || usage.usePercent === undefined) {
    // A dash in the row, the reason and what to do on hover and for screen readers: the reason in every row was cut
    // and said the same thing 40 times (trial 4, N2; trial 5).
    const why = usage?.state === 'unknown' ? `${text}. ${usageUnknownAdvice(usage, ctx)}` : text;
    return (
      <span className="usage-unknown muted" data-testid="usage-unknown" data-reason={usage?.state === 'unknown' ? usage.reason : 'checking'} title={why} aria-label={why}>
        —
      </span>
    );
  }
  const percent = Math.min(100, usage.usePercent);
  const tone = usageTone(usage.usePercent, warningPercent, problemPercent);
  return (
    <span className="usage-cell" data-testid="usage-bar" data-percent={usage.usePercent} data-tone={tone} title={usagePercentTitle(usage, ctx)}>
      <span className="usage-bar" aria-hidden="true">
        <span className={`usage-fill tone-${tone}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="usage-text">{text}</span>
    </span>
  );
}

/** Used or free bytes; a dash whose title and accessible name say why the value is unknown. */
export function UsageBytesCell({ usage, field, ctx }: { usage: ClaimUsage | undefined; field: 'usedBytes' | 'availableBytes'; ctx: ColumnContext }) {
  const text = usageBytesText(usage, field, ctx);
  if (usage?.state === 'known') return <>{text}</>;
  const why = usage ? `${usageUnknownText(usage, ctx)}. ${usageUnknownAdvice(usage, ctx)}` : ctx.t('usage.checking');
  return (
    <span className="muted" title={why} aria-label={why}>
      {text}
    </span>
  );
}

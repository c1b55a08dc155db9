/**
 * The overview's volume usage (issue 14 item 3): the fullest claims with their bars, or why usage is not known
 * (never an empty list as if every volume were empty), and the user's usage settings: how often the kubelets are
 * asked and from which percent a volume is nearly full.
 */
import { useState, type FormEvent } from 'react';
import type { Overview } from '../../../shared/model/detail';
import { USAGE_INTERVAL_BOUNDS_MS, USAGE_PERCENT_BOUNDS, usageSettingsProblem, type UsageSettings } from '../../../shared/usage/thresholds';
import { useSetUsageSettings, useUsageSettings } from '../api/use-usage-settings';
import { ObjectLink } from '../components/ObjectLink';
import { errorText } from '../components/StateMessage';
import { formatBytes } from '../format/bytes';
import { dateTime } from '../format/time';
import { useI18n } from '../i18n/i18n';
import { UsageBarCell } from '../tables/usage-cells';

export function VolumeUsageCard({ data }: { data: Overview }) {
  const i18n = useI18n();
  const { t } = i18n;
  const usage = data.usage;
  if (!usage) return null;
  const ctx = { ...i18n, now: Date.now() };
  return (
    <section className="card" aria-labelledby="ov-usage" data-testid="overview-usage" data-access={usage.access}>
      <h3 id="ov-usage" className="card-title">{t('overview.fullest')}</h3>
      {usage.access === 'allowed' ? (
        usage.fullest.length === 0 ? (
          <p className="muted">{t('overview.noneMeasured')}</p>
        ) : (
          <ul className="provisioner-list">
            {usage.fullest.map((v) => (
              <li key={`${v.namespace}/${v.claim}`} data-testid="overview-fullest" data-claim={`${v.namespace}/${v.claim}`}>
                <UsageBarCell usage={{ state: 'known', usedBytes: v.usedBytes, usePercent: v.usePercent, ...(v.capacityBytes !== undefined ? { capacityBytes: v.capacityBytes } : {}), node: v.node }} ctx={ctx} />{' '}
                <ObjectLink target={{ kind: 'persistentvolumeclaims', namespace: v.namespace, name: v.claim }} label={`${v.namespace}/${v.claim}`} />{' '}
                <span className="muted small-text">{t('overview.usedOf', { used: formatBytes(v.usedBytes, i18n), capacity: v.capacityBytes === undefined ? '—' : formatBytes(v.capacityBytes, i18n) })}</span>
              </li>
            ))}
          </ul>
        )
      ) : (
        <p className="muted" data-testid="overview-usage-unknown">
          {t(usage.access === 'forbidden' ? 'usage.forbidden' : usage.access === 'checking' ? 'usage.checking' : usage.access === 'error' ? 'usage.error' : 'usage.unsupported')}
          {/* The core's message is English: only a server's own error is shown, as its words (translate="no"). */}
          {usage.access === 'error' && usage.message ? (
            <>
              : <span translate="no">{usage.message}</span>
            </>
          ) : null}
        </p>
      )}
      {usage.recordedAt && <p className="muted small-text">{t('overview.usageRecordedAt', { time: dateTime(usage.recordedAt, i18n.lang) })}</p>}
      {!usage.recordedAt && <UsageSettingsForm />}
    </section>
  );
}

/** The poll interval (seconds in the form, ms in the contract) and the two thresholds; saved together. */
function UsageSettingsForm() {
  const { t, lang } = useI18n();
  const settings = useUsageSettings();
  const save = useSetUsageSettings();
  const [draft, setDraft] = useState<{ interval: string; warning: string; problem: string } | undefined>();
  const [invalid, setInvalid] = useState(false);
  const shown = draft ?? { interval: String(settings.intervalMs / 1000), warning: String(settings.warningPercent), problem: String(settings.problemPercent) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const change: UsageSettings = { intervalMs: Math.round(Number(shown.interval) * 1000), warningPercent: Number(shown.warning), problemPercent: Number(shown.problem) };
    // Said here in the UI language; the core checks the same rules (and answers in English) for any other caller.
    const wrong = usageSettingsProblem(change) !== undefined;
    setInvalid(wrong);
    if (!wrong) save.mutate(change, { onSuccess: () => setDraft(undefined) });
  };
  const field = (key: 'interval' | 'warning' | 'problem', label: string, min: number, max: number) => (
    <label className="usage-setting">
      {label}{' '}
      <input type="number" inputMode="numeric" min={min} max={max} step={1} value={shown[key]} onChange={(e) => setDraft({ ...shown, [key]: e.target.value })} data-testid={`usage-setting-${key}`} />
    </label>
  );
  return (
    <details className="usage-settings" data-testid="usage-settings">
      <summary>{t('usageSettings.title')}</summary>
      <form onSubmit={onSubmit}>
        <p className="muted small-text">{t('usageSettings.hint')}</p>
        {field('interval', t('usageSettings.interval'), USAGE_INTERVAL_BOUNDS_MS.min / 1000, USAGE_INTERVAL_BOUNDS_MS.max / 1000)}{' '}
        {field('warning', t('usageSettings.warning'), USAGE_PERCENT_BOUNDS.min, USAGE_PERCENT_BOUNDS.max - 1)}{' '}
        {field('problem', t('usageSettings.problem'), USAGE_PERCENT_BOUNDS.min + 1, USAGE_PERCENT_BOUNDS.max)}{' '}
        <button type="submit" className="button small" disabled={save.isPending || draft === undefined} data-testid="usage-settings-save">
          {t('usageSettings.save')}
        </button>
        {invalid ? (
          <p className="tone-text-bad" role="alert" data-testid="usage-settings-error">
            {t('usageSettings.invalid', { min: USAGE_INTERVAL_BOUNDS_MS.min / 1000, max: USAGE_INTERVAL_BOUNDS_MS.max / 1000 })}
          </p>
        ) : save.error ? (
          <p className="tone-text-bad" role="alert" data-testid="usage-settings-error">
            {errorText(save.error, lang)}
          </p>
        ) : null}
      </form>
    </details>
  );
}

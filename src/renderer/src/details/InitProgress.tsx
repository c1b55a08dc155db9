/**
 * Init containers in order with their state. The data comes from getObject, which change notices refetch,
 * so a pod's progress moves on screen as the kubelet reports it.
 */
import type { InitStepView } from '../../../shared/model/detail';
import type { UiLocale } from '../format/locale';
import { ago, clockTime } from '../format/time';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { useNow } from '../state/clock';
import { initStepMounts } from './init-mounts';
import { WholeWords } from '../components/WholeWords';

/** "09:50:10 (2m ago)": the exact time for comparing steps, the age for how stale it is. */
function clockAndAgo(iso: string, now: number, locale: UiLocale): string {
  const clock = clockTime(iso, locale.lang);
  if (!clock) return iso;
  return locale.t('init.clockAndAgo', { clock, ago: ago(iso, now, locale) });
}

const STATE_ICON: Record<InitStepView['state'], string> = { waiting: '○', running: '◐', done: '●', failed: '✕' };

export function InitProgress({ steps }: { steps: InitStepView[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const now = useNow();
  if (steps.length === 0) return <p className="muted">{t('init.none')}</p>;
  const done = steps.filter((s) => s.state === 'done').length;
  return (
    <div data-testid="init-progress">
      <p className="muted small-text" role="status" aria-live="polite">
        {t('init.progress', { done, total: steps.length })}
      </p>
      <ol className="init-steps" aria-label={t('init.title')}>
        {steps.map((step) => (
          <li key={step.name} className={`init-step init-${step.state}`} data-testid="init-step" data-state={step.state}>
            <span className="init-icon" aria-hidden="true">
              {STATE_ICON[step.state]}
            </span>
            <div className="init-body">
              <div className="init-head">
                <span className="mono">
                  {step.index + 1}.{' '}
                  <Verbatim>
                    <WholeWords text={step.name} />
                  </Verbatim>
                </span>
                <span className={`init-state-tag state-${step.state}`}>{t(`init.${step.state}`)}</span>
                {step.sidecar && <span className="type-tag">{t('init.sidecar')}</span>}
                {step.image && (
                  <Verbatim className="muted small-text mono">
                    <WholeWords text={step.image} />
                  </Verbatim>
                )}
              </div>
              <div className="init-meta small-text">
                {step.startedAt && <span title={step.startedAt}>{t('init.started', { time: clockAndAgo(step.startedAt, now, i18n) })}</span>}
                {step.finishedAt && <span title={step.finishedAt}>{t('init.finished', { time: clockAndAgo(step.finishedAt, now, i18n) })}</span>}
                {step.restarts > 0 && <span className="tone-text-bad">{t('init.restarts', { n: step.restarts })}</span>}
                {step.exitCode !== undefined && <span>{t('init.exitCode', { code: step.exitCode })}</span>}
                <span>{step.runAsUser !== undefined ? t('init.user', { uid: step.runAsUser }) : t('init.userUnknown')}</span>
              </div>
              {(step.reason || step.message) && (
                <div className="init-message small-text" translate="no">
                  {step.reason && <strong>{step.reason}</strong>} {step.message && <WholeWords text={step.message} />}
                </div>
              )}
              {initStepMounts(step.mounts).length > 0 && (
                <div className="muted small-text mono" translate="no">
                  <WholeWords text={initStepMounts(step.mounts).join(', ')} />
                </div>
              )}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

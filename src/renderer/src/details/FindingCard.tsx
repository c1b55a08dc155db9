/** One finding: its cause, the evidence (linked to the objects it is about), the fix with copyable commands, a lesson link. */
import type { Evidence, Finding } from '../../../shared/model/findings';
import { plainText, verbatim } from '../../../shared/verbatim';
import { useLessonTitles } from '../lessons/use-lesson-title';
import { CommandText } from '../components/CommandText';
import { CopyButton } from '../components/CopyButton';
import { ObjectLink } from '../components/ObjectLink';
import { usePaneActions } from '../components/pane-context';
import { useI18n } from '../i18n/i18n';
import { LocalizedText } from '../components/LocalizedText';
import { Verbatim } from '../i18n/Verbatim';
import { WholeWords } from '../components/WholeWords';
import { SeverityChip } from '../tables/cells';
import { ago, dateTime } from '../format/time';
import { useNow } from '../state/clock';

export function FindingCard({ finding }: { finding: Finding }) {
  const { t, lang } = useI18n();
  const { openLesson } = usePaneActions();
  const lessonTitle = useLessonTitles()(finding.lesson);
  return (
    <article className={`finding sev-border-${finding.severity}`} data-testid="finding" data-code={finding.code} aria-label={plainText(finding.cause[lang])} title={t('details.ruleId', { code: finding.code })}>
      <header className="finding-head">
        <SeverityChip severity={finding.severity} label={t(`severity.${finding.severity}`)} />
        <span className="finding-cause">
          <LocalizedText text={finding.cause[lang]} />
        </span>
        {/* The rule id stays at hand for scripts and bug reports (kse doctor --json prints it), but is no prose: a tooltip. */}
      </header>
      {finding.evidence.length > 0 && (
        <section aria-label={t('details.evidence')}>
          <h4 className="mini-title">{t('details.evidence')}</h4>
          <dl className="evidence">
            {finding.evidence.map((e, i) => (
              <EvidenceRow key={i} evidence={e} />
            ))}
          </dl>
        </section>
      )}
      {finding.fix.length > 0 && (
        <section aria-label={t('details.fix')}>
          <h4 className="mini-title">{t('details.fix')}</h4>
          <ol className="fix-steps">
            {finding.fix.map((step, i) => (
              <li key={i}>
                <div>
                  <LocalizedText text={step.text[lang]} />
                </div>
                {step.command && (
                  <div className="command-row">
                    <pre className="command" data-testid="fix-command" translate="no">
                      <code>
                        <CommandText text={step.command} />
                      </code>
                    </pre>
                    {/* A manifest in a here-document is too long to read out: its first line names the button. */}
                    <CopyButton text={step.command} label={step.command.includes('\n') ? t('details.copyCommand', { command: verbatim(`${step.command.split('\n')[0]} …`) }) : undefined} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {finding.lesson && (
        <button type="button" className="link-button learn" onClick={() => openLesson(finding.lesson)} data-testid="learn-link" data-lesson={finding.lesson}>
          {t('details.learn', { section: lessonTitle })}
        </button>
      )}
    </article>
  );
}

/** One line of evidence: label, the value as observed (linked when it names an object), words about it, and where it was read. */
export function EvidenceRow({ evidence: e }: { evidence: Evidence }) {
  const { tr, lang } = useI18n();
  return (
    <div className="evidence-row">
      <dt>
        <LocalizedText text={e.label[lang]} />
      </dt>
      <dd>
        {e.value &&
          (e.ref ? (
            <ObjectLink target={e.ref} label={isTimestamp(e.value) ? dateTime(e.value, lang) : e.value} />
          ) : isTimestamp(e.value) ? (
            // A time is read through Intl in the UI language, never as a raw RFC 3339 string (trial 4 defect 8).
            <time dateTime={e.value} title={e.value} data-testid="evidence-date">
              {dateTime(e.value, lang)}
            </time>
          ) : (
            <code translate="no">
              <WholeWords text={e.value} />
            </code>
          ))}
        {e.note && (
          <span className="muted">
            {e.value ? ' ' : ''}
            <LocalizedText text={e.note[lang]} />
          </span>
        )}
        {/* When it was seen goes with the value, not the label ("Renewed, just now" read as one label). */}
        {e.at && <EvidenceTime at={e.at} />}
        {e.source && (
          <span className="muted small-text evidence-source">
            {' · '}
            {tr('details.fromField', { field: (
                <code translate="no">
                  <WholeWords text={e.source} />
                </code>
              ) })}
          </span>
        )}
        {/* Event lines name their event in the label already ("Event ProvisioningFailed ×3"); e.event is for scripts. */}
        {/* ...and a value that is the event's reason already names it ("Last event: ExternalProvisioning"). */}
        {e.event && !plainText(e.label[lang]).includes(e.event) && e.value !== e.event && (
          <span className="muted small-text"> · {tr('details.fromEvent', { reason: <Verbatim>{e.event}</Verbatim> })}</span>
        )}
        {e.facts && e.facts.length > 0 && (
          <dl className="evidence-facts" data-testid="evidence-facts">
            {e.facts.map((f) => (
              <div key={f.label.en} className="evidence-fact" data-testid="evidence-fact">
                <dt>
                  <LocalizedText text={f.label[lang]} />
                </dt>
                <dd>
                  {f.value &&
                    (isTimestamp(f.value) ? (
                      <time dateTime={f.value} title={f.value}>
                        {dateTime(f.value, lang)}
                      </time>
                    ) : (
                      <code translate="no">
                        <WholeWords text={f.value} />
                      </code>
                    ))}
                  {f.note && (
                    <span className="muted">
                      {f.value ? ' ' : ''}
                      <LocalizedText text={f.note[lang]} />
                    </span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </dd>
    </div>
  );
}

/** An RFC 3339 time as the API writes it ("2026-12-01T01:13:21.893766Z"): shown through Intl. */
export function isTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** When the evidence was seen, live on the pane's clock and in the same words as the Events tab ("3s ago"). */
function EvidenceTime({ at }: { at: string }) {
  const i18n = useI18n();
  const now = useNow();
  const text = ago(at, now, i18n);
  return text ? (
    <>
      {' ('}
      <time dateTime={at} title={dateTime(at, i18n.lang)} data-testid="evidence-time">
        {text}
      </time>
      {')'}
    </>
  ) : null;
}

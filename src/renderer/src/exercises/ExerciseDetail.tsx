/**
 * One exercise: its goal and lessons, each step with its live state (done / not yet) and what the cluster shows
 * (the check's explanation, the objects it names as links that open their details beside), then the commands
 * that set it up or start it over, hints one at a time, and the solution on request. On a read-only source the
 * steps either show the cluster as recorded (`observed`) or, with nothing of the exercise there (`needs-live`), say
 * that a live cluster is needed and how to get one, listing what the steps ask without verdicts (exercise-mode.ts).
 */
import { CommandText } from '../components/CommandText';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExerciseCard } from '../../../shared/exercises/api';
import type { ExerciseMode } from '../../../shared/exercises/exercise-mode';
import type { SourceType } from '../../../shared/model/status';
import type { ExerciseResult, StepResult } from '../../../shared/exercises/model';
import { refKey } from '../../../shared/model/refs';
import { DESCRIPTOR_OF_RESOURCE } from '../../../shared/kube/resource-registry';
import { CopyButton } from '../components/CopyButton';
import { LocalizedText } from '../components/LocalizedText';
import { ObjectLink } from '../components/ObjectLink';
import { usePaneActions } from '../components/pane-context';
import { errorText, StateMessage } from '../components/StateMessage';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { useLessonTitles } from '../lessons/use-lesson-title';
import { ExerciseMarkdown } from './ExerciseMarkdown';
import { WholeWords } from '../components/WholeWords';

/** The local lab's admin context (e2e/cluster/README.md): the one that may create what the exercises ask for. */
const LAB_CONTEXT = 'lab-admin';
/** Starts the lab (its last line is the kubeconfig path) and serves the app on it (README: the local lab). */
const LAB_AND_APP = 'KUBECONFIG=$(npm run -s lab:up | tail -1) npm run web';

/** Which read-only source the words name: a snapshot, a recording (`kse record`), or the built-in demo. */
const readOnlyKind = (source: SourceType | undefined): 'snapshot' | 'recording' | 'demo' => (source === 'snapshot' || source === 'recording' ? source : 'demo');

export function ExerciseDetail({ card, check, mode = 'checked', source }: { card: ExerciseCard; check: UseQueryResult<ExerciseResult> | undefined; mode?: ExerciseMode; source?: SourceType | undefined }) {
  const { t, tr, lang } = useI18n();
  const { openLesson } = usePaneActions();
  const lessonTitle = useLessonTitles();
  const { spec, text } = card;
  return (
    <article className="exercise" data-testid="exercise" data-exercise={spec.id} aria-labelledby={`exercise-title-${spec.id}`}>
      <header className="exercise-head">
        <h3 id={`exercise-title-${spec.id}`} className="exercise-title">
          <span className="muted">{t('exercises.number', { n: spec.number })} · </span>
          {text.title}
        </h3>
        <p className="muted small-text">{tr('exercises.namespace', { namespace: (
              <Verbatim className="mono">
                <WholeWords text={spec.namespace} />
              </Verbatim>
            ) })}</p>
      </header>
      <section className="card" aria-labelledby={`exercise-goal-${spec.id}`}>
        <h4 id={`exercise-goal-${spec.id}`} className="card-title">
          {t('exercises.goal')}
        </h4>
        <ExerciseMarkdown text={text.goal} lang={lang} />
        <p className="exercise-lessons small-text">
          <span className="muted">{t('exercises.lessons')}</span>{' '}
          {spec.lessons.map((anchor, i) => (
            <span key={anchor}>
              {i > 0 && ', '}
              <button type="button" className="link-button" onClick={() => openLesson(anchor)} data-testid="exercise-lesson" data-anchor={anchor}>
                {lessonTitle(anchor)}
              </button>
            </span>
          ))}
        </p>
      </section>
      {mode === 'needs-live' ? <NeedsLiveCluster card={card} source={source} /> : <Steps card={card} check={check} observed={mode === 'observed'} source={source} />}
      <SetUp card={card} />
      <Hints card={card} />
      <Solution card={card} />
    </article>
  );
}

/**
 * On a read-only source without the exercise's objects: why nothing here can be checked, the commands that start
 * the lab and open the app on it, and what the steps ask, with no verdicts (they could never change here).
 */
function NeedsLiveCluster({ card, source }: { card: ExerciseCard; source: SourceType | undefined }) {
  const { t, tr, lang } = useI18n();
  return (
    <section className="card" aria-labelledby={`exercise-steps-${card.spec.id}`} data-testid="exercise-needs-live">
      <h4 id={`exercise-steps-${card.spec.id}`} className="card-title">
        {t('exercises.needsLive')}
      </h4>
      <p>{t(`exercises.needsLiveText.${readOnlyKind(source)}`)}</p>
      <Commands lines={[LAB_AND_APP, card.commands.lab]} label={t('exercises.copyAll')} />
      <p className="muted small-text">
        {tr('exercises.needsLiveHow', { context: (
              <Verbatim className="mono">
                <WholeWords text={LAB_CONTEXT} />
              </Verbatim>
            ) })}
      </p>
      <p className="exercise-sub">{t('exercises.stepsToDo')}</p>
      <ol className="exercise-steps">
        {card.spec.steps.map((id) => (
          <li key={id} className="exercise-step" data-testid="exercise-step" data-step={id} data-state="not-checked">
            <span className="step-mark muted" aria-hidden="true">
              ○
            </span>
            <div className="step-body">
              <ExerciseMarkdown text={card.text.steps[id] ?? id} lang={lang} inline />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Steps({ card, check, observed, source }: { card: ExerciseCard; check: UseQueryResult<ExerciseResult> | undefined; observed: boolean; source: SourceType | undefined }) {
  const { t, lang } = useI18n();
  const result = check?.data;
  let body;
  if (!result && check?.isError)
    body = <StateMessage kind="error" text={t('state.error', { what: t('exercises.steps') })} detail={errorText(check.error, lang)} onRetry={() => void check.refetch()} />;
  else if (!result) body = <StateMessage kind="loading" text={t('state.loading', { what: t('exercises.steps') })} />;
  else
    body = (
      <>
        <ol className="exercise-steps">
          {card.spec.steps.map((id) => {
            const step = result.steps.find((s) => s.step === id);
            return <Step key={id} card={card} id={id} step={step} />;
          })}
        </ol>
        {result.done && (
          <p className="exercise-all-done tone-ok" role="status" data-testid="exercise-all-done">
            ✓ {t('exercises.allDone')}
          </p>
        )}
      </>
    );
  return (
    <section className="card" aria-labelledby={`exercise-steps-${card.spec.id}`} data-testid="exercise-steps">
      <h4 id={`exercise-steps-${card.spec.id}`} className="card-title">
        {t('exercises.steps')}
      </h4>
      {observed && (
        <p className="muted small-text" data-testid="exercise-observed">
          {t(`exercises.observed.${readOnlyKind(source)}`)}
        </p>
      )}
      {body}
    </section>
  );
}

function Step({ card, id, step }: { card: ExerciseCard; id: string; step: StepResult | undefined }) {
  const { t, lang } = useI18n();
  const passed = step?.state === 'passed';
  return (
    <li className={passed ? 'exercise-step passed' : 'exercise-step'} data-testid="exercise-step" data-step={id} data-state={step?.state ?? 'unknown'}>
      <span className={passed ? 'step-mark tone-ok' : 'step-mark muted'} aria-hidden="true">
        {passed ? '✓' : '○'}
      </span>
      <div className="step-body">
        <div className="step-head">
          <ExerciseMarkdown text={card.text.steps[id] ?? id} lang={lang} inline />
          <span className={passed ? 'verdict v-alive' : 'verdict step-pending'} data-testid="step-state">
            {passed ? t('exercises.stepPassed') : t('exercises.stepFailed')}
          </span>
        </div>
        {step && (
          <p className="step-explanation" data-testid="step-explanation">
            <LocalizedText text={step.explanation[lang]} />
          </p>
        )}
        {step && step.objects.length > 0 && (
          <p className="step-objects small-text">
            {step.objects.map((ref) => (
              <ObjectLink key={`${ref.kind}/${refKey(ref)}`} target={ref} label={`${DESCRIPTOR_OF_RESOURCE[ref.kind].kind}/${refKey(ref)}`} here />
            ))}
          </p>
        )}
      </div>
    </li>
  );
}

function Commands({ lines, label }: { lines: string[]; label: string }) {
  const text = lines.join('\n');
  return (
    <div className="code-block exercise-commands">
      <pre translate="no">
        <CommandText text={text} />
      </pre>
      <CopyButton text={text} label={label} testId="copy-exercise-commands" />
    </div>
  );
}

function SetUp({ card }: { card: ExerciseCard }) {
  const { t } = useI18n();
  const { commands } = card;
  return (
    <details className="card exercise-setup" data-testid="exercise-setup">
      <summary className="card-title">{t('exercises.setUp')}</summary>
      <p className="muted small-text">{t('exercises.setUpHint')}</p>
      <h5 className="exercise-sub">{t('exercises.start')}</h5>
      <Commands lines={[commands.start]} label={t('exercises.copyAll')} />
      <h5 className="exercise-sub">{t('exercises.reset')}</h5>
      <Commands lines={commands.reset} label={t('exercises.copyAll')} />
      <h5 className="exercise-sub">{t('exercises.onLab')}</h5>
      <Commands lines={[commands.lab]} label={t('exercises.copyAll')} />
    </details>
  );
}

/** Hints one at a time, vaguest first: the student asks for the next only when the last did not help. */
function Hints({ card }: { card: ExerciseCard }) {
  const { t, lang } = useI18n();
  const [shown, setShown] = useState(0);
  const hints = card.text.hints;
  if (hints.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`exercise-hints-${card.spec.id}`} data-testid="exercise-hints">
      <h4 id={`exercise-hints-${card.spec.id}`} className="card-title">
        {t('exercises.hints')}
      </h4>
      {shown > 0 && (
        <ol className="exercise-hints">
          {hints.slice(0, shown).map((hint, i) => (
            <li key={i} data-testid="exercise-hint" aria-label={t('exercises.hint', { n: i + 1 })}>
              <ExerciseMarkdown text={hint} lang={lang} />
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button type="button" className="button small" onClick={() => setShown(shown + 1)} data-testid="show-hint">
          {t('exercises.showHint', { n: shown + 1, total: hints.length })}
        </button>
      )}
    </section>
  );
}

function Solution({ card }: { card: ExerciseCard }) {
  const { t, tr, lang } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby={`exercise-solution-${card.spec.id}`} data-testid="exercise-solution">
      <h4 id={`exercise-solution-${card.spec.id}`} className="card-title">
        {t('exercises.solution')}
      </h4>
      <button type="button" className="button small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="show-solution">
        {open ? t('exercises.hideSolution') : t('exercises.showSolution')}
      </button>
      {open && (
        <div className="exercise-solution-body" data-testid="solution-body">
          <ExerciseMarkdown text={card.text.solution} lang={lang} />
          <p className="small-text muted">{tr('exercises.solutionCommands', { dir: (
                <Verbatim className="mono">
                  <WholeWords text={card.commands.dir} />
                </Verbatim>
              ) })}</p>
          <Commands lines={card.commands.solution} label={t('exercises.copyAll')} />
        </div>
      )}
    </section>
  );
}

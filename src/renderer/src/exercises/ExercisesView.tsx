/**
 * The Exercises view: the list of exercises with each one's progress on this cluster, and the exercise chosen,
 * its steps ticking live as the student works in a terminal (every change notice re-runs the checks). The app
 * never writes to the cluster: set-up, reset and solution are commands the student copies. On a read-only source
 * (the demo, a recording, a snapshot) an exercise whose namespace is not there says it needs a live cluster and
 * how to get one, with no verdicts that could never change (exercise-mode.ts).
 */
import { useQuery } from '@tanstack/react-query';
import type { ExerciseCard } from '../../../shared/exercises/api';
import { exerciseMode, type ExerciseMode } from '../../../shared/exercises/exercise-mode';
import { useApi } from '../api/api-context';
import { statusQuery } from '../api/queries';
import type { ExerciseResult } from '../../../shared/exercises/model';
import { errorText, StateMessage } from '../components/StateMessage';
import { useI18n } from '../i18n/i18n';
import type { PaneState } from '../state/view-state';
import { ExerciseDetail } from './ExerciseDetail';
import { progressOf, useExercises, type ExerciseProgress } from './use-exercises';

export function ExercisesView({ clusterId, pane, onChange }: { clusterId: string; pane: PaneState; onChange: (change: Partial<PaneState>) => void }) {
  const { t, lang } = useI18n();
  const { cards, results, checkOf, progress, remember } = useExercises(clusterId);
  const source = useQuery(statusQuery(useApi(), clusterId)).data?.cluster.source;
  const modeOf = (c: ExerciseCard) => exerciseMode(source, results.get(c.spec.id));
  if (cards.isLoading) return <StateMessage kind="loading" text={t('state.loading', { what: t('nav.exercises') })} />;
  if (!cards.data)
    return <StateMessage kind="error" text={t('state.error', { what: t('nav.exercises') })} detail={errorText(cards.error, lang)} onRetry={() => void cards.refetch()} />;
  const all = cards.data;
  const wanted = pane.exercise ?? progress.active;
  const card = all.find((c) => c.spec.id === wanted) ?? all[0];
  const choose = (id: string) => {
    remember(id);
    // The details of an object of the previous exercise would be out of place beside the next one.
    onChange({ exercise: id, selected: undefined, trail: undefined });
  };
  return (
    <div className="exercises" data-testid="exercises">
      <nav className="exercise-list" aria-label={t('exercises.list')}>
        <ol>
          {all.map((c) => (
            <ExerciseItem key={c.spec.id} card={c} result={results.get(c.spec.id)} mode={modeOf(c)} progress={progress} current={c === card} onChoose={() => choose(c.spec.id)} />
          ))}
        </ol>
      </nav>
      {card && <ExerciseDetail key={card.spec.id} card={card} check={checkOf(card)} mode={modeOf(card)} source={source} />}
    </div>
  );
}

function ExerciseItem({ card, result, mode, progress, current, onChoose }: { card: ExerciseCard; result: ExerciseResult | undefined; mode: ExerciseMode; progress: ExerciseProgress; current: boolean; onChoose: () => void }) {
  const { t } = useI18n();
  const counts = progressOf(result);
  const finishedBefore = !result?.done && progress.finished.includes(card.spec.id);
  return (
    <li>
      <button
        type="button"
        className={current ? 'exercise-item current' : 'exercise-item'}
        aria-current={current ? 'true' : undefined}
        onClick={onChoose}
        data-testid="exercise-item"
        data-exercise={card.spec.id}
        data-done={result?.done ? 'true' : 'false'}
        data-mode={mode}
      >
        <span className="exercise-item-number" aria-hidden="true">
          {card.spec.number}
        </span>
        <span className="exercise-item-body">
          <span className="exercise-item-title">{card.text.title}</span>
          <span className="exercise-item-progress small-text" data-testid="exercise-progress">
            {mode === 'needs-live' ? (
              <span className="muted" data-testid="exercise-needs-live-short">
                {t('exercises.needsLive')}
              </span>
            ) : counts && (
              <>
                <meter min={0} max={counts.total} value={counts.passed} aria-hidden="true" />
                {result?.done ? (
                  <span className="tone-ok">✓ {t('exercises.done')}</span>
                ) : (
                  <span className="muted">{t('exercises.progress', { done: counts.passed, total: counts.total })}</span>
                )}
              </>
            )}
            {finishedBefore && (
              <span className="muted" title={t('exercises.doneBeforeHint')} data-testid="exercise-done-before">
                · {t('exercises.doneBefore')}
              </span>
            )}
          </span>
        </span>
      </button>
    </li>
  );
}

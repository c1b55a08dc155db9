/**
 * The data of the Exercises view: the cards in the UI language, every exercise checked against the open cluster
 * (refetched by change notices, api/notices.ts), and what is kept locally per cluster: the exercise last opened
 * and the exercises the student has finished there, so a reset cluster still shows "done before".
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ExerciseCard } from '../../../shared/exercises/api';
import type { ExerciseResult } from '../../../shared/exercises/model';
import { useApi } from '../api/api-context';
import { exerciseCheckQuery, exercisesQuery } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { usePersisted } from '../state/persisted';

/** What is remembered per cluster (localStorage kse.exercises.<clusterId>). */
export interface ExerciseProgress {
  /** The exercise last opened. */
  active?: string;
  /** Exercises every step of which passed at some moment on this cluster. */
  finished: string[];
}

const isProgress = (value: unknown): value is ExerciseProgress => {
  const v = value as Partial<ExerciseProgress> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.finished) && v.finished.every((x) => typeof x === 'string') && (v.active === undefined || typeof v.active === 'string');
};

/** Steps passed and in all, as a list shows them. */
export function progressOf(result: ExerciseResult | undefined): { passed: number; total: number } | undefined {
  if (!result) return undefined;
  return { passed: result.steps.filter((s) => s.state === 'passed').length, total: result.steps.length };
}

export function useExercises(clusterId: string) {
  const api = useApi();
  const { lang } = useI18n();
  const cards = useQuery(exercisesQuery(api, lang));
  const checks = useQueries({ queries: (cards.data ?? []).map((card) => exerciseCheckQuery(api, clusterId, card.spec.id)) });
  const [progress, setProgress] = usePersisted<ExerciseProgress>(`kse.exercises.${clusterId}`, { finished: [] }, isProgress);
  const results = new Map<string, ExerciseResult>();
  (cards.data ?? []).forEach((card, i) => {
    const data = checks[i]?.data;
    if (data) results.set(card.spec.id, data);
  });
  const newlyFinished = [...results.values()].filter((r) => r.done && !progress.finished.includes(r.exercise)).map((r) => r.exercise);
  const key = newlyFinished.join(',');
  // Only a newly finished exercise is worth a write (the key is empty otherwise).
  useEffect(() => {
    if (key) setProgress({ ...progress, finished: [...progress.finished, ...key.split(',')] });
  }, [key, progress, setProgress]);
  return {
    cards,
    results,
    checkOf: (card: ExerciseCard) => checks[(cards.data ?? []).indexOf(card)],
    progress,
    remember: (active: string) => {
      if (progress.active !== active) setProgress({ ...progress, active });
    },
  };
}

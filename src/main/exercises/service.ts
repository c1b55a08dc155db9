/**
 * The exercises as the core serves them (ExerciseMethods in src/shared/exercises/api.ts): the cards, read from disk
 * once per language, and a check of one exercise against a cluster's view. The CLI uses it in-process; the
 * contract handlers will be one line each over it.
 */
import { checkExercise } from '../../shared/exercises/check';
import type { ExerciseCard } from '../../shared/exercises/api';
import { resetCommands, startCommand } from '../../shared/exercises/format';
import type { ExerciseResult } from '../../shared/exercises/model';
import type { ClusterView } from '../../shared/diagnose/view';
import type { Lang } from '../../shared/model/findings';
import { exerciseDir, findExercise, loadExercises } from './load';

/** An exercise the user named that does not exist. */
export class UnknownExerciseError extends Error {}

export class ExerciseService {
  private readonly cards = new Map<Lang, Promise<ExerciseCard[]>>();

  constructor(private readonly resourcesDir: string) {}

  /** Every exercise in `lang`, in course order. Rejects with the file at fault; a later call reads the files again. */
  list(lang: Lang): Promise<ExerciseCard[]> {
    let cards = this.cards.get(lang);
    if (!cards) {
      cards = this.load(lang);
      cards.catch(() => this.cards.delete(lang));
      this.cards.set(lang, cards);
    }
    return cards;
  }

  /** One exercise by number ("5") or id ("static-binding"). Rejects with UnknownExerciseError. */
  async find(which: string, lang: Lang = 'en'): Promise<ExerciseCard> {
    const all = await this.list(lang);
    const card = findExercise(all, which);
    if (!card) throw new UnknownExerciseError(`There is no exercise "${which}". Exercises are numbered 1-${all.length}; "kse exercise list" shows them.`);
    return card;
  }

  /** Every step of one exercise checked against `view` now. */
  async check(view: ClusterView, which: string): Promise<ExerciseResult> {
    return checkExercise(view, (await this.find(which)).spec);
  }

  private async load(lang: Lang): Promise<ExerciseCard[]> {
    const exercises = await loadExercises(this.resourcesDir, lang);
    return exercises.map(({ spec, text }) => {
      const dir = exerciseDir(this.resourcesDir, spec);
      return { spec, text, lang, commands: { dir, start: startCommand(dir), reset: resetCommands(spec, dir), solution: spec.solution, lab: `npm run lab -- exercise ${spec.number}` } };
    });
  }
}

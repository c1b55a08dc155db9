/**
 * `kse exercise list | start N | hint N [K] | solution N | check N`: the lab exercises for terminal-only students.
 * Read-only like the rest of the app: `start` prints the commands that set an exercise up, `check` reads the
 * cluster and prints each step's state with the same explanations the UI shows; it exits 0 when every step passes.
 */
import { findExercise } from '../../main/exercises/load';
import { ExerciseService } from '../../main/exercises/service';
import type { ExerciseCard } from '../../shared/exercises/api';
import { plainText } from '../../shared/verbatim';
import type { CommandNamed } from '../args';
import { formatExerciseList, formatExerciseResult, formatExerciseStart, formatHint, formatSolution } from '../exercise-format';
import { chooseContext, syncContext } from '../open-and-sync';
import { CliFailure, type CliRuntime } from '../runtime';
import { json } from './json';
import { withCore } from './with-core';

async function load(service: ExerciseService, command: CommandNamed<'exercise'>): Promise<ExerciseCard[]> {
  try {
    return await service.list(command.lang);
  } catch (error) {
    throw new CliFailure(`The exercises could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function pick(all: readonly ExerciseCard[], which: string | undefined): ExerciseCard {
  const found = which === undefined ? undefined : findExercise(all, which);
  if (!found) throw new CliFailure(`There is no exercise "${which ?? ''}". Exercises are numbered 1-${all.length}; "kse exercise list" shows them.`, 2);
  return found;
}

export async function runExercise(runtime: CliRuntime, command: CommandNamed<'exercise'>): Promise<number> {
  const service = new ExerciseService(runtime.resourcesDir);
  const all = await load(service, command);
  const { lang } = command;
  switch (command.action) {
    case 'list':
      runtime.io.out(command.json ? json(all.map((e) => ({ number: e.spec.number, id: e.spec.id, namespace: e.spec.namespace, title: e.text.title }))) : formatExerciseList(all, lang));
      return 0;
    case 'start': {
      const exercise = pick(all, command.which);
      runtime.io.out(formatExerciseStart(exercise, exercise.commands, lang));
      return 0;
    }
    case 'hint': {
      const exercise = pick(all, command.which);
      const n = command.level ?? 1;
      if (n > exercise.text.hints.length) throw new CliFailure(`Exercise ${exercise.spec.number} has ${exercise.text.hints.length} hints; ask for 1-${exercise.text.hints.length}.`, 2);
      runtime.io.out(formatHint(exercise, n, lang));
      return 0;
    }
    case 'solution':
      runtime.io.out(formatSolution(pick(all, command.which), lang));
      return 0;
    case 'check': {
      const exercise = pick(all, command.which);
      return withCore(runtime, async (core) => {
        const context = await chooseContext(runtime, command.context);
        const { status } = await syncContext(core, runtime, context, command.timeoutSeconds);
        // The same contract call the app's Exercises view makes.
        const result = await core.invoke('checkExercise', { clusterId: status.cluster.id, exercise: exercise.spec.id });
        const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' ? plainText(v) : v)));
        const colour = !command.json && runtime.io.isTTY;
        runtime.io.out(command.json ? json(plain(result)) : formatExerciseResult(exercise, result, lang, colour), { ownColours: colour });
        return result.done ? 0 : 1;
      });
    }
  }
}

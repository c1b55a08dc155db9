/**
 * Plain-text output of `kse exercise`: the list, an exercise's goal and setup commands, hints, the solution, and a
 * check's step-by-step result, in English or Russian. Pure; texts from the cluster are made terminal-safe, and the
 * isolate marks around cluster values (shared/verbatim.ts) are dropped.
 */
import type { ExerciseCommands } from '../shared/exercises/api';
import type { Exercise, ExerciseResult } from '../shared/exercises/model';
import type { Lang } from '../shared/model/findings';
import { sanitizeForTerminal } from '../shared/terminal-text';
import { plainText } from '../shared/verbatim';

const W = {
  exercises: { en: 'Exercises', ru: 'Упражнения' },
  namespace: { en: 'namespace', ru: 'пространство имён' },
  goal: { en: 'Goal', ru: 'Цель' },
  steps: { en: 'Steps', ru: 'Шаги' },
  lessons: { en: 'Lessons', ru: 'Уроки' },
  setup: {
    en: 'Set it up (the app never writes to your cluster: run this yourself)',
    ru: 'Подготовка (приложение ничего не пишет в кластер: выполните это сами)',
  },
  reset: { en: 'Start over (deletes the namespace and what the exercise created)', ru: 'Начать заново (удаляет пространство имён и всё, что создало упражнение)' },
  lab: { en: 'On the lab, the same in one command', ru: 'В лаборатории то же одной командой' },
  next: { en: 'Progress', ru: 'Прогресс' },
  hint: { en: 'Hint', ru: 'Подсказка' },
  noMoreHints: { en: 'That was the last hint; the solution', ru: 'Это последняя подсказка; решение' },
  moreHints: { en: 'Next hint', ru: 'Следующая подсказка' },
  solution: { en: 'Solution', ru: 'Решение' },
  commands: { en: 'Commands (in the exercise directory)', ru: 'Команды (в каталоге упражнения)' },
  done: { en: 'All steps pass: exercise done.', ru: 'Все шаги пройдены: упражнение выполнено.' },
  passed: { en: 'steps passed', ru: 'шагов пройдено' },
} satisfies Record<string, Record<Lang, string>>;

/** Terminal-safe plain text; line breaks of multi-line texts (goals, solutions) are kept. */
const s = (text: string) => plainText(text).split('\n').map(sanitizeForTerminal).join('\n');
const indent = (text: string, by: string) => text.trim().split('\n').map((line) => `${by}${line}`).join('\n');

export function formatExerciseList(exercises: readonly Exercise[], lang: Lang): string {
  const lines = [`${W.exercises[lang]}:`];
  for (const { spec, text } of exercises) lines.push(`  ${String(spec.number).padStart(2)}. ${s(text.title)}  (${W.namespace[lang]} ${spec.namespace})`);
  lines.push('', lang === 'ru' ? 'kse exercise start N — цель и команда подготовки; kse exercise check N — проверка.' : 'kse exercise start N: the goal and the setup command; kse exercise check N: the check.');
  return `${lines.join('\n')}\n`;
}

export function formatExerciseStart({ spec, text }: Exercise, commands: Pick<ExerciseCommands, 'start' | 'reset' | 'lab'>, lang: Lang): string {
  const lines = [
    `${spec.number}. ${s(text.title)}`,
    '',
    `${W.goal[lang]}:`,
    indent(s(text.goal), '  '),
    '',
    `${W.steps[lang]}:`,
    ...spec.steps.map((step, i) => `  ${i + 1}. ${s(text.steps[step] ?? step)}`),
    '',
    `${W.lessons[lang]}: ${spec.lessons.join(', ')}`,
    '',
    `${W.setup[lang]}:`,
    `  ${s(commands.start)}`,
    '',
    `${W.reset[lang]}:`,
    ...commands.reset.map((line) => `  ${s(line)}`),
    '',
    `${W.lab[lang]}: ${s(commands.lab)}`,
    `${W.next[lang]}: kse exercise check ${spec.number}   ${W.hint[lang]}: kse exercise hint ${spec.number} 1`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Hint `n` (1-based) of the exercise; after the last one, points to the solution. */
export function formatHint({ spec, text }: Exercise, n: number, lang: Lang): string {
  const hint = text.hints[n - 1] ?? '';
  const more = n < text.hints.length ? `${W.moreHints[lang]}: kse exercise hint ${spec.number} ${n + 1}` : `${W.noMoreHints[lang]}: kse exercise solution ${spec.number}`;
  return `${W.hint[lang]} ${n}/${text.hints.length}: ${s(hint)}\n\n${more}\n`;
}

export function formatSolution({ spec, text }: Exercise, lang: Lang): string {
  return `${W.solution[lang]}:\n${indent(s(text.solution), '  ')}\n\n${W.commands[lang]}:\n${spec.solution.map((line) => `  $ ${s(line)}`).join('\n')}\n`;
}

export function formatExerciseResult({ spec, text }: Exercise, result: ExerciseResult, lang: Lang, color: boolean): string {
  const paint = (code: string, value: string) => (color ? `\u001b[${code}m${value}\u001b[0m` : value);
  const passed = result.steps.filter((r) => r.state === 'passed').length;
  const lines = [`${spec.number}. ${s(text.title)}  (${W.namespace[lang]} ${result.namespace}): ${passed}/${result.steps.length} ${W.passed[lang]}`, ''];
  result.steps.forEach((r, i) => {
    const mark = r.state === 'passed' ? paint('32', '✓') : paint('31', '✗');
    lines.push(`${mark} ${i + 1}. ${s(text.steps[r.step] ?? r.step)}`);
    lines.push(indent(s(r.explanation[lang]), '     ') + (r.finding ? `  [${r.finding.code}]` : ''));
  });
  if (result.done) lines.push('', paint('32', W.done[lang]));
  return `${lines.join('\n')}\n`;
}

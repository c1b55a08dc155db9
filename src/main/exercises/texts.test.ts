/**
 * The words of every exercise name the student's objects as code (`reports`), never as prose: in the Russian UI a
 * bare Latin name reads as untranslated English (the Russian scan of the lab journey caught "Заявка reports в
 * состоянии Bound"), and the page must not machine-translate it. The names are those the exercise's own manifests
 * create (start.yaml, solution.yaml: objects, containers, nodes they pin to), so the test follows the exercises.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exerciseDir, loadExercises, loadExerciseSpecs } from './load';

const RESOURCES = resolve(__dirname, '../../../resources');

/** Names a manifest gives: metadata.name, container and init container names, nodeSelector values, hostPath paths. */
function namesIn(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) namesIn(item, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const [key, inner] of Object.entries(record)) {
    if ((key === 'name' || key === 'claimName' || key === 'volumeName' || key === 'path') && typeof inner === 'string' && /[a-z]/.test(inner)) out.add(inner);
    if (key === 'nodeSelector' && inner && typeof inner === 'object') for (const v of Object.values(inner)) if (typeof v === 'string') out.add(v);
    namesIn(inner, out);
  }
}

async function manifestNames(dir: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const file of ['start.yaml', 'solution.yaml']) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => '');
    for (const doc of parseAllDocuments(text)) namesIn(doc.toJS(), names);
  }
  return names;
}

/** Bare occurrences of `names` in markdown text: outside `code` spans, as whole words. */
function bareNames(text: string, names: ReadonlySet<string>): string[] {
  const prose = text.replace(/`[^`]*`/g, ' ');
  const found: string[] = [];
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    if (new RegExp(`(^|[^A-Za-z0-9_./-])${escaped}($|[^A-Za-z0-9_/-])`).test(prose)) found.push(name);
  }
  return found;
}

describe('exercise texts in Russian name the objects as code', async () => {
  const specs = await loadExerciseSpecs(RESOURCES);
  const exercises = await loadExercises(RESOURCES, 'ru');

  it('covers every exercise', () => {
    expect(exercises.map((e) => e.spec.id)).toEqual(specs.map((s) => s.id));
  });

  for (const spec of specs) {
    it(`${spec.id}: goal, steps, hints and solution`, async () => {
      const names = await manifestNames(exerciseDir(RESOURCES, spec));
      names.add(spec.namespace);
      expect(names.size, 'names read from the manifests').toBeGreaterThan(1);
      const exercise = exercises.find((e) => e.spec.id === spec.id);
      const text = exercise?.text;
      expect(text).toBeDefined();
      if (!text) return;
      const parts: [string, string][] = [['goal', text.goal], ...Object.entries(text.steps).map(([id, s]) => [`step ${id}`, s] as [string, string]), ...text.hints.map((h, i) => [`hint ${i + 1}`, h] as [string, string]), ['solution', text.solution]];
      const bare = parts.flatMap(([where, s]) => bareNames(s, names).map((n) => `${where}: ${n}`));
      expect(bare, 'names outside `code` in the Russian text').toEqual([]);
    });
  }
});

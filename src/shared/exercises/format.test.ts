/// <reference types="vite/client" />
// The exercise files are read through Vite's glob import (src/shared is also type-checked for the browser).
import { describe, expect, it } from 'vitest';
import { LANGS } from '../model/findings';
import { EXERCISE_CHECKS } from './checks';
import { ExerciseFormatError, parseExerciseSpec, parseExerciseText, resetCommands, startCommand } from './format';

const files = import.meta.glob<string>('../../../resources/exercises/**/*.yaml', { query: '?raw', import: 'default', eager: true });
const ROOT = '../../../resources/exercises/';
const rel = (path: string) => path.slice(ROOT.length);

const specs = Object.entries(files)
  .filter(([path]) => /^\d{2}-[^/]+\/exercise\.yaml$/.test(rel(path)))
  .map(([path, text]) => parseExerciseSpec(rel(path).split('/')[0] ?? '', text))
  .sort((a, b) => a.number - b.number);

describe('the exercise files', () => {
  it('hold at least ten exercises, numbered 1..N, each in a namespace of its own', () => {
    expect(specs.length).toBeGreaterThanOrEqual(10);
    expect(specs.map((s) => s.number)).toEqual(specs.map((_, i) => i + 1));
    expect(new Set(specs.map((s) => s.namespace)).size).toBe(specs.length);
  });

  it.each(specs.map((s) => [s.id, s] as const))('%s: a check for every step and a step for every check', (_, spec) => {
    expect(Object.keys(EXERCISE_CHECKS[spec.id] ?? {}).sort()).toEqual([...spec.steps].sort());
  });

  it.each(specs.map((s) => [s.id, s] as const))('%s: a starting state that creates its namespace, and a solution', (_, spec) => {
    const dir = `${ROOT}${String(spec.number).padStart(2, '0')}-${spec.id}/`;
    const start = files[`${dir}start.yaml`];
    expect(start, 'start.yaml').toBeDefined();
    expect(start).toMatch(new RegExp(`kind: Namespace\\s+metadata:\\s+name: ${spec.namespace}\\b`));
    expect(spec.solution.length).toBeGreaterThan(0);
    for (const line of spec.solution.filter((l) => l.includes('-f solution.yaml'))) expect(files[`${dir}solution.yaml`], line).toBeDefined();
  });

  it.each(specs.flatMap((s) => LANGS.map((lang) => [s.id, lang, s] as const)))('%s (%s): title, goal, a text per step, hints and a solution', (_, lang, spec) => {
    const path = `${ROOT}${lang}/${String(spec.number).padStart(2, '0')}-${spec.id}.yaml`;
    expect(files[path], path).toBeDefined();
    const text = parseExerciseText(path, files[path] ?? '', spec);
    expect(Object.keys(text.steps)).toEqual(spec.steps);
    expect(text.hints.length).toBeGreaterThanOrEqual(2);
  });

  it('has no text files without an exercise', () => {
    const texts = Object.keys(files).map(rel).filter((p) => /^(en|ru)\//.test(p));
    const known = new Set(specs.map((s) => `${String(s.number).padStart(2, '0')}-${s.id}.yaml`));
    expect(texts.filter((p) => !known.has(p.slice(3)))).toEqual([]);
  });
});

describe('format errors say which file and what to write', () => {
  const good = 'id: demo\nnamespace: ex-demo\nlessons: [emptydir]\nsteps: [one]\nsolution: [kubectl apply -f solution.yaml]\n';
  it('accepts a minimal spec', () => {
    expect(parseExerciseSpec('01-demo', good)).toMatchObject({ id: 'demo', number: 1, namespace: 'ex-demo', steps: ['one'], clusterObjects: [] });
  });
  it.each([
    ['1-demo', good, /named NN-id/],
    ['01-demo', 'id: other\n' + good.split('\n').slice(1).join('\n'), /differs from the directory/],
    ['01-demo', good.replace('ex-demo', 'Ex_Demo'), /not a valid namespace/],
    ['01-demo', good.replace('[emptydir]', '[no-such-section]'), /unknown lesson section/],
    ['01-demo', good.replace('[one]', '[one, one]'), /distinct step ids/],
    ['01-demo', good + 'clusterObjects: [pods/x]\n', /persistentvolumes\/NAME/],
    ['01-demo', ': : :', /not valid YAML/],
    ['01-demo', '- a list', /map of fields/],
  ])('%s %#', (dir, text, message) => {
    expect(() => parseExerciseSpec(dir, text)).toThrow(ExerciseFormatError);
    expect(() => parseExerciseSpec(dir, text)).toThrow(message);
  });
  it('a text must cover exactly the steps', () => {
    const spec = parseExerciseSpec('01-demo', good);
    const text = 'id: demo\ntitle: T\ngoal: G\nhints: [h]\nsolution: S\nsteps:\n';
    expect(() => parseExerciseText('en/01-demo.yaml', `${text}  two: x\n`, spec)).toThrow(/"one" must be a non-empty text/);
    expect(() => parseExerciseText('en/01-demo.yaml', `${text}  one: x\n  two: y\n`, spec)).toThrow(/two are not in exercise.yaml/);
  });
});

describe('commands', () => {
  const spec = parseExerciseSpec('05-demo', 'id: demo\nnamespace: ex-demo\nlessons: [emptydir]\nsteps: [one]\nclusterObjects: [persistentvolumes/ex-pv]\nsolution: [x]\n');
  it('a reset deletes the namespace, the cluster objects and volumes left by its claims, then applies the start', () => {
    const lines = resetCommands(spec, '/opt/kse/resources/exercises/05-demo');
    expect(lines[0]).toBe('kubectl delete namespace ex-demo --ignore-not-found --wait --timeout=120s');
    expect(lines[1]).toBe('kubectl delete persistentvolumes ex-pv --ignore-not-found --wait --timeout=60s');
    expect(lines[2]).toContain('@.spec.claimRef.namespace=="ex-demo"');
    expect(lines.at(-1)).toBe('kubectl apply -f /opt/kse/resources/exercises/05-demo/start.yaml');
  });
  it('quotes a directory with spaces', () => {
    expect(startCommand("/home/a b/it's")).toBe(`kubectl apply -f '/home/a b/it'\\''s/start.yaml'`);
  });
});

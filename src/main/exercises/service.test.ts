import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureView, type FixtureObjects } from '../../shared/diagnose/testing/fixture-view';
import capture from '../../shared/exercises/testdata/static-binding.json';
import { ExerciseService, UnknownExerciseError } from './service';

const RESOURCES = resolve(__dirname, '../../../resources');

describe('ExerciseService', () => {
  const service = new ExerciseService(RESOURCES);

  it('serves the cards in course order in each language, with the commands to copy', async () => {
    const [en, ru] = await Promise.all([service.list('en'), service.list('ru')]);
    expect(en.map((c) => c.spec.number)).toEqual(en.map((_, i) => i + 1));
    expect(ru.map((c) => c.spec.id)).toEqual(en.map((c) => c.spec.id));
    const five = en[4];
    expect(five?.spec.id).toBe('static-binding');
    expect(five?.commands).toEqual({
      dir: join(RESOURCES, 'exercises', '05-static-binding'),
      start: `kubectl apply -f ${join(RESOURCES, 'exercises', '05-static-binding', 'start.yaml')}`,
      reset: expect.arrayContaining(['kubectl delete namespace ex-static --ignore-not-found --wait --timeout=120s']) as unknown,
      solution: ['kubectl apply -f solution.yaml'],
      lab: 'npm run lab -- exercise 5',
    });
    expect(ru[4]?.text.title).toBe('Статический PersistentVolume и его заявка');
    expect(await service.list('en')).toBe(en); // read once
  });

  it('checks an exercise by number or id against a cluster view', async () => {
    const view = fixtureView(capture.passing.objects as unknown as FixtureObjects, { now: capture.passing.capturedAt });
    expect((await service.check(view, '5')).done).toBe(true);
    const start = fixtureView(capture.start.objects as unknown as FixtureObjects, { now: capture.start.capturedAt });
    const result = await service.check(start, 'static-binding');
    expect(result.steps.map((s) => [s.step, s.state])).toEqual([['volume', 'failed'], ['bound', 'failed']]);
    await expect(service.check(view, '99')).rejects.toThrow(UnknownExerciseError);
  });

  it('names the file at fault, and reads again once it is fixed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kse-exercises-'));
    await cp(join(RESOURCES, 'exercises'), join(dir, 'exercises'), { recursive: true });
    const broken = join(dir, 'exercises', 'ru', '03-memory-emptydir.yaml');
    await writeFile(broken, 'id: memory-emptydir\ntitle: T\n');
    const own = new ExerciseService(dir);
    await expect(own.list('ru')).rejects.toThrow(/ru\/03-memory-emptydir\.yaml: "steps" must map each step id to its text/);
    await cp(join(RESOURCES, 'exercises', 'ru', '03-memory-emptydir.yaml'), broken);
    expect((await own.list('ru')).length).toBeGreaterThanOrEqual(10);
    await mkdir(join(dir, 'exercises', '11-extra'));
    await expect(new ExerciseService(dir).list('en')).rejects.toThrow(/11-extra\/exercise\.yaml cannot be read \(ENOENT\): every exercise directory needs one/);
  });
});

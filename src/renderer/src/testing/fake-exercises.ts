/**
 * Exercises for component tests (never shipped as a data source): two cards in the shape listExercises returns,
 * and check results a test can change before it sends a notice, as a student's kubectl would change the cluster.
 */
import type { ExerciseCard } from '../../../shared/exercises/api';
import type { ExerciseResult } from '../../../shared/exercises/model';
import type { Lang } from '../../../shared/model/findings';
import { verbatim } from '../../../shared/verbatim';

const WORDS = {
  en: {
    static: { title: 'A static PV and its claim', goal: 'Create volume `ex-static-pv` and claim **data** so that they bind.', pv: 'Volume ex-static-pv exists.', bound: 'Claim data is Bound.', hints: ['Look at the class.', 'Both need the same class.'], solution: 'Apply the volume and the claim.' },
    wffc: { title: 'WaitForFirstConsumer', goal: 'Create pod **consumer**.', consumer: 'A pod uses claim waiting.', bound: 'Claim waiting is Bound.', hints: ['Describe the claim.'], solution: 'Create the pod.' },
  },
  ru: {
    static: { title: 'Статический PV и его заявка', goal: 'Создайте том `ex-static-pv` и заявку **data**, чтобы они связались.', pv: 'Том ex-static-pv существует.', bound: 'Заявка data в состоянии Bound.', hints: ['Посмотрите на класс.', 'Класс у обоих должен совпадать.'], solution: 'Примените том и заявку.' },
    wffc: { title: 'WaitForFirstConsumer — привязка через под', goal: 'Создайте под **consumer**.', consumer: 'Заявку waiting использует под.', bound: 'Заявка waiting в состоянии Bound.', hints: ['Посмотрите describe заявки.'], solution: 'Создайте под.' },
  },
} as const;

export function fakeExerciseCards(lang: Lang): ExerciseCard[] {
  const w = WORDS[lang];
  const commands = (n: number, dir: string) => ({
    dir: `/opt/kse/resources/exercises/${dir}`,
    start: `kubectl apply -f /opt/kse/resources/exercises/${dir}/start.yaml`,
    reset: [`kubectl delete namespace ${dir} --ignore-not-found --wait`, `kubectl apply -f /opt/kse/resources/exercises/${dir}/start.yaml`],
    solution: ['kubectl apply -f solution.yaml'],
    lab: `npm run lab -- exercise ${n}`,
  });
  return [
    {
      lang,
      spec: { id: 'static-binding', number: 5, namespace: 'ex-static', lessons: ['persistent-volume', 'static-binding'], steps: ['pv', 'bound'], clusterObjects: ['persistentvolumes/ex-static-pv'], solution: ['kubectl apply -f solution.yaml'] },
      text: { id: 'static-binding', title: w.static.title, goal: w.static.goal, steps: { pv: w.static.pv, bound: w.static.bound }, hints: [...w.static.hints], solution: w.static.solution },
      commands: commands(5, '05-static-binding'),
    },
    {
      lang,
      spec: { id: 'wait-for-first-consumer', number: 7, namespace: 'ex-wffc', lessons: ['binding-modes'], steps: ['consumer', 'bound'], clusterObjects: [], solution: ['kubectl apply -f solution.yaml'] },
      text: { id: 'wait-for-first-consumer', title: w.wffc.title, goal: w.wffc.goal, steps: { consumer: w.wffc.consumer, bound: w.wffc.bound }, hints: [...w.wffc.hints], solution: w.wffc.solution },
      commands: commands(7, '07-wait-for-first-consumer'),
    },
  ];
}

const v = verbatim;

/** Exercise 5 half done: the volume exists, the claim waits for a class that does not exist. */
export function halfDoneStatic(): ExerciseResult {
  return {
    exercise: 'static-binding',
    namespace: 'ex-static',
    checkedAt: Date.parse('2026-11-28T09:00:00Z'),
    done: false,
    present: true,
    steps: [
      { step: 'pv', state: 'passed', explanation: { en: `Volume ${v('ex-static-pv')} is Available.`, ru: `Том ${v('ex-static-pv')} в состоянии Available.` }, objects: [{ kind: 'persistentvolumes', name: 'ex-static-pv' }] },
      {
        step: 'bound',
        state: 'failed',
        explanation: { en: `Claim ${v('data')} is Pending. It asks for StorageClass ${v('fast-sdd')}, which does not exist.`, ru: `Заявка ${v('data')} в состоянии Pending. Она просит StorageClass ${v('fast-sdd')}, которого нет.` },
        objects: [{ kind: 'persistentvolumeclaims', namespace: 'ex-static', name: 'data' }],
        finding: { code: 'claim.class-missing', severity: 'problem' },
      },
    ],
  };
}

/** Exercise 5 done: the claim bound to the volume. */
export function doneStatic(): ExerciseResult {
  const half = halfDoneStatic();
  return {
    ...half,
    done: true,
    steps: [
      half.steps[0]!,
      { step: 'bound', state: 'passed', explanation: { en: `Claim ${v('data')} is Bound to volume ${v('ex-static-pv')}.`, ru: `Заявка ${v('data')} в состоянии Bound, её том — ${v('ex-static-pv')}.` }, objects: [{ kind: 'persistentvolumeclaims', namespace: 'ex-static', name: 'data' }, { kind: 'persistentvolumes', name: 'ex-static-pv' }] },
    ],
  };
}

/** Exercise 7 not started: nothing in its namespace. */
export function notStartedWffc(): ExerciseResult {
  const missing = { en: `There is no pod ${v('consumer')} in namespace ${v('ex-wffc')} yet.`, ru: `В пространстве имён ${v('ex-wffc')} ещё нет пода ${v('consumer')}.` };
  return {
    exercise: 'wait-for-first-consumer',
    namespace: 'ex-wffc',
    checkedAt: Date.parse('2026-11-28T09:00:00Z'),
    done: false,
    present: false,
    steps: [
      { step: 'consumer', state: 'failed', explanation: missing, objects: [] },
      { step: 'bound', state: 'failed', explanation: { en: `There is no claim ${v('waiting')} in namespace ${v('ex-wffc')}.`, ru: `В пространстве имён ${v('ex-wffc')} нет заявки ${v('waiting')}.` }, objects: [] },
    ],
  };
}

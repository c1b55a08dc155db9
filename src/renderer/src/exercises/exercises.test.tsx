// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { useNoticeInvalidation } from '../api/notices';
import { App } from '../App';
import { createFakeApi } from '../testing/fake-api';
import { doneStatic } from '../testing/fake-exercises';
import { renderWithApp, stubLayout } from '../testing/render';
import { hashToState, stateToHash, type ViewState } from '../state/view-state';

afterEach(cleanup);
beforeAll(stubLayout);
beforeEach(() => localStorage.clear());

/** The app as main.tsx mounts it: notices from the core invalidate the queries they affect. */
function AppWithNotices() {
  useNoticeInvalidation(useApi(), useQueryClient());
  return <App />;
}

/**
 * A cluster the student can change (a kubeconfig context): exercises are checked live there. The fake's own cluster
 * is the demo, a read-only recording, where they are not (see 'on a read-only source' below).
 */
function live() {
  const api = createFakeApi();
  const status = api.clusterStatus;
  api.clusterStatus = (req) => status(req).then((s) => ({ ...s, cluster: { ...s.cluster, source: 'context' as const } }));
  return api;
}

const exercisesView = (exercise?: string): ViewState => ({ open: ['demo'], panes: [{ cluster: 'demo', view: 'exercises', filters: {}, ...(exercise ? { exercise } : {}) }] });

const stepOf = (id: string) => screen.getAllByTestId('exercise-step').find((el) => el.dataset.step === id)!;
const itemOf = (id: string) => screen.getAllByTestId('exercise-item').find((el) => el.dataset.exercise === id)!;

describe('the Exercises view', () => {
  it('is in the view navigation, in both languages', async () => {
    renderWithApp(<App />, { api: live(), view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'overview', filters: {} }] }, lang: 'ru' });
    const nav = await screen.findByTestId('nav-exercises');
    expect(nav.textContent).toContain('Упражнения');
    fireEvent.click(nav);
    expect(await screen.findByTestId('exercises')).toBeTruthy();
    expect(screen.getByTestId('view-title').textContent).toContain('Упражнения');
    cleanup();
    renderWithApp(<App />, { api: live(), view: exercisesView() });
    expect((await screen.findByTestId('nav-exercises')).textContent).toContain('Exercises');
  });

  it('lists the exercises with their progress on this cluster, and opens the first', async () => {
    const { api } = renderWithApp(<App />, { api: live(), view: exercisesView(), lang: 'ru' });
    await waitFor(() => expect(itemOf('static-binding').textContent).toContain('1 из 2 шагов'));
    expect(itemOf('wait-for-first-consumer').textContent).toContain('0 из 2 шагов');
    expect(screen.getByTestId('exercise').getAttribute('data-exercise')).toBe('static-binding');
    expect(itemOf('static-binding').getAttribute('aria-current')).toBe('true');
    // Every exercise is checked against the open cluster, by id.
    expect(api.calls.filter((c) => c.method === 'checkExercise').map((c) => c.req)).toEqual(
      expect.arrayContaining([{ clusterId: 'demo', exercise: 'static-binding' }, { clusterId: 'demo', exercise: 'wait-for-first-consumer' }]),
    );
  });

  it("shows each step's state with the check's explanation and the objects it names", async () => {
    renderWithApp(<App />, { api: live(), view: exercisesView('static-binding'), lang: 'ru' });
    await waitFor(() => expect(stepOf('bound').getAttribute('data-state')).toBe('failed'));
    expect(stepOf('pv').getAttribute('data-state')).toBe('passed');
    expect(within(stepOf('pv')).getByTestId('step-state').textContent).toContain('Выполнен');
    const bound = stepOf('bound');
    expect(within(bound).getByTestId('step-state').textContent).toContain('Ещё нет');
    // What the step asks, in the exercise's words.
    expect(bound.textContent).toContain('Заявка data в состоянии Bound.');
    expect(within(bound).getByTestId('step-explanation').textContent).toContain('Заявка data в состоянии Pending. Она просит StorageClass fast-sdd, которого нет.');
    // Cluster values inside the explanation stay untranslated.
    expect(within(bound).getByText('fast-sdd').closest('[translate="no"]')).not.toBeNull();
    const link = within(bound).getByTestId('object-link');
    expect(link.getAttribute('data-name')).toBe('data');
    expect(screen.queryByTestId('exercise-all-done')).toBeNull();
  });

  it('ticks a step when a change notice arrives and the cluster shows it done, and remembers it per cluster', async () => {
    const api = live();
    renderWithApp(<AppWithNotices />, { api, view: exercisesView('static-binding'), lang: 'ru' });
    await waitFor(() => expect(stepOf('bound').getAttribute('data-state')).toBe('failed'));
    // The student fixed the claim in a terminal: the core's store changed and it says so.
    api.exerciseResults['static-binding'] = doneStatic();
    act(() => api.emit({ type: 'changed', clusterId: 'demo', kinds: ['persistentvolumeclaims'], tables: ['claims'], revision: 2 }));
    await waitFor(() => expect(stepOf('bound').getAttribute('data-state')).toBe('passed'));
    expect(within(stepOf('bound')).getByTestId('step-explanation').textContent).toContain('Заявка data в состоянии Bound, её том — ex-static-pv.');
    expect(screen.getByTestId('exercise-all-done').textContent).toContain('Все шаги выполнены');
    expect(itemOf('static-binding').getAttribute('data-done')).toBe('true');
    await waitFor(() => expect(JSON.parse(localStorage.getItem('kse.exercises.demo') ?? '{}')).toMatchObject({ finished: ['static-binding'] }));
  });

  it('says "done before" for an exercise finished earlier on this cluster that the cluster no longer shows done', async () => {
    localStorage.setItem('kse.exercises.demo', JSON.stringify({ finished: ['wait-for-first-consumer'], active: 'wait-for-first-consumer' }));
    renderWithApp(<App />, { api: live(), view: exercisesView(), lang: 'en' });
    // The exercise last opened on this cluster is the one shown.
    await waitFor(() => expect(screen.getByTestId('exercise').getAttribute('data-exercise')).toBe('wait-for-first-consumer'));
    expect(within(itemOf('wait-for-first-consumer')).getByTestId('exercise-done-before').textContent).toContain('Done before');
    expect(within(itemOf('static-binding')).queryByTestId('exercise-done-before')).toBeNull();
  });

  it('discloses hints one at a time and the solution on request', async () => {
    renderWithApp(<App />, { api: live(), view: exercisesView('static-binding'), lang: 'ru' });
    const hints = await screen.findByTestId('exercise-hints');
    expect(within(hints).queryAllByTestId('exercise-hint')).toHaveLength(0);
    fireEvent.click(within(hints).getByTestId('show-hint'));
    expect(within(hints).getAllByTestId('exercise-hint')).toHaveLength(1);
    expect(within(hints).getByTestId('exercise-hint').textContent).toContain('Посмотрите на класс.');
    expect(within(hints).getByTestId('show-hint').textContent).toContain('Показать подсказку 2 из 2');
    fireEvent.click(within(hints).getByTestId('show-hint'));
    expect(within(hints).getAllByTestId('exercise-hint')).toHaveLength(2);
    // No more hints to ask for.
    expect(within(hints).queryByTestId('show-hint')).toBeNull();

    const solution = screen.getByTestId('exercise-solution');
    expect(within(solution).queryByTestId('solution-body')).toBeNull();
    fireEvent.click(within(solution).getByTestId('show-solution'));
    const body = within(solution).getByTestId('solution-body');
    expect(body.textContent).toContain('Примените том и заявку.');
    expect(body.querySelector('pre')?.textContent).toContain('kubectl apply -f solution.yaml');
    expect(within(solution).getByTestId('show-solution').getAttribute('aria-expanded')).toBe('true');
  });

  it('opens a named object beside the exercise and a lesson the exercise practises', async () => {
    renderWithApp(<App />, { api: live(), view: exercisesView('static-binding') });
    await waitFor(() => expect(stepOf('bound').getAttribute('data-state')).toBe('failed'));
    fireEvent.click(within(stepOf('bound')).getByTestId('object-link'));
    // The details open beside the exercise, which stays in view.
    expect(await screen.findByTestId('details-panel')).toBeTruthy();
    expect(screen.getByTestId('exercise')).toBeTruthy();
    const lesson = screen.getAllByTestId('exercise-lesson').find((el) => el.dataset.anchor === 'static-binding')!;
    fireEvent.click(lesson);
    expect(await screen.findByTestId('lesson-panel')).toBeTruthy();
  });

  it('switches exercises from the list, and the choice travels in the URL', async () => {
    renderWithApp(<App />, { api: live(), view: exercisesView('static-binding') });
    fireEvent.click(await waitFor(() => itemOf('wait-for-first-consumer')));
    await waitFor(() => expect(screen.getByTestId('exercise').getAttribute('data-exercise')).toBe('wait-for-first-consumer'));
    expect(within(stepOf('consumer')).getByTestId('step-explanation').textContent).toContain('There is no pod consumer in namespace ex-wffc yet.');
    const state = exercisesView('wait-for-first-consumer');
    expect(hashToState(stateToHash(state)).panes[0]?.exercise).toBe('wait-for-first-consumer');
    // A hostile id in a copied link never reaches the core.
    expect(hashToState('#/exercises?c=demo&ex=..%2F..%2Fetc').panes[0]?.exercise).toBeUndefined();
  });

  describe('on a read-only source (trial 9 defect 3)', () => {
    it('an exercise with nothing of it in the recording says it needs a live cluster and how to get one, with no verdicts', async () => {
      renderWithApp(<App />, { view: exercisesView('wait-for-first-consumer'), lang: 'ru' });
      const needs = await screen.findByTestId('exercise-needs-live');
      expect(needs.textContent).toContain('Нужен настоящий кластер');
      expect(needs.textContent).toContain('Демо-запись только для чтения');
      // How to get a live cluster: the lab and the app on it, then this exercise set up there.
      expect(needs.querySelector('pre')?.textContent).toBe('KUBECONFIG=$(npm run -s lab:up | tail -1) npm run web\nnpm run lab -- exercise 7');
      expect(needs.textContent).toContain('lab-admin');
      // What the steps ask is listed, but no "Not yet" that could never change here.
      expect(within(needs).getAllByTestId('exercise-step').map((el) => el.dataset.state)).toEqual(['not-checked', 'not-checked']);
      expect(screen.queryAllByTestId('step-state')).toHaveLength(0);
      expect(within(itemOf('wait-for-first-consumer')).getByTestId('exercise-needs-live-short').textContent).toBe('Нужен настоящий кластер');
      expect(itemOf('wait-for-first-consumer').textContent).not.toContain('0 из 2');
    });

    it('an exercise the recording holds is observed: its steps as recorded, said to be read-only', async () => {
      renderWithApp(<App />, { view: exercisesView('static-binding'), lang: 'en' });
      await waitFor(() => expect(stepOf('bound').getAttribute('data-state')).toBe('failed'));
      expect(screen.getByTestId('exercise-observed').textContent).toBe('Read-only: the steps show the cluster as the demo recorded it, and change only with the replay.');
      expect(itemOf('static-binding').getAttribute('data-mode')).toBe('observed');
      expect(screen.queryByTestId('exercise-needs-live')).toBeNull();
    });
  });
});

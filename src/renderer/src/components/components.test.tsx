// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useNoticeInvalidation } from '../api/notices';
import { useApi } from '../api/api-context';
import { closeInnermost } from '../App';
import { StatusStrip } from '../clusters/StatusStrip';
import { FindingCard } from '../details/FindingCard';
import { LessonPanel } from '../lessons/LessonPanel';
import { emptyPane } from '../state/view-state';
import { TableView } from '../table/TableView';
import { createFakeApi, makeClaim, pendingFinding } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';
import { PaneProvider } from './pane-context';
import { useQueryClient } from '@tanstack/react-query';

afterEach(cleanup);
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});

describe('StatusStrip', () => {
  it('labels the demo as offline data and says "no permission" for forbidden kinds, never empty', async () => {
    renderWithApp(<StatusStrip clusterId="demo" />);
    expect((await screen.findByTestId('source-tag')).textContent).toContain('Demo');
    const sc = screen.getByTestId('kind-status-storageclasses');
    expect(sc.dataset.state).toBe('forbidden');
    expect(sc.textContent).toContain('no permission');
    expect(screen.getByTestId('sync-summary').getAttribute('aria-live')).toBe('polite');
  });

  it('speaks Russian when the UI is Russian', async () => {
    renderWithApp(<StatusStrip clusterId="demo" />, { lang: 'ru' });
    expect((await screen.findByTestId('kind-status-storageclasses')).textContent).toContain('нет прав');
    expect(screen.getByTestId('source-tag').textContent).toContain('Демо');
  });
});

describe('FindingCard', () => {
  it('shows cause, evidence and a fix command that the copy button puts on the clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    renderWithApp(
      <PaneProvider index={0} clusterId="demo">
        <FindingCard finding={pendingFinding} />
      </PaneProvider>,
      { view: { open: ['demo'], panes: [emptyPane('demo')] } },
    );
    const card = screen.getByTestId('finding');
    expect(card.textContent).toContain('does not exist');
    expect(within(card).getByTestId('fix-command').textContent).toBe('kubectl get storageclass');
    fireEvent.click(screen.getByRole('button', { name: 'Copy command: kubectl get storageclass' }));
    expect(writeText).toHaveBeenCalledWith('kubectl get storageclass');
    await waitFor(() => expect(screen.getByTestId('copy-command').textContent).toBe('Copied'));
    // The learn link names the lesson section by its title once the book has loaded.
    await waitFor(() => expect(screen.getByTestId('learn-link').textContent).toBe('Learn: Storage class'));
  });
});

describe('FindingCard with a manifest', () => {
  it("shows a here-document's lines as lines, copies it whole, and names the button by its first line", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const manifest = ["kubectl apply -f - <<'EOF'", 'apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', '  name: missing-class', 'provisioner: hostpath.lab.kse.dev', 'EOF'].join('\n');
    const finding = { ...pendingFinding, fix: [{ text: { en: 'If the class should exist, create it', ru: 'Если такой класс нужен, создайте его' }, command: manifest }] };
    renderWithApp(
      <PaneProvider index={0} clusterId="demo">
        <FindingCard finding={finding} />
      </PaneProvider>,
      { view: { open: ['demo'], panes: [emptyPane('demo')] } },
    );
    expect(within(screen.getByTestId('finding')).getByTestId('fix-command').textContent).toBe(manifest);
    // The command is the cluster's words, marked verbatim (Unicode isolates) so no UI-language check reads it as ours.
    fireEvent.click(screen.getByRole('button', { name: "Copy command: \u2068kubectl apply -f - <<'EOF' …\u2069" }));
    expect(writeText).toHaveBeenCalledWith(manifest);
    await waitFor(() => expect(screen.getByTestId('copy-command').textContent).toBe('Copied'));
  });
});

describe('LessonPanel', () => {
  it('opens the section in the lesson language and shows live examples of its kinds', async () => {
    const api = createFakeApi();
    renderWithApp(<LessonPanel anchor="storage-class" />, {
      api,
      view: { open: ['demo'], panes: [emptyPane('demo')], lesson: 'storage-class', lessonLang: 'ru' },
    });
    expect(await screen.findByRole('heading', { name: 'Класс хранения' })).toBeTruthy();
    expect(screen.getByTestId('lesson-panel').dataset.lang).toBe('ru');
    const examples = await screen.findByTestId('lesson-examples');
    await waitFor(() => expect(within(examples).getAllByTestId('object-link').map((l) => l.dataset.name)).toEqual(['standard', 'nfs']));
    expect(api.calls.some((c) => c.method === 'getLessons' && (c.req as { lang: string }).lang === 'ru')).toBe(true);
  });
});

describe('live updates', () => {
  function Live({ children }: { children: React.ReactNode }) {
    useNoticeInvalidation(useApi(), useQueryClient());
    return <>{children}</>;
  }

  it('a claim created on the cluster appears, then binds, on a change notice without reload', async () => {
    const api = createFakeApi({ claims: 3 });
    const pane = { ...emptyPane('demo'), view: 'claims' as const };
    renderWithApp(
      <Live>
        <PaneProvider index={0} clusterId="demo">
          <TableView clusterId="demo" clusterName="demo" table="claims" pane={pane} namespaces={[]} onChange={() => undefined} onOpen={() => undefined} />
        </PaneProvider>
      </Live>,
      { api },
    );
    await waitFor(() => expect(screen.getAllByTestId('table-row')).toHaveLength(3));
    api.claims.push(makeClaim(99, { name: 'fresh', phase: 'Pending', volumeName: undefined }));
    act(() => api.emit({ type: 'changed', clusterId: 'demo', kinds: ['persistentvolumeclaims'], tables: ['claims'], revision: 2 }));
    const row = await screen.findByText('fresh');
    expect(row.closest('[role="row"]')?.textContent).toContain('Pending');
    api.claims[3] = { ...api.claims[3]!, phase: 'Bound', volumeName: 'pvc-fresh' };
    act(() => api.emit({ type: 'changed', clusterId: 'demo', kinds: ['persistentvolumeclaims'], tables: ['claims'], revision: 3 }));
    await waitFor(() => expect(screen.getByText('fresh').closest('[role="row"]')?.textContent).toContain('→ pvc-fresh'));
  });

  it('a notice about another cluster refetches nothing', async () => {
    const api = createFakeApi({ claims: 3 });
    renderWithApp(
      <Live>
        <StatusStrip clusterId="demo" />
      </Live>,
      { api },
    );
    await screen.findByTestId('source-tag');
    const before = api.calls.length;
    act(() => api.emit({ type: 'changed', clusterId: 'other', kinds: ['pods'], tables: ['pods'], revision: 2 }));
    await new Promise((r) => setTimeout(r, 50));
    expect(api.calls.length).toBe(before);
  });
});

describe('Escape closes the innermost panel', () => {
  const sel = { kind: 'pods' as const, namespace: 'a', name: 'b' };
  it('closes details before the lesson, the second pane first', () => {
    const state = { open: ['a', 'b'], panes: [{ ...emptyPane('a'), selected: sel }, { ...emptyPane('b'), selected: sel }], lesson: 'csi' };
    const once = closeInnermost(state)!;
    expect(once.panes.map((p) => p.selected)).toEqual([sel, undefined]);
    // The path of links that led to the closed details goes with them.
    const walked = closeInnermost({ ...state, panes: [{ ...emptyPane('a'), selected: sel, trail: [{ view: 'claims' }] }] })!;
    expect(walked.panes[0]?.trail).toBeUndefined();
    const twice = closeInnermost(once)!;
    expect(twice.panes.every((p) => !p.selected)).toBe(true);
    expect(twice.lesson).toBe('csi');
    expect(closeInnermost(twice)!.lesson).toBeUndefined();
    expect(closeInnermost({ open: [], panes: [emptyPane()] })).toBeUndefined();
  });

  it('closes the panel Escape was pressed in, and an overlaying lesson before the details under it', () => {
    const state = { open: ['a'], panes: [{ ...emptyPane('a'), selected: sel, tab: 'findings' as const }], lesson: 'csi' };
    const fromLesson = closeInnermost(state, { in: 'lesson' })!;
    expect(fromLesson.lesson).toBeUndefined();
    expect(fromLesson.panes[0]?.selected).toEqual(sel);
    const fromDetails = closeInnermost(state, { in: 'details', pane: 0 })!;
    expect(fromDetails.lesson).toBe('csi');
    // The tab goes with the selection: no stale tab= in the URL.
    expect(fromDetails.panes[0]).toMatchObject({ selected: undefined, tab: undefined });
    expect(closeInnermost(state, { in: 'elsewhere', lessonOnTop: true })!.lesson).toBeUndefined();
  });
});

describe('switching tables', () => {
  it('never draws the previous table rows with the next table columns while it loads', async () => {
    const api = createFakeApi();
    const listRows = api.listRows;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    api.listRows = ((req) => (req.table === 'volumes' ? gate.then(() => listRows(req)) : listRows(req))) as typeof api.listRows;
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const view = (table: 'pods' | 'volumes') => (
      <PaneProvider index={0} clusterId="demo">
        <TableView clusterId="demo" clusterName="demo" table={table} pane={{ ...emptyPane('demo'), view: table }} namespaces={[]} onChange={() => undefined} onOpen={() => undefined} />
      </PaneProvider>
    );
    const { rerender } = renderWithApp(view('pods'), { api });
    await screen.findByText('web-0');
    rerender(view('volumes'));
    expect(screen.queryByText('web-0')).toBeNull();
    act(() => release());
    await screen.findByText('pvc-0');
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
  });
});

describe('an empty table whose kind could not be read', () => {
  it('says "no permission", never "none"', async () => {
    const api = createFakeApi();
    const listRows = api.listRows;
    api.listRows = ((req) => (req.table === 'classes' ? Promise.resolve({ total: 0, offset: 0, rows: [], revision: 1 }) : listRows(req))) as typeof api.listRows;
    renderWithApp(
      <PaneProvider index={0} clusterId="demo">
        <TableView clusterId="demo" clusterName="demo" table="classes" pane={{ ...emptyPane('demo'), view: 'classes' }} namespaces={[]} onChange={() => undefined} onOpen={() => undefined} />
      </PaneProvider>,
      { api },
    );
    await waitFor(() => expect(screen.getByTestId('table-empty').dataset.reason).toBe('unavailable'));
    expect(screen.getByTestId('table-empty').textContent).toContain('No permission to list Classes');
    expect(screen.getByTestId('table-empty').textContent).not.toContain('this cluster has no');
  });
});

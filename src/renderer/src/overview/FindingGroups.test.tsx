// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FindingGroup } from '../../../shared/model/finding-groups';
import { App } from '../App';
import { createFakeApi, makeClaim } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';

afterEach(cleanup);
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});

const member = (i: number) => {
  const claim = makeClaim(i);
  return { object: claim.ref, cause: { en: `Claim ${claim.name} waits.`, ru: `Заявка ${claim.name} ждёт.` }, findingId: `f-${i}` };
};
const group = (over: Partial<FindingGroup>): FindingGroup => ({
  id: 'x',
  code: 'claim.provisioning',
  severity: 'warning',
  kind: 'persistentvolumeclaims',
  title: { en: 'A volume is being provisioned', ru: 'Том создаётся' },
  lesson: 'dynamic-provisioning',
  count: 1,
  members: [member(1)],
  ...over,
});
const GROUPS: FindingGroup[] = [
  group({ id: 'p', code: 'claim.class-not-found', severity: 'problem', title: { en: 'The named StorageClass does not exist', ru: 'Нет класса' }, subject: { type: 'class', name: 'fast-ssd' }, members: [member(3)] }),
  group({ id: 'w', subject: { type: 'provisioner', name: 'replicated.example.com' }, count: 302, members: Array.from({ length: 25 }, (_, i) => member(100 + i)) }),
  group({ id: 'i', code: 'pod.emptydir', severity: 'info', kind: 'pods', title: { en: 'emptyDir: data lives and dies with the pod', ru: 'emptyDir' }, count: 181 }),
];
const overviewView = { open: ['demo'], panes: [{ cluster: 'demo', view: 'overview' as const, filters: {} }] };

describe('findings grouped by cause in the overview', () => {
  it('names the subject once, in place, where the title names its kind (trial 2: no "…, провизионер X")', async () => {
    const groups = [
      group({ id: 'd', code: 'claim.provisioner-dead', severity: 'problem', title: { en: 'The provisioner is not running', ru: 'Провизионер не работает' }, lesson: 'provisioner-health', subject: { type: 'provisioner', name: 'storage.example.com/absent' } }),
      group({ id: 'c', code: 'claim.class-missing', severity: 'problem', title: { en: 'The named StorageClass does not exist', ru: 'Указанного StorageClass не существует' }, subject: { type: 'class', name: 'fast-ssd' } }),
      group({ id: 'k', code: 'class.provisioner-dead', severity: 'problem', kind: 'storageclasses', title: { en: "The class's provisioner is not running", ru: 'Провизионер класса не работает' }, subject: { type: 'provisioner', name: 'storage.example.com/absent' } }),
    ];
    renderWithApp(<App />, { api: createFakeApi({ overview: { findingGroups: groups } }), view: overviewView, lang: 'ru' });
    const lines = await screen.findAllByTestId('finding-group');
    const title = (code: string) => lines.find((l) => l.dataset.code === code)!.querySelector('.group-title')!.textContent;
    expect(title('claim.provisioner-dead')).toBe('Провизионер storage.example.com/absent не работает');
    expect(title('claim.class-missing')).toBe('StorageClass fast-ssd не существует');
    expect(title('class.provisioner-dead')).toBe('Провизионер классов storage.example.com/absent не работает');
    // The name stays the cluster's: never translated.
    // (Its text is in pieces that break only after '/' or '.', so it is found by its element, not as one text node.)
    const name = [...lines[0]!.querySelectorAll('[translate="no"]')].find((el) => el.textContent === 'storage.example.com/absent');
    expect(name, 'the provisioner name, marked translate="no"').toBeDefined();
  });

  it('one line per cause: small groups open, big ones closed, Info collapsed', async () => {
    renderWithApp(<App />, { api: createFakeApi({ overview: { findingGroups: GROUPS } }), view: overviewView });
    const lines = await screen.findAllByTestId('finding-group');
    expect(lines.map((l) => l.dataset.code)).toEqual(['claim.class-not-found', 'claim.provisioning']);
    const [missing, waiting] = lines as [HTMLElement, HTMLElement];
    expect(within(missing).getAllByTestId('overview-finding')).toHaveLength(1);
    expect(within(waiting).queryAllByTestId('overview-finding')).toHaveLength(0);
    expect(within(waiting).getByTestId('group-count').textContent).toBe('Claims: 302');
    expect(waiting.textContent).toContain('replicated.example.com');
    const info = screen.getByTestId('info-toggle');
    expect(info.getAttribute('aria-expanded')).toBe('false');
    expect(info.textContent).toContain('181');
    expect(screen.queryByTestId('info-groups')).toBeNull();
    fireEvent.click(info);
    expect(within(screen.getByTestId('info-groups')).getByTestId('finding-group').dataset.code).toBe('pod.emptydir');
  });

  it('expands to the first objects, and "Showing 25 of 302" opens the table filtered to the group', async () => {
    const api = createFakeApi({ overview: { findingGroups: GROUPS } });
    renderWithApp(<App />, { api, view: overviewView });
    const waiting = (await screen.findAllByTestId('finding-group'))[1]!;
    fireEvent.click(within(waiting).getByTestId('group-expand'));
    expect(within(waiting).getAllByTestId('overview-finding')).toHaveLength(25);
    const showing = within(waiting).getByTestId('group-showing');
    expect(showing.tagName).toBe('BUTTON');
    expect(showing.textContent).toBe('Showing 25 of 302: all in Claims');
    fireEvent.click(showing);
    await screen.findByTestId('table-claims');
    expect(location.hash).toMatch(/^#\/claims\?/);
    expect(location.hash).toContain('fc=claim.provisioning');
    expect(location.hash).toContain('fsev=warning');
    expect(decodeURIComponent(location.hash)).toContain('fsub=provisioner:replicated.example.com');
    expect(screen.getByTestId('finding-filter').textContent).toContain('A volume is being provisioned, provisioner replicated.example.com');
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'listRows' && (c.req as { finding?: { code: string } }).finding?.code === 'claim.provisioning')).toBe(true),
    );
  });

  it('the count of a group is a link to exactly its objects', async () => {
    const api = createFakeApi({ overview: { findingGroups: GROUPS } });
    renderWithApp(<App />, { api, view: overviewView });
    const missing = (await screen.findAllByTestId('finding-group'))[0]!;
    fireEvent.click(within(missing).getByTestId('group-count'));
    const grid = await screen.findByTestId('table-claims');
    await waitFor(() => {
      const rows = within(grid).getAllByTestId('table-row');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.textContent).toContain('missing-class');
    });
    // Clearing the finding shows every row again.
    fireEvent.click(within(screen.getByTestId('finding-filter')).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('table-count').textContent).toBe('Rows: 50'));
    expect(location.hash).not.toContain('fc=');
  });

  it('names the kind beside the count of a kind without a table (trial 8, T8-12: a bare «1» for a StatefulSet)', async () => {
    const sets = group({ id: 's', code: 'statefulset.claim-over-quota', severity: 'problem', kind: 'statefulsets', title: { en: 'A new claim would exceed the namespace ResourceQuota', ru: 'Новая заявка превысит ResourceQuota' } });
    const api = createFakeApi({ overview: { findingGroups: [sets] } });
    renderWithApp(<App />, { api, view: overviewView });
    const line = (await screen.findAllByTestId('finding-group'))[0]!;
    expect(within(line).getByTestId('group-count').textContent).toBe('StatefulSets: 1');
  });
});

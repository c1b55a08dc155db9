/** A table screen (claims, volumes, pods, ...): its toolbar filters, the Columns menu and its virtualised ARIA grid. */
import { expect, type Locator } from '@playwright/test';

export class TablePage {
  readonly grid: Locator;
  /** The focusable ARIA grid inside the table (its active row is aria-activedescendant). */
  readonly ariaGrid: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly namespaceFilter: Locator;
  readonly phaseFilter: Locator;
  readonly severityFilter: Locator;
  readonly count: Locator;
  readonly empty: Locator;
  /** The scrolling element of the grid (role=grid): what clips its columns. */
  readonly scroller: Locator;
  readonly columnsMenu: Locator;
  readonly findingFilter: Locator;
  readonly warningsOnly: Locator;

  constructor(pane: Locator, table: string) {
    this.grid = pane.getByTestId(`table-${table}`);
    this.ariaGrid = this.grid.getByRole('grid');
    this.rows = this.grid.getByTestId('table-row');
    this.search = pane.getByTestId('table-search');
    this.namespaceFilter = pane.getByTestId('filter-namespace');
    this.phaseFilter = pane.getByTestId('filter-phase');
    this.severityFilter = pane.getByTestId('filter-severity');
    this.count = pane.getByTestId('table-count');
    this.empty = this.grid.getByTestId('table-empty');
    this.scroller = this.grid.getByRole('grid');
    this.columnsMenu = pane.getByTestId('columns-menu');
    this.findingFilter = pane.getByTestId('finding-filter');
    this.warningsOnly = pane.getByTestId('filter-warnings');
  }

  /** The header cell of a column, by column id (name, phase, badge, ...). */
  header(column: string): Locator {
    return this.grid.locator(`[role="columnheader"][data-column="${column}"]`);
  }

  /** Ids of the columns shown, in order. */
  async columnIds(): Promise<string[]> {
    return this.grid.locator('[role="columnheader"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-column') ?? ''));
  }

  /** The cell of a column in the first rendered row. */
  firstCell(column: string): Locator {
    return this.rows.first().locator(`[role="gridcell"][data-column="${column}"]`);
  }

  resizeHandle(column: string): Locator {
    return this.header(column).getByTestId(`resize-${column}`);
  }

  /** Picks namespaces in the namespace filter (ticking each in its list), then closes it. */
  async pickNamespaces(namespaces: readonly string[]): Promise<void> {
    await this.namespaceFilter.click();
    const panel = this.namespaceFilter.page().getByTestId('filter-namespace-panel');
    for (const ns of namespaces) await panel.locator(`[data-testid="namespace-option"][data-namespace="${ns}"] input`).check();
    await this.namespaceFilter.press('Escape');
  }

  row(namespace: string | undefined, name: string): Locator {
    const ns = namespace === undefined ? '' : `[data-namespace="${namespace}"]`;
    return this.grid.locator(`[data-testid="table-row"][data-name="${name}"]${ns}`);
  }

  async filterPhase(phase: string): Promise<void> {
    await this.phaseFilter.selectOption(phase);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /** Opens a row's details the way a keyboard user does: select it, then Enter. */
  async open(namespace: string | undefined, name: string): Promise<void> {
    const row = this.row(namespace, name);
    // A click lands on coordinates: if the rows move between finding the row and the click (a filter just applied,
    // a replayed change re-sorted them), another row becomes active. Click until this row is the active one.
    await expect(async () => {
      await row.click({ timeout: 5000 });
      expect(await this.ariaGrid.getAttribute('aria-activedescendant')).toBe(await row.getAttribute('id'));
    }).toPass({ timeout: 30_000 });
    await row.press('Enter');
  }

  /** (namespace, name) of every rendered row. */
  async rowKeys(): Promise<{ namespace: string; name: string }[]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => {
        const data = (row as unknown as { dataset: Record<string, string | undefined> }).dataset;
        return { namespace: data.namespace ?? '', name: data.name ?? '' };
      }),
    );
  }
}

/**
 * The whole window: top bar (UI language, theme), the cluster list and tabs, and the open pane's status strip and
 * navigation. Page objects hold selectors and the few steps a person takes; journeys hold the assertions.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { TablePage } from './table-page';
import { DetailsPanel } from './details-panel';
import { ExercisesPage } from './exercises-page';
import { GraphPage } from './graph-page';
import { LessonPanel } from './lesson-panel';
import { OverviewPage } from './overview-page';

export type TableView = 'claims' | 'volumes' | 'classes' | 'provisioners' | 'pods' | 'snapshots' | 'nodes' | 'events';
export type NavView = 'overview' | 'claims' | 'volumes' | 'classes' | 'provisioners' | 'pods' | 'snapshots' | 'nodes' | 'events' | 'graph' | 'exercises';

export class AppPage {
  readonly clusterList: Locator;
  readonly pane: Locator;
  readonly statusStrip: Locator;
  readonly uiLanguage: Locator;
  readonly overview: OverviewPage;
  readonly details: DetailsPanel;
  readonly graph: GraphPage;
  readonly lesson: LessonPanel;
  readonly exercises: ExercisesPage;

  constructor(readonly page: Page) {
    this.clusterList = page.getByTestId('cluster-list');
    this.pane = page.getByTestId('pane-0');
    this.statusStrip = this.pane.getByTestId('status-strip');
    this.uiLanguage = page.getByTestId('ui-language');
    this.overview = new OverviewPage(this.pane);
    this.details = new DetailsPanel(page.getByTestId('details-panel'));
    this.graph = new GraphPage(this.pane.getByTestId('graph-view'));
    this.lesson = new LessonPanel(page.getByTestId('lesson-panel'));
    this.exercises = new ExercisesPage(this.pane.getByTestId('exercises'));
  }

  /** Opens the URL `kse web` printed (it carries the token). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  clusterItem(clusterId: string): Locator {
    return this.clusterList.locator(`[data-testid="cluster-item"][data-cluster-id="${clusterId}"]`);
  }

  /** Shows a cluster from the sidebar and waits until its pane is open and every kind has settled. */
  async showCluster(clusterId: string): Promise<void> {
    await this.clusterItem(clusterId).click();
    await this.waitForCluster(clusterId);
  }

  async waitForCluster(clusterId: string): Promise<void> {
    await expect(this.pane).toHaveAttribute('data-cluster-id', clusterId, { timeout: 90_000 });
    await expect(this.pane.getByTestId('nav-overview')).toBeVisible({ timeout: 90_000 });
    // Every kind the strip shows is synced or settled (no permission / not served), none still syncing.
    await expect(this.statusStrip.locator('[data-testid^="kind-status-"][data-state="syncing"]')).toHaveCount(0, { timeout: 90_000 });
  }

  nav(view: NavView): Locator {
    return this.pane.getByTestId(`nav-${view}`);
  }

  async show(view: NavView): Promise<void> {
    await showView(this.pane, view);
  }

  /** The table screen shown in the pane (after a navigation or a link that leads to it). */
  table(view: TableView): TablePage {
    return new TablePage(this.pane, view);
  }

  /** Navigates to a table and waits for its grid. */
  async showTable(view: TableView): Promise<TablePage> {
    await this.show(view);
    const table = this.table(view);
    await expect(table.grid).toBeVisible();
    return table;
  }

  async setUiLanguage(lang: 'en' | 'ru'): Promise<void> {
    await this.uiLanguage.selectOption(lang);
  }

  /** The fragment's view state (the token is never in it). */
  viewHash(): string {
    return new URL(this.page.url()).hash;
  }
}

/**
 * Shows a view in a pane as a user does: from the view strip, or from its "More" menu when a narrow pane's strip
 * has no room for it (trial 8 of issue 8, T8-5).
 */
export async function showView(pane: Locator, view: NavView | 'capacities' | 'attributesclasses'): Promise<void> {
  const item = pane.locator('.view-nav').getByTestId(`nav-${view}`);
  const more = pane.getByTestId('nav-more');
  // Retried: a view moves between the strip and the menu when a count beside another one grows (a cluster's
  // first counts arriving), between finding the item and clicking it.
  await expect(async () => {
    if ((await item.count()) === 0 && (await more.getAttribute('aria-expanded')) !== 'true') await more.click({ timeout: 5_000 });
    await item.click({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

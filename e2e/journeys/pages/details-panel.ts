/**
 * The details beside a view: the Summary first, findings (cause, evidence, fix commands with copy buttons, lesson
 * link), the Related chain, the YAML with its tools, the breadcrumb of links followed, and the tabs.
 */
import type { Locator } from '@playwright/test';

export type DetailsTab = 'summary' | 'findings' | 'volumes' | 'init' | 'events' | 'related' | 'yaml';

export class DetailsPanel {
  readonly title: Locator;
  readonly heading: Locator;
  readonly body: Locator;
  readonly findings: Locator;
  readonly fixCommands: Locator;
  readonly copyButtons: Locator;
  readonly graphButton: Locator;
  readonly close: Locator;
  readonly initProgress: Locator;
  readonly initSteps: Locator;
  readonly summary: Locator;
  readonly trail: Locator;
  readonly trailCurrent: Locator;
  readonly related: Locator;
  readonly missing: Locator;
  readonly yaml: Locator;
  readonly yamlCopy: Locator;
  readonly yamlDownload: Locator;
  readonly yamlWrap: Locator;

  constructor(readonly root: Locator) {
    this.title = root.locator('.panel-title');
    this.heading = root.getByRole('heading', { level: 2 });
    this.body = root.locator('.detail-body');
    this.findings = root.getByTestId('finding');
    this.fixCommands = root.getByTestId('fix-command');
    this.copyButtons = root.getByTestId('copy-command');
    this.graphButton = root.getByTestId('details-graph');
    this.close = root.getByTestId('details-close');
    this.initProgress = root.getByTestId('init-progress');
    this.initSteps = root.getByTestId('init-step');
    this.summary = root.getByTestId('summary');
    this.trail = root.getByTestId('details-trail');
    this.trailCurrent = root.getByTestId('trail-current');
    this.related = root.getByTestId('related');
    this.missing = root.getByTestId('details-missing');
    this.yaml = root.getByTestId('yaml-view');
    this.yamlCopy = root.getByTestId('yaml-copy');
    this.yamlDownload = root.getByTestId('yaml-download');
    this.yamlWrap = root.getByTestId('yaml-wrap');
  }

  finding(code: string): Locator {
    return this.root.locator(`[data-testid="finding"][data-code="${code}"]`);
  }

  /** The cause line of a finding card (what a person reads first). */
  cause(finding: Locator): Locator {
    return finding.locator('.finding-cause');
  }

  learnLink(finding: Locator): Locator {
    return finding.getByTestId('learn-link');
  }

  tab(id: DetailsTab): Locator {
    return this.root.getByTestId(`details-tab-${id}`);
  }

  /** One field of the Summary (its label, value, note and hint). */
  summaryField(id: string): Locator {
    return this.summary.locator(`[data-testid="summary-field"][data-field="${id}"]`);
  }

  /** The related objects with this relation code, in the Related tab. */
  relatedObjects(relation: string): Locator {
    return this.related.locator(`[data-testid="related-object"][data-relation="${relation}"]`);
  }

  /** The clickable steps of the breadcrumb (all but the current one). */
  trailSteps(): Locator {
    return this.trail.getByTestId('trail-step');
  }

  /** The state of every init step, read in one go (waiting, running, done, failed). */
  initStates(): Promise<string[]> {
    return this.initSteps.evaluateAll((steps) => steps.map((step) => step.getAttribute('data-state') ?? ''));
  }

  async showTab(id: DetailsTab): Promise<void> {
    await this.tab(id).click();
  }
}

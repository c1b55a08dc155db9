/** The details beside a view: findings (cause, evidence, fix commands with copy buttons, lesson link) and tabs. */
import type { Locator } from '@playwright/test';

export type DetailsTab = 'findings' | 'volumes' | 'init' | 'events' | 'related' | 'yaml';

export class DetailsPanel {
  readonly title: Locator;
  readonly findings: Locator;
  readonly fixCommands: Locator;
  readonly copyButtons: Locator;
  readonly graphButton: Locator;
  readonly close: Locator;
  readonly initProgress: Locator;
  readonly initSteps: Locator;

  constructor(readonly root: Locator) {
    this.title = root.locator('.panel-title');
    this.findings = root.getByTestId('finding');
    this.fixCommands = root.getByTestId('fix-command');
    this.copyButtons = root.getByTestId('copy-command');
    this.graphButton = root.getByTestId('details-graph');
    this.close = root.getByTestId('details-close');
    this.initProgress = root.getByTestId('init-progress');
    this.initSteps = root.getByTestId('init-step');
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

  /** The state of every init step, read in one go (waiting, running, done, failed). */
  initStates(): Promise<string[]> {
    return this.initSteps.evaluateAll((steps) => steps.map((step) => step.getAttribute('data-state') ?? ''));
  }

  async showTab(id: DetailsTab): Promise<void> {
    await this.tab(id).click();
  }
}

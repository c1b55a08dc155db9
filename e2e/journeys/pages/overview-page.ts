/** The cluster overview: problems first, counts by phase, capacity per class, provisioners with verdicts. */
import type { Locator } from '@playwright/test';

export class OverviewPage {
  readonly root: Locator;
  readonly problems: Locator;
  readonly findings: Locator;
  /** Lines of findings grouped by cause. */
  readonly groups: Locator;
  readonly infoToggle: Locator;
  readonly infoGroups: Locator;

  constructor(pane: Locator) {
    this.root = pane.getByTestId('overview');
    this.problems = this.root.getByTestId('overview-problems');
    this.findings = this.problems.getByTestId('overview-finding');
    this.groups = this.problems.getByTestId('finding-group');
    this.infoToggle = this.problems.getByTestId('info-toggle');
    this.infoGroups = this.problems.getByTestId('info-groups');
  }

  /** The line of one cause: a finding code, and the provisioner or class it names when given. */
  group(code: string, subject?: string): Locator {
    const bySubject = subject === undefined ? '' : `[data-subject="${subject}"]`;
    return this.problems.locator(`[data-testid="finding-group"][data-code="${code}"]${bySubject}`);
  }

  /** The overview line of a finding about one object (by its code and name). */
  finding(code: string, objectName: string): Locator {
    return this.problems.locator(`[data-testid="overview-finding"][data-code="${code}"]`).filter({
      has: this.root.page().locator(`[data-testid="object-link"][data-name="${objectName}"]`),
    });
  }

  /** Opens the details of the object a finding line is about. */
  async openObjectOf(line: Locator): Promise<void> {
    await line.getByTestId('object-link').first().click();
  }

  phaseCount(table: 'claims' | 'volumes', phase: string): Locator {
    return this.root.getByTestId(`phase-count-${table}-${phase}`);
  }

  provisioner(name: string): Locator {
    return this.root.getByTestId('overview-provisioner').filter({ hasText: name });
  }
}

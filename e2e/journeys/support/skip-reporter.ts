/**
 * Prints every skipped journey with its reason at the end of the run, so a skip (the Electron journey where no
 * Electron binary is installed) is read as a skip and never taken for a pass. The list reporter shows only a dash.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = [...test.annotations, ...result.annotations].filter((a) => a.type === 'skip' && a.description).map((a) => a.description);
    this.skipped.push(`  SKIPPED ${test.titlePath().filter(Boolean).join(' › ')}: ${[...new Set(reasons)].join('; ') || 'no reason given'}`);
  }

  onEnd(): void {
    if (this.skipped.length === 0) return;
    process.stdout.write(`\n${this.skipped.length} journey(s) skipped:\n${this.skipped.join('\n')}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}

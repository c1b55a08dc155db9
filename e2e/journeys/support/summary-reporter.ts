/**
 * Ends the run with every skipped journey and its reason, so a skip (the Electron journey where no Electron
 * binary is installed) is read as a skip and never taken for a pass (the list reporter shows only a dash), and
 * with a plain closing line "e2e: N passed, N failed, N skipped" that any CI log reader understands.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private readonly tests = new Map<string, TestCase>();
  private readonly skipReasons = new Map<string, string>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.tests.set(test.id, test);
    if (result.status !== 'skipped') return;
    const reasons = [...test.annotations, ...result.annotations].filter((a) => a.type === 'skip' && a.description).map((a) => a.description);
    this.skipReasons.set(test.id, [...new Set(reasons)].join('; ') || 'no reason given');
  }

  onEnd(): void {
    const outcomes = [...this.tests.values()].map((test) => ({ test, outcome: test.outcome() }));
    const passed = outcomes.filter((o) => o.outcome === 'expected' || o.outcome === 'flaky').length;
    const failed = outcomes.filter((o) => o.outcome === 'unexpected').length;
    const skipped = outcomes.filter((o) => o.outcome === 'skipped');
    let text = '\n';
    if (skipped.length > 0) {
      text += `${skipped.length} journey(s) skipped:\n`;
      for (const { test } of skipped) text += `  SKIPPED ${test.titlePath().filter(Boolean).join(' › ')}: ${this.skipReasons.get(test.id) ?? 'no reason given'}\n`;
    }
    text += `e2e: ${passed} passed, ${failed} failed, ${skipped.length} skipped\n`;
    process.stdout.write(text);
  }

  printsToStdio(): boolean {
    return true;
  }
}

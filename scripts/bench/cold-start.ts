/**
 * Cold start to the full claims list, as a user sees it, side by side: `kse web` (a new process, a new HOME, so
 * nothing remembered) with the Claims table of lab-admin opened in Chromium from the URL it prints, against k9s
 * started on the claims of all namespaces in tmux. Each is timed from starting its process until every claim is
 * counted on screen. The browser is already running (as a user's is); each run gets a new browser context.
 */
import type { Browser } from '@playwright/test';
import { startWebHost } from '../../e2e/journeys/support/web-host';
import { timeK9sColdStart, type K9sBinary } from './k9s';

export interface ColdStartRun {
  /** From spawning `kse web` until it printed its URL. */
  urlMillis: number;
  /** From spawning `kse web` until the Claims table counted every claim and showed its first rows. */
  claimsMillis: number;
}

export interface ColdStartResult {
  kse: ColdStartRun[];
  /** k9s's times, or why there are none. */
  k9s: { version: string; millis: number[] } | { skipped: string };
}

/** The browser the journeys use: Debian's Chromium, headless. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: process.env.KSE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}

/** One cold start of `kse web` to the full Claims table of lab-admin. */
export async function timeKseWebColdStart(kubeconfig: string, claims: number, browser: Browser, timeoutMs: number): Promise<ColdStartRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const started = performance.now();
  // The journeys' launcher: `kse web --port 0 --no-open` in a new, empty HOME, resolved when it prints its URL.
  const host = await startWebHost({ kubeconfig, timeoutMs });
  try {
    const urlMillis = performance.now() - started;
    const page = await context.newPage();
    // The link a user bookmarks: the Claims table of lab-admin (the token stays in the fragment).
    await page.goto(`${host.url}&/claims?open=ctx%3Alab-admin&c=ctx%3Alab-admin`);
    await page.waitForFunction(
      (n) => {
        const count = document.querySelector('[data-testid="table-count"]')?.textContent ?? '';
        return count.replace(/\D/g, '') === String(n) && document.querySelector('[data-testid="table-row"]') !== null;
      },
      claims,
      { polling: 'raf', timeout: timeoutMs },
    );
    return { urlMillis, claimsMillis: performance.now() - started };
  } finally {
    await context.close();
    await host.stop();
  }
}

/** kse and k9s in turn, `runs` times each, so a change in the machine's load hits both. */
export async function measureColdStart(options: {
  kubeconfig: string;
  claims: number;
  runs: number;
  timeoutMs: number;
  k9s: K9sBinary;
  k9sHome: string;
  log: (line: string) => void;
}): Promise<ColdStartResult> {
  const { log } = options;
  const browser = await launchChromium();
  const kse: ColdStartRun[] = [];
  const k9sMillis: number[] = [];
  let k9sSkipped = 'skipped' in options.k9s ? options.k9s.skipped : undefined;
  try {
    // One run of each first, not counted: the page's files, k9s's config and both binaries come into the cache.
    for (let k = 0; k <= options.runs; k++) {
      const a = await timeKseWebColdStart(options.kubeconfig, options.claims, browser, options.timeoutMs);
      let b: number | undefined;
      if (!k9sSkipped && 'path' in options.k9s) {
        try {
          b = await timeK9sColdStart({ binary: options.k9s.path, kubeconfig: options.kubeconfig, context: 'lab-admin', claims: options.claims, timeoutMs: options.timeoutMs, home: options.k9sHome });
        } catch (error) {
          k9sSkipped = `k9s failed: ${(error as Error).message.split('\n')[0]}`;
          log(`  ${k9sSkipped}; the k9s column is left out`);
        }
      }
      const label = k === 0 ? 'warm-up' : `run ${k}/${options.runs}`;
      log(`  cold start ${label}: kse web URL ${Math.round(a.urlMillis)} ms, Claims table complete ${Math.round(a.claimsMillis)} ms${b !== undefined ? `; k9s claims complete ${Math.round(b)} ms` : ''}`);
      if (k === 0) continue;
      kse.push(a);
      if (b !== undefined) k9sMillis.push(b);
    }
  } finally {
    await browser.close();
  }
  return { kse, k9s: k9sSkipped !== undefined || !('path' in options.k9s) ? { skipped: k9sSkipped ?? 'not built' } : { version: options.k9s.version, millis: k9sMillis } };
}

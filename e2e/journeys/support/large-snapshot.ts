/**
 * The 3,013-claim test cluster (src/main/store/testing/large-cluster.ts) as a snapshot file, opened the way a
 * person does: through the UI's "Open snapshot" picker. The file is written once per test process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { largeSnapshot } from '../../../src/main/store/testing/large-cluster';
import type { AppPage } from '../pages/app-page';

let file: string | undefined;

/** Path of the large snapshot file (written on first use). */
export function largeSnapshotFile(): string {
  if (!file) {
    file = join(mkdtempSync(join(tmpdir(), 'kse-large-')), 'large-3013-claims.json');
    writeFileSync(file, JSON.stringify(largeSnapshot()));
  }
  return file;
}

/** Opens the large snapshot in the first pane and waits until every kind has settled; returns its cluster id. */
export async function openLargeSnapshot(app: AppPage, page: Page): Promise<string> {
  await page.getByTestId('snapshot-file-input').setInputFiles(largeSnapshotFile());
  await expect(app.pane).toHaveAttribute('data-cluster-id', /^file:/, { timeout: 90_000 });
  const id = (await app.pane.getAttribute('data-cluster-id')) ?? '';
  await app.waitForCluster(id);
  return id;
}

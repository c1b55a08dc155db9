/**
 * Journey (d), live updates: a claim created with kubectl on the lab appears in the open claims table and turns
 * Bound when the real PV controller provisions its volume, with no reload of the page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';

test('a claim created with kubectl appears and binds on screen without a reload', async ({ app, lab, labHost, page, shot }) => {
  await app.open(labHost.url);
  await app.showCluster('ctx:lab-admin');
  const claims = await app.showTable('claims');
  await claims.searchFor('live-');
  await expect(claims.empty).toBeVisible();

  // A marker in the page's memory: it survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(globalThis, { __kseNoReload: true }));

  const name = `live-${Date.now().toString(36)}`;
  const dir = mkdtempSync(join(tmpdir(), 'kse-e2e-claim-'));
  const file = join(dir, 'claim.yaml');
  // The lab's default class (lab-hostpath, Immediate): the controller manager's host-path provisioner binds it.
  writeFileSync(
    file,
    `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: lab-dynamic\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n`,
  );
  try {
    const created = await lab.kubectl(['create', '-f', file]);
    expect(created.code, created.stderr).toBe(0);

    const row = claims.row('lab-dynamic', name);
    await expect(row).toBeVisible({ timeout: 60_000 });
    await expect(row).toContainText('Bound', { timeout: 90_000 });
    await expect(row).toContainText('lab-hostpath');
    await shot('live-claim-bound');
    expect(await page.evaluate(() => (globalThis as { __kseNoReload?: boolean }).__kseNoReload)).toBe(true);
  } finally {
    await lab.kubectl(['delete', 'pvc', name, '-n', 'lab-dynamic', '--wait=false']);
    rmSync(dir, { recursive: true, force: true });
  }
});

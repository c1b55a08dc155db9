/**
 * Journey (issue 15): snapshots walked on the lab with its CSI controller side (the seeded 12-csi scenario in
 * namespace lab-csi): csi-snapshotter cut data-snap of claim data and it is ready; the claim restored is made from
 * it; missing-class-snap names a VolumeSnapshotClass that does not exist. A user sees the ready snapshot with its
 * content and restore size, follows the restore from the claim to its snapshot and on to the source claim, and
 * reads why the other snapshot never becomes ready, in English and in Russian.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';

test.use({ labCsi: true });

/** A field's text as read: without the isolate marks around cluster values (shared/verbatim.ts). */
const read = (locator: Locator) => async () => ((await locator.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');

test('a snapshot taken, a claim restored from it, and a snapshot that cannot be taken, in English and Russian', async ({ app, labHost, page, shot }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open(labHost.url);
  await app.showCluster('ctx:lab-admin');

  await test.step('the ready snapshot: its source claim, its content and its restore size', async () => {
    const snapshots = await app.showTable('snapshots');
    await snapshots.searchFor('data-snap');
    await expect(snapshots.row('lab-csi', 'data-snap')).toBeVisible({ timeout: 90_000 });
    await snapshots.open('lab-csi', 'data-snap');
    await expect.poll(read(app.details.summaryField('readyToUse')), { timeout: 90_000 }).toContain('yes');
    await expect(app.details.summaryField('restoreSize')).toContainText('1Gi');
    await expect(app.details.summaryField('sourceClaim')).toContainText('data');
    await expect(app.details.summaryField('snapshotContent')).toContainText('snapcontent-');
    await expect(app.details.summaryField('snapshotClass')).toContainText('lab-csi');
    await shot('snapshot-ready-en-1440');
  });

  await test.step('the restored claim leads to its snapshot, and the snapshot to the claim it was cut from', async () => {
    const claims = await app.showTable('claims');
    await claims.searchFor('restored');
    await expect(claims.row('lab-csi', 'restored')).toBeVisible({ timeout: 60_000 });
    await claims.open('lab-csi', 'restored');
    const source = app.details.summaryField('dataSource');
    await expect(source).toContainText('data-snap');
    await source.locator('button').first().click();
    await expect(app.details.summaryField('sourceClaim')).toContainText('data', { timeout: 30_000 });
    await app.details.summaryField('sourceClaim').locator('button').first().click();
    await expect(app.details.title).toContainText('lab-csi/data', { timeout: 30_000 });
  });

  await test.step('a snapshot naming a missing class: the cause and the fix, in Russian', async () => {
    const snapshots = await app.showTable('snapshots');
    await snapshots.searchFor('missing-class-snap');
    await expect(snapshots.row('lab-csi', 'missing-class-snap')).toBeVisible({ timeout: 60_000 });
    await snapshots.open('lab-csi', 'missing-class-snap');
    await app.details.showTab('findings');
    const finding = app.details.finding('snapshot.class-missing');
    await expect(finding).toBeVisible({ timeout: 90_000 });
    await expect(app.details.cause(finding)).toContainText('lab-csi-missing');
    await app.setUiLanguage('ru');
    await expect(app.details.cause(finding)).toContainText('lab-csi-missing');
    await expect(app.details.cause(finding)).toContainText('VolumeSnapshotClass');
    await expect(finding.getByTestId('fix-command').first()).toBeVisible();
    await shot('snapshot-class-missing-ru-1440');
    await app.setUiLanguage('en');
  });
});

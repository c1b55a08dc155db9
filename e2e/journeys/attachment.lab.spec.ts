/**
 * Journey (issue 15): an attachment walked on the lab with its CSI controller side. The seeded 12-csi pod
 * lab-csi/app uses a claim of the lab's CSI driver; kube-controller-manager's attach/detach controller made a
 * VolumeAttachment for the pod's node and the upstream external-attacher attached it. The pod's details say
 * "attached to node X by driver csi.lab.kse.dev" (and in Russian), the claim's say the same, and the link leads
 * to the VolumeAttachment, whose Summary names the attacher and says it is attached.
 */
import { CSI_DRIVER_NAME } from '../cluster/lab';
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';

test.use({ labCsi: true });

/** A field's text as read: without the isolate marks around cluster values (shared/verbatim.ts). */
const read = (locator: Locator) => async () => ((await locator.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');

test('a pod\'s volume attached to its node by the CSI driver, in English and Russian', async ({ app, lab, labHost, page, shot }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const admin = lab.client('admin');
  let node = '';
  await expect.poll(async () => (node = ((await admin.get('/api/v1/namespaces/lab-csi/pods/app')).spec?.nodeName as string | undefined) ?? ''), { timeout: 60_000 }).not.toBe('');

  await app.open(labHost.url);
  await app.showCluster('ctx:lab-admin');
  const pods = await app.showTable('pods');
  await pods.searchFor('app');
  await expect(pods.row('lab-csi', 'app')).toBeVisible({ timeout: 60_000 });
  await pods.open('lab-csi', 'app');

  const field = app.details.summaryField('attachment');
  await test.step('the pod: attached to its node by the driver', async () => {
    await expect.poll(read(field), { timeout: 60_000 }).toContain(`attached to node ${node} by driver ${CSI_DRIVER_NAME}`);
    await expect(field.locator('[data-state="attached"]')).toHaveCount(1);
    await expect(field.getByTestId('summary-hint')).toContainText('VolumeAttachment');
    await shot('attachment-pod-en-1440');
  });

  await test.step('in Russian', async () => {
    await app.setUiLanguage('ru');
    await expect.poll(read(field)).toContain(`подключён к узлу ${node} драйвером ${CSI_DRIVER_NAME}`);
    await expect(app.details.summary).toContainText('Подключение');
    await app.setUiLanguage('en');
  });

  await test.step('the VolumeAttachment behind it: its attacher, its node, attached', async () => {
    await field.locator('[data-state="attached"] button').click();
    await expect(app.details.summaryField('attacher')).toContainText(CSI_DRIVER_NAME, { timeout: 30_000 });
    await expect(app.details.summaryField('node')).toContainText(node);
    await expect(app.details.summaryField('attached')).toContainText('yes');
    await shot('attachment-volumeattachment-en-1440');
  });

  await test.step('the claim says the same', async () => {
    const claims = await app.showTable('claims');
    await claims.searchFor('data');
    await expect(claims.row('lab-csi', 'data')).toBeVisible({ timeout: 30_000 });
    await claims.open('lab-csi', 'data');
    await expect.poll(read(app.details.summaryField('attachment'))).toContain(`attached to node ${node} by driver ${CSI_DRIVER_NAME}`);
  });
});

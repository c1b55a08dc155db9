/**
 * Journey (b), a support engineer on the real lab as lab-admin: filters the claims to Pending and, for each one,
 * reads why and copies every fix command (the clipboard then holds exactly the command shown). The claim that
 * only waits for its first consumer is explained as an expected wait, with nothing to fix.
 */
import { expect, test } from './support/fixtures';

/** The claims the lesson scenarios leave Pending, each for its own reason. */
const PENDING = [
  'lab-stuck/absent-provisioner',
  'lab-stuck/missing-class',
  'lab-stuck/provisioning-fails',
  'lab-stuck/too-big-for-pv',
  'lab-wffc/waiting',
  'student/scratch',
];
/** Pending by design (WaitForFirstConsumer without a pod yet): explained, with nothing to copy. */
const EXPECTED_WAITS = new Set(['lab-wffc/waiting']);

/** Runs in the page (the node-side typings have no DOM). */
function readClipboard(): Promise<string> {
  return (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText();
}

test('a support engineer filters the Pending claims on the lab and copies the fix for each', async ({ app, labHost, page, context, shot }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: labHost.origin });
  await app.open(labHost.url);

  // A kubeconfig exists: its contexts are listed (and the demo), nothing is opened on its own.
  await expect(app.clusterItem('ctx:lab-admin')).toBeVisible();
  await expect(app.clusterItem('ctx:lab-student')).toBeVisible();
  await app.showCluster('ctx:lab-admin');
  await expect(app.overview.finding('claim.class-missing', 'missing-class')).toBeVisible({ timeout: 90_000 });
  await shot('lab-overview');

  const claims = await app.showTable('claims');
  await claims.filterPhase('Pending');
  await expect(claims.rows).toHaveCount(PENDING.length, { timeout: 90_000 });
  const keys = (await claims.rowKeys()).map((k) => `${k.namespace}/${k.name}`).sort();
  expect(keys).toEqual(PENDING);
  await expect(claims.rows.filter({ hasNotText: 'Pending' })).toHaveCount(0);
  await shot('lab-claims-pending');

  const copied: string[] = [];
  for (const key of PENDING) {
    await test.step(`why ${key} is Pending, and its fix copied`, async () => {
      const [namespace, name] = key.split('/') as [string, string];
      await claims.open(namespace, name);
      await expect(app.details.title).toContainText(key);
      // A newly opened claim shows its Summary first; the cause is on the Findings tab.
      await app.details.showTab('findings');
      await expect(app.details.findings.first()).toBeVisible();
      await expect(app.details.cause(app.details.findings.first())).not.toBeEmpty();
      if (EXPECTED_WAITS.has(key)) {
        // Nothing to fix: the finding says the claim waits for its first pod, and offers no command.
        await expect(app.details.finding('claim.wait-for-first-consumer')).toContainText('Nothing is wrong');
        await expect(app.details.fixCommands).toHaveCount(0);
        return;
      }
      const rows = app.details.root.locator('.command-row');
      const count = await rows.count();
      expect(count, `${key} has at least one fix command`).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const row = rows.nth(i);
        const shown = (await row.getByTestId('fix-command').textContent()) ?? '';
        await row.getByTestId('copy-command').click();
        // A one-line command is copied as shown; a manifest (a here-document) whole, from its first line.
        const first = shown.startsWith('kubectl apply -f - <<') ? "kubectl apply -f - <<'EOF'" : undefined;
        if (first) await expect.poll(async () => ((await page.evaluate(readClipboard)) as string).split('\n')[0]).toBe(first);
        else await expect.poll(() => page.evaluate(readClipboard)).toBe(shown);
        copied.push(first ? ((await page.evaluate(readClipboard)) as string) : shown);
      }
    });
  }
  // The per-claim commands name the claim they are about.
  expect(copied).toContain('kubectl describe pvc missing-class -n lab-stuck');
});

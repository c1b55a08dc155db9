/**
 * What the fifth fresh-user trial of issue 8 found in the words on screen (notes: trial5-issue8.md), as a user meets
 * it:
 * N-D10. Monospace values broke at hyphens and inside words: the Lease name in a finding's facts
 *    («storage-example-com-/absent»), the fix `--field-selector metadata.name=storage-example-com-/absent`, a pod's
 *    mount path «/var/run/secrets/k/ubernetes.io/servi/ceaccount». No cluster value (fact, field path, command,
 *    mount path, YAML, name) may break between two word characters, in the details of every stuck claim, of a pod
 *    (every tab, YAML wrapped), of a provisioner, and on the overview; commands still copy exactly.
 * N-D9. The too-big headline wrapped «… 5Gi» / «)»: a value was an inline block, and a line may break right after
 *    one. No line in those details starts with closing punctuation.
 */
import type { Page } from '@playwright/test';
import type { DetailsTab } from './pages/details-panel';
import { expect, test } from './support/fixtures';
import { punctuationLineStarts, wordBreaks } from './support/pieces';

/** Elements that hold a value from the cluster as it is. */
const VALUES = 'code, pre, .mono, .object-link, [translate="no"]';

async function useLanguage(page: Page, lang: 'en' | 'ru'): Promise<void> {
  await page.addInitScript((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', l), lang);
}

test('N-D10, N-D9: cluster values never break inside a word, after a hyphen or before punctuation, at 1280x720 in ru', async ({ app, demoHost, page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await useLanguage(page, 'ru');
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  const checkTabs = async (what: string, tabs: readonly DetailsTab[]) => {
    for (const tab of tabs) {
      await app.details.showTab(tab);
      await expect(app.details.body).toBeVisible();
      // Retried: a tab's content arrives with its query.
      await expect.poll(() => wordBreaks(app.details.body, VALUES), { message: `${what} ${tab}` }).toEqual([]);
      expect(await punctuationLineStarts(app.details.body), `${what} ${tab}: lines that start with punctuation`).toEqual([]);
    }
  };

  await test.step('stuck claims: facts, field paths, commands', async () => {
    const claims = await app.showTable('claims');
    for (const name of ['absent-provisioner', 'missing-class', 'provisioning-fails', 'too-big-for-pv']) {
      await claims.open('lab-stuck', name);
      await app.details.showTab('findings');
      await expect(app.details.findings.first()).toBeVisible();
      await checkTabs(`lab-stuck/${name}`, ['findings', 'summary', 'related']);
    }
    // The trial's headline, whole: its closing parenthesis on the line of the size before it.
    await claims.open('lab-stuck', 'too-big-for-pv');
    await app.details.showTab('summary');
    const cause = app.details.root.getByTestId('summary-cause');
    await expect(cause).toContainText('5Gi)');
    expect(await punctuationLineStarts(cause), 'too-big headline').toEqual([]);
    // The trial's command: whole on screen where it breaks, and copied exactly.
    await claims.open('lab-stuck', 'absent-provisioner');
    await app.details.showTab('findings');
    const lease = app.details.fixCommands.filter({ hasText: '--field-selector' });
    await expect(lease).toHaveText('kubectl get lease -A --field-selector metadata.name=storage-example-com-absent');
  });

  await test.step('a pod: mount paths, init containers, YAML wrapped', async () => {
    const pods = await app.showTable('pods');
    await pods.open('lab-init', 'prepare-data');
    await app.details.showTab('volumes');
    await expect(app.details.body.getByText('/var/run/secrets/kubernetes.io/serviceaccount').first()).toBeAttached();
    await checkTabs('lab-init/prepare-data', ['summary', 'volumes', 'init', 'related']);
    await app.details.showTab('yaml');
    if (!(await app.details.yamlWrap.isChecked())) await app.details.yamlWrap.check();
    await expect(app.details.yaml).toHaveAttribute('data-wrap', 'on');
    await expect.poll(() => wordBreaks(app.details.body, VALUES), { message: 'pod YAML wrapped' }).toEqual([]);
    await app.details.yamlWrap.uncheck();
  });

  await test.step('a provisioner and the overview', async () => {
    const provisioners = await app.showTable('provisioners');
    await provisioners.rows.first().click();
    await expect(app.details.root).toBeVisible();
    await expect.poll(() => wordBreaks(app.details.body, VALUES), { message: 'provisioner' }).toEqual([]);
    await app.details.close.click();
    await app.show('overview');
    const overview = app.pane.getByTestId('overview');
    await expect(overview.getByTestId('finding-group').first()).toBeVisible();
    await expect.poll(() => wordBreaks(overview, VALUES), { message: 'overview' }).toEqual([]);
  });
});

/**
 * What the ninth fresh-user trial of issue 8 found about going back, at 1280x720 in Russian on the demo:
 * T9-1. On the claims searched for «stuck», sorted, the claim lab-stuck/missing-class open on its Related tab, the
 *    user followed the link to its StorageClass (shown in Classes, with a breadcrumb of the path) and went back by
 *    the claim's crumb: the claims came back unsearched and unsorted, the claim on its Summary. Back, by a crumb
 *    or by the browser, now restores the view exactly as it was left.
 */
import { expect, test } from './support/fixtures';
import { openDemoAt } from './support/layout';
import type { AppPage } from './pages/app-page';
import type { TablePage } from './pages/table-page';

/** The claims as the trial's user left them: searched, sorted by name descending, the claim open on Related. */
async function expectClaimsAsLeft(app: AppPage, claims: TablePage): Promise<void> {
  await expect(app.nav('claims')).toHaveAttribute('aria-current', 'page');
  await expect(claims.search, 'the search typed before the link').toHaveValue('stuck');
  await expect(claims.header('name'), 'the sort chosen before the link').toHaveAttribute('aria-sort', 'descending');
  await expect(claims.namespaceFilter, 'the namespace filter chosen before the link').toContainText('lab-stuck');
  await expect(app.details.heading).toContainText('lab-stuck/missing-class');
  await expect(app.details.tab('related'), 'the details tab the user was on').toHaveAttribute('aria-selected', 'true');
  await expect(claims.row('lab-stuck', 'missing-class')).toHaveAttribute('aria-selected', 'true');
  const hash = app.viewHash();
  for (const part of ['q=stuck', 'sort=name%3Adesc', 'ns=lab-stuck', 'tab=related']) expect(hash, `${part} in the URL`).toContain(part);
}

test('T9-1: back from a link, by the crumb or the browser, restores search, sort, namespaces and the details tab, at 1280x720 in ru', async ({ app, demoHost, page }) => {
  await openDemoAt(app, page, demoHost.url);
  const claims = await app.showTable('claims');
  await claims.pickNamespaces(['lab-stuck']);
  await claims.searchFor('stuck');
  await expect.poll(() => app.viewHash()).toContain('q=stuck');
  // Name: ascending, then descending (a state that is neither the default nor the first click).
  await claims.header('name').getByRole('button').click();
  await claims.header('name').getByRole('button').click();
  await expect(claims.header('name')).toHaveAttribute('aria-sort', 'descending');
  await claims.open('lab-stuck', 'missing-class');
  await app.details.showTab('related');
  await expectClaimsAsLeft(app, claims);
  const left = app.viewHash();

  const followClass = async () => {
    await app.details.relatedObjects('storage-class').getByTestId('object-link').click();
    await expect(app.nav('classes')).toHaveAttribute('aria-current', 'page');
    await expect(app.details.heading).toContainText('fast-ssd');
    await expect(app.details.trailSteps()).toHaveCount(2);
  };

  await test.step('the claim crumb', async () => {
    await followClass();
    // Something changed on the way: the class's own tab.
    await app.details.showTab('related');
    await app.details.trailSteps().nth(1).click();
    await expectClaimsAsLeft(app, claims);
    expect(app.viewHash(), 'the same view state as before the link').toBe(left);
  });

  await test.step('the first crumb: the claims view as it was left, nothing open', async () => {
    await followClass();
    await app.details.trailSteps().nth(0).click();
    await expect(app.nav('claims')).toHaveAttribute('aria-current', 'page');
    await expect(app.details.root).toBeHidden();
    await expect(claims.search).toHaveValue('stuck');
    await expect(claims.header('name')).toHaveAttribute('aria-sort', 'descending');
    await page.goBack();
    await expect(app.nav('classes')).toHaveAttribute('aria-current', 'page');
    await page.goBack();
    await expectClaimsAsLeft(app, claims);
  });

  await test.step('the browser Back', async () => {
    await followClass();
    await page.goBack();
    await expectClaimsAsLeft(app, claims);
    expect(app.viewHash()).toBe(left);
  });
});

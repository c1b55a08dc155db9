/**
 * Journey (a), a student on the built-in demo (no kubeconfig at all): the demo opens by itself; from the overview
 * they find the Pending claims, pick the one whose class does not exist, read why, switch the UI to Russian and
 * open the lesson section in Russian.
 */
import { expect, test } from './support/fixtures';

test('a student finds the Pending claim in the demo, reads why, and opens the lesson in Russian', async ({ app, demoHost, page, shot }) => {
  await app.open(demoHost.url);

  // No kubeconfig: the core opened the demo on its own, labelled as such, and the token left the address bar.
  await app.waitForCluster('demo');
  await expect(app.clusterItem('demo')).toContainText('Demo cluster');
  await expect(app.pane.getByTestId('source-tag').first()).toBeVisible();
  expect(page.url()).not.toContain('token=');

  // Problems first: the overview names the missing class of lab-stuck/missing-class.
  await expect(app.overview.finding('claim.class-missing', 'missing-class')).toBeVisible();
  await expect(app.overview.phaseCount('claims', 'Pending')).toBeVisible();
  await shot('overview');

  // The Pending count leads to the claims table filtered to Pending, kept in the URL.
  await app.overview.phaseCount('claims', 'Pending').click();
  const claims = await test.step('claims filtered to Pending', async () => {
    const table = app.table('claims');
    await expect(table.phaseFilter).toHaveValue('Pending');
    await expect(table.row('lab-stuck', 'missing-class')).toBeVisible();
    await expect(table.rows.filter({ hasNotText: 'Pending' })).toHaveCount(0);
    expect(app.viewHash()).toMatch(/f\.phase=Pending/);
    return table;
  });
  await shot('claims-pending');

  // Why is it Pending? The finding on the claim says so, with evidence and the fix.
  await claims.open('lab-stuck', 'missing-class');
  await expect(app.details.title).toContainText('missing-class');
  // The basics come first; the finding is one tab away.
  await expect(app.details.summary).toBeVisible();
  await app.details.showTab('findings');
  const finding = app.details.finding('claim.class-missing');
  await expect(app.details.cause(finding)).toContainText('StorageClass "fast-ssd", which does not exist');
  // The first fix creates the missing class: a StorageClass manifest named fast-ssd, with a provisioner the cluster has.
  const stub = finding.getByTestId('fix-command').first();
  await expect(stub).toContainText("kubectl apply -f - <<'EOF'");
  await expect(stub).toContainText('name: fast-ssd');
  await expect(stub).toContainText('provisioner: ');
  await shot('details-finding');

  // The whole UI in Russian, the cause included.
  await app.setUiLanguage('ru');
  await expect(app.nav('claims')).toContainText('Заявки');
  await expect(app.details.cause(finding)).toContainText('которого нет');

  // The lesson section the finding links to, in Russian.
  await app.details.learnLink(finding).click();
  await expect(app.lesson.root).toHaveAttribute('data-lang', 'ru');
  await expect(app.lesson.currentSection).toHaveAttribute('data-anchor', 'storage-class');
  await expect(app.lesson.currentSection.getByRole('heading', { level: 2 })).toHaveText('StorageClass: как получить том');
  await expect(app.lesson.currentSection).toBeInViewport();
  expect(app.viewHash()).toContain('lesson=storage-class');
  await shot('lesson-ru');
});

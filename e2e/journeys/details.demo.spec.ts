/**
 * Journey: a student reads the details of the Pending claim lab-stuck/missing-class on the demo, at 1280x720 and
 * 1440x900, in English and Russian. The Summary comes first, its first line the cause with a link to the finding
 * (values verbatim, never machine-translated); the tab
 * lives in the URL; Related shows the chain (the pod, the missing class, the volume that almost fits); a link
 * shows its object in its own view with a breadcrumb of the path, and Back returns; the YAML reads as kubectl
 * prints it; Escape returns focus to the claim's row. The document never scrolls and the panel's text fits it.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectInsideWindow, expectNoDocumentScroll, SCREENS, UI_LANGS } from './support/layout';

const WORDS = {
  en: { claims: 'Claims', requested: 'Requested size', hint: 'ReadWriteOncePod', relation: 'almost fits', missing: 'does not exist in this cluster', cause: 'The named StorageClass does not exist' },
  ru: { claims: 'Заявки PVC', requested: 'Запрошенный размер', hint: 'ReadWriteOncePod', relation: 'почти подходит', missing: 'в этом кластере нет', cause: 'Указанного StorageClass не существует' },
} as const;

/**
 * Nothing in the panel runs past its right edge, and its scrolling body has nothing to scroll sideways (the YAML,
 * unless wrapped, scrolls inside its own box by design, so it is checked only when wrapped).
 */
async function expectPanelTextFits(panel: Locator): Promise<void> {
  const overflow = await panel.evaluate((root) => {
    const edge = root.getBoundingClientRect().right + 0.5;
    const out: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.closest('pre.yaml:not(.wrap)')) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > edge) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`);
    }
    const body = root.querySelector('.detail-body');
    if (body && body.scrollWidth > body.clientWidth + 1 && !body.querySelector('pre.yaml:not(.wrap)')) out.push(`.detail-body scrolls sideways (${body.scrollWidth} > ${body.clientWidth})`);
    return out;
  });
  expect(overflow, 'text cut off at the panel edge').toEqual([]);
}

/** The id of the grid's active row and the id of a row: equal when the row is the active one. */
async function activeRowIs(grid: Locator, row: Locator): Promise<boolean> {
  const [active, id] = await Promise.all([grid.getAttribute('aria-activedescendant'), row.getAttribute('id')]);
  return active !== null && active === id;
}

async function settle(page: Page): Promise<void> {
  await expectNoDocumentScroll(page);
}

for (const screen of SCREENS) {
  for (const lang of UI_LANGS) {
    const words = WORDS[lang];
    const tag = `${screen.name}-${lang}`;

    test(`details of the stuck claim: Summary, chain, links with Back, YAML, Escape (${screen.name}, ${lang})`, async ({ app, demoHost, page, shot }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await app.open(demoHost.url);
      await app.waitForCluster('demo');
      if (lang === 'ru') await app.setUiLanguage('ru');

      // The claims table filtered to Pending, as the student finds it from the overview.
      const claims = await app.showTable('claims');
      await claims.filterPhase('Pending');
      const row = claims.row('lab-stuck', 'missing-class');
      await claims.open('lab-stuck', 'missing-class');
      const details = app.details;

      await test.step('the Summary comes first, values verbatim and not translated', async () => {
        await expect(details.heading).toContainText('lab-stuck/missing-class');
        await expect(details.tab('summary')).toHaveAttribute('aria-selected', 'true');
        await expect(details.summaryField('phase')).toContainText('Pending');
        await expect(details.summaryField('requested')).toContainText(words.requested);
        await expect(details.summaryField('requested').locator('[translate="no"]')).toHaveText('1Gi');
        await expect(details.summaryField('accessModes')).toContainText('ReadWriteOnce');
        await expect(details.summaryField('accessModes').getByTestId('summary-hint')).toContainText(words.hint);
        await expect(details.summaryField('volumeMode')).toContainText('Filesystem');
        const classLink = details.summaryField('storageClass').getByTestId('object-link');
        await expect(classLink).toHaveText('StorageClass/fast-ssd');
        await expect(classLink).toHaveAttribute('data-missing', 'true');
        await expect(classLink).toHaveAttribute('translate', 'no');
        await expect(details.summaryField('usedBy')).toContainText('app-waiting-for-claim');
        await expect(details.summaryField('finalizers')).toContainText('kubernetes.io/pvc-protection');
        await expectInsideWindow(page, details.root, 'the details panel');
        await expectPanelTextFits(details.root);
        await settle(page);
        await shot(`details-summary-${tag}`);
      });

      await test.step('the Summary says first why the claim is stuck, and links to the finding', async () => {
        // Trial 3 defect 5: the Summary of a Pending claim did not say why it waits.
        const cause = details.root.getByTestId('summary-cause');
        await expect(cause).toBeVisible();
        await expect(cause).toHaveAttribute('data-code', 'claim.class-missing');
        await expect(cause).toContainText(words.cause);
        await expect(cause).toBeInViewport();
        await cause.getByTestId('summary-cause-link').click();
        await expect(details.tab('findings')).toHaveAttribute('aria-selected', 'true');
        await expect(details.root.locator('[data-testid="finding"][data-code="claim.class-missing"]')).toBeVisible();
        await details.showTab('summary');
      });

      await test.step('the chain in Related, the tab in the URL', async () => {
        await details.showTab('related');
        expect(app.viewHash()).toContain('tab=related');
        await expect(details.relatedObjects('mounted-by')).toContainText('app-waiting-for-claim');
        await expect(details.relatedObjects('storage-class')).toContainText('fast-ssd');
        const nearMiss = details.relatedObjects('near-miss-volume');
        await expect(nearMiss).toContainText('lab-near-miss-pv');
        await expect(nearMiss.locator('.related-rel')).toHaveText(words.relation);
        await expect(details.related.getByTestId('related-events')).toContainText('ProvisioningFailed');
        await expectPanelTextFits(details.root);
        await settle(page);
        await shot(`details-related-${tag}`);
      });

      await test.step('a link shows the volume in the Volumes view, with the path taken; Back returns', async () => {
        const before = app.viewHash();
        await details.relatedObjects('near-miss-volume').getByTestId('object-link').click();
        await expect(app.nav('volumes')).toHaveAttribute('aria-current', 'page');
        const volumes = app.table('volumes');
        const volumeRow = volumes.row(undefined, 'lab-near-miss-pv');
        await expect(volumeRow).toHaveAttribute('aria-selected', 'true');
        await expect(volumeRow).toBeInViewport();
        await expect(details.heading).toContainText('lab-near-miss-pv');
        await expect(details.tab('summary')).toHaveAttribute('aria-selected', 'true');
        await expect(details.trail).toHaveText(new RegExp(`^${words.claims}\\s*lab-stuck/missing-class\\s*PersistentVolume lab-near-miss-pv$`));
        await expect(details.trailCurrent).toHaveText('PersistentVolume lab-near-miss-pv');
        await expectPanelTextFits(details.root);
        await settle(page);
        await shot(`details-link-volume-${tag}`);

        await page.goBack();
        await expect(app.nav('claims')).toHaveAttribute('aria-current', 'page');
        expect(app.viewHash()).toBe(before);
        await expect(details.heading).toContainText('lab-stuck/missing-class');
        await expect(details.tab('related')).toHaveAttribute('aria-selected', 'true');
        await expect(details.trail).toHaveCount(0);
        await expect(claims.phaseFilter).toHaveValue('Pending');
      });

      await test.step('the missing class opens in the Classes view, saying it does not exist and who asks for it', async () => {
        await details.showTab('summary');
        await details.summaryField('storageClass').getByTestId('object-link').click();
        await expect(app.nav('classes')).toHaveAttribute('aria-current', 'page');
        await expect(details.heading).toContainText('fast-ssd');
        await expect(details.missing).toContainText(words.missing);
        await expect(details.trail).toHaveText(new RegExp(`^${words.claims}\\s*lab-stuck/missing-class\\s*StorageClass fast-ssd$`));
        await details.showTab('related');
        await expect(details.relatedObjects('class-claim')).toContainText('lab-stuck/missing-class');
        await settle(page);
        await shot(`details-link-missing-class-${tag}`);

        // The crumb of the claim leads back to it, as Back does.
        await details.trailSteps().nth(1).click();
        await expect(app.nav('claims')).toHaveAttribute('aria-current', 'page');
        await expect(details.heading).toContainText('lab-stuck/missing-class');
        await page.goBack();
        await expect(app.nav('classes')).toHaveAttribute('aria-current', 'page');
        await page.goBack();
        await expect(app.nav('claims')).toHaveAttribute('aria-current', 'page');
        await expect(details.heading).toContainText('lab-stuck/missing-class');
      });

      await test.step('the YAML as kubectl prints it, with Copy, Download and Wrap', async () => {
        await details.showTab('yaml');
        await expect(details.yaml).toHaveAttribute('translate', 'no');
        const text = (await details.yaml.textContent()) ?? '';
        expect(text.split('\n').slice(0, 3)).toEqual(['apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:']);
        expect(text.indexOf('\nspec:')).toBeLessThan(text.indexOf('\nstatus:'));
        const download = page.waitForEvent('download');
        await details.yamlDownload.click();
        expect((await download).suggestedFilename()).toBe('persistentvolumeclaim_lab-stuck_missing-class.yaml');
        await details.yamlWrap.check();
        await expect(details.yaml).toHaveAttribute('data-wrap', 'on');
        await expectPanelTextFits(details.root);
        await settle(page);
        await shot(`details-yaml-${tag}`);
      });

      await test.step('Escape closes the panel and gives focus back to the claim row', async () => {
        await details.tab('yaml').focus();
        await page.keyboard.press('Escape');
        await expect(details.root).toHaveCount(0);
        await expect(claims.ariaGrid).toBeFocused();
        await expect.poll(() => activeRowIs(claims.ariaGrid, row)).toBe(true);
        await settle(page);
      });
    });
  }
}

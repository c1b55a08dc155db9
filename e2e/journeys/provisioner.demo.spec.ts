/**
 * Journey: a support engineer opens the provisioner hostpath.lab.kse.dev from the Provisioners table on the demo, at
 * 1280x720, in English and Russian. The panel is titled as the provisioner (not as a StorageClass), the URL selects
 * `provisioners:<name>`, the Summary says the verdict in words with its leader Lease (holder, renew time, duration,
 * leader changes), Related lists the classes that name it, and there is no YAML tab (a provisioner is no object).
 * In Russian no English word is left in the panel but Kubernetes' own terms and the cluster's values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { REPO_ROOT } from './support/web-host';
import { expectInsideWindow, expectNoDocumentScroll } from './support/layout';
import { describeFindings, scanForEnglish } from './support/text-scan';

const NAME = 'hostpath.lab.kse.dev';
/** The demo's Lease lab-system/hostpath.lab.kse.dev, read from the recording (it changes when the demo is recorded again). */
const LEASE = demoLease('lab-system', NAME);
const HOLDER = LEASE.holder;
/** The day the recording renews the lease on (renewTime moves on while the replay plays). */
const RENEWED_DAY = new RegExp(`^${LEASE.renewTime.slice(0, 'YYYY-MM-DD'.length)}T`);

function demoLease(namespace: string, name: string): { holder: string; renewTime: string } {
  const recording = JSON.parse(readFileSync(join(REPO_ROOT, 'resources', 'demo', 'demo.json'), 'utf8')) as {
    kinds: { leases?: { items?: { metadata?: { namespace?: string; name?: string }; spec?: { holderIdentity?: string; renewTime?: string } }[] } };
  };
  const lease = recording.kinds.leases?.items?.find((l) => l.metadata?.namespace === namespace && l.metadata?.name === name);
  if (!lease?.spec?.holderIdentity || !lease.spec.renewTime) throw new Error(`the demo recording has no Lease ${namespace}/${name} with a holder and a renew time`);
  return { holder: lease.spec.holderIdentity, renewTime: lease.spec.renewTime };
}

const WORDS = {
  en: { kind: 'Provisioner', lease: 'Leader Lease', classes: 'Classes that name it (2)' },
  ru: { kind: 'Провизионер', lease: 'Лидерский Lease', classes: 'Классы, которые его называют (2)' },
} as const;

for (const lang of ['en', 'ru'] as const) {
  const words = WORDS[lang];
  test(`a provisioner's own details: title, lease, classes (1280x720, ${lang})`, async ({ app, demoHost, page, shot }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open(demoHost.url);
    await app.waitForCluster('demo');
    if (lang === 'ru') await app.setUiLanguage('ru');

    const provisioners = await app.showTable('provisioners');
    await provisioners.open(undefined, NAME);
    const details = app.details;

    await test.step('titled as the provisioner, selected as one in the URL', async () => {
      await expect(details.heading).toHaveText(`${words.kind} ${NAME}`);
      await expect(details.root.getByTestId('details-title')).toHaveAttribute('data-kind', 'provisioners');
      expect(decodeURIComponent(app.viewHash())).toContain(`sel=provisioners:${NAME}`);
      await expect(details.tab('yaml')).toHaveCount(0);
    });

    await test.step('the verdict in words and the leader Lease', async () => {
      const summary = details.root.getByTestId('provisioner-details');
      await expect(summary).toBeVisible();
      await expect(details.root.getByTestId('provisioner-verdict')).not.toBeEmpty();
      const lease = details.root.getByTestId('provisioner-lease');
      await expect(lease).toContainText(words.lease);
      await expect(lease).toContainText(`lab-system/${NAME}`);
      await expect(lease.getByTestId('lease-holder')).toContainText(HOLDER);
      await expect(lease.getByTestId('lease-renewed').locator('time')).toHaveAttribute('datetime', RENEWED_DAY);
      await expect(lease.getByTestId('lease-duration')).toContainText('15');
      await expect(lease.getByTestId('lease-transitions')).toContainText('0');
      // The Lease's fields are shown once, in its section, not again among the evidence (trial 4, defect 8).
      await expect(details.root.getByTestId('provisioner-evidence')).not.toContainText(HOLDER);
      await expect(details.root.getByTestId('provisioner-evidence')).not.toContainText(`lab-system/${NAME}`);
      await expect(details.root.getByTestId('provisioner-evidence')).not.toContainText(/\d{4}-\d\d-\d\dT\d\d:/);
      await expectInsideWindow(page, details.root, 'the details panel');
      await expectNoDocumentScroll(page);
      await shot(`provisioner-summary-1280-${lang}`);
      if (lang === 'ru') {
        const english = (await scanForEnglish(page, 'provisioner summary'));
        expect(english, describeFindings(english)).toEqual([]);
      }
    });

    await test.step('the classes that name it', async () => {
      await details.showTab('related');
      const classes = details.root.getByTestId('provisioner-classes');
      await expect(classes).toContainText(words.classes);
      await expect(classes.getByTestId('provisioner-class')).toHaveCount(2);
      await expect(classes.getByTestId('provisioner-class').nth(0)).toHaveAttribute('data-name', 'lab-external');
      await expect(classes.getByTestId('provisioner-class').nth(1)).toHaveAttribute('data-name', 'lab-external-broken');
      expect(app.viewHash()).toContain('tab=related');
      await expectNoDocumentScroll(page);
      await shot(`provisioner-related-1280-${lang}`);
      if (lang === 'ru') {
        const english = (await scanForEnglish(page, 'provisioner related'));
        expect(english, describeFindings(english)).toEqual([]);
      }
    });

    await test.step('a class link shows the class in Classes', async () => {
      await details.root.getByTestId('provisioner-class').nth(0).getByTestId('object-link').click();
      await expect(app.nav('classes')).toHaveAttribute('aria-current', 'page');
      await expect(details.heading).toContainText('lab-external');
    });
  });
}

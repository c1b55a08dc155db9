/**
 * Journey (c), an engineer on the demo: selects a pod in the pods table and follows its binding graph, node by
 * node, from the pod through its claim, volume and class to the provisioner, whose health is shown.
 * Also the pod init progress view: the demo replays the init-container pod walking its steps.
 */
import { expect, test } from './support/fixtures';

test('an engineer selects a pod and follows its graph to the provisioner', async ({ app, demoHost, shot }) => {
  await app.open(demoHost.url);
  await app.waitForCluster('demo');

  const pods = await app.showTable('pods');
  await pods.open('lab-dynamic', 'db');
  await expect(app.details.title).toContainText('lab-dynamic/db');

  await app.details.graphButton.click();
  const graph = app.graph;
  await expect(graph.root).toBeVisible();
  // The chain Pod -> PVC -> PV -> StorageClass -> provisioner, and the node the pod runs on.
  await expect(graph.node('pod', 'db')).toBeVisible();
  await expect(graph.node('claim', 'data')).toBeVisible();
  await expect(graph.node('volume')).toHaveCount(1);
  await expect(graph.node('class', 'lab-hostpath')).toBeVisible();
  await expect(graph.node('provisioner', 'kubernetes.io/host-path')).toBeVisible();
  // The node the pod runs on (whichever the scheduler picked when the demo was recorded).
  await expect(graph.node('node')).toHaveCount(1);
  await expect(graph.brokenLinks).toHaveCount(0);
  await shot('graph');

  // Follow it: each click opens that object's details beside the graph, which stays where it is.
  await graph.select('claim', 'data');
  await expect(app.details.title).toContainText('lab-dynamic/data');
  await graph.select('volume');
  await expect(app.details.title).toContainText('PersistentVolume');
  await graph.select('class', 'lab-hostpath');
  await expect(app.details.title).toContainText('lab-hostpath');
  await expect(graph.root).toBeVisible();

  // The provisioner at the end of the chain is alive (verdict on its node), and listed as such.
  await expect(graph.node('provisioner', 'kubernetes.io/host-path')).toContainText('alive');
  await app.show('provisioners');
  await expect(app.table('provisioners').grid).toContainText('kubernetes.io/host-path');
});

test('the init-container pod shows its steps progressing in the demo', async ({ app, freshDemoHost, page, shot }) => {
  test.setTimeout(300_000);
  await app.open(freshDemoHost.url);
  await app.waitForCluster('demo');

  const pods = await app.showTable('pods');
  // The recording deletes the pod at 0:02 and creates it again at 0:07: wait for its row whichever moment it is.
  await pods.open('lab-init', 'prepare-data');
  await app.details.showTab('init');
  await expect(app.details.initSteps).toHaveCount(3);
  await expect(app.details.initSteps.nth(0)).toContainText('fetch');
  await expect(app.details.initSteps.nth(1)).toContainText('fix-permissions');
  await expect(app.details.initSteps.nth(2)).toContainText('render-config');
  // fix-permissions runs as root inside a pod that runs as 1000: the user of each step is shown.
  await expect(app.details.initSteps.nth(1)).toContainText('runs as uid 0');
  await expect(app.details.initSteps.nth(0)).toContainText('runs as uid 1000');
  // How far the replay got by now depends on how loaded this machine is (the second step runs from 0:14 to 0:20):
  // loop it and start it over with the Init tab open, so the pod is replaced and walks its steps while the test
  // watches, and a pass the page missed under load comes round again. The panel keeps its tab while the pod is
  // gone between 0:02 and 0:07.
  const replay = page.getByTestId('replay');
  if ((await replay.getAttribute('data-loop')) !== 'true') await page.getByTestId('replay-loop').click();
  await expect(replay).toHaveAttribute('data-loop', 'true');
  await page.getByTestId('replay-restart').click();
  // While the second step runs, the first is done and the third still waits (live, without a reload).
  // The three states are read together, so a step that moves on between two reads cannot mislead the check.
  await expect.poll(() => app.details.initStates(), { timeout: 240_000 }).toEqual(['done', 'running', 'waiting']);
  await shot('pod-init-progress');
  // ...and then every step is done.
  await expect(app.details.initProgress.locator('[data-testid="init-step"][data-state="done"]')).toHaveCount(3, { timeout: 120_000 });
});

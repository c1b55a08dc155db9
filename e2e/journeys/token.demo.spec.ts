/**
 * Journey (e): the web host serves its API only to a page that carries this run's token. A page opened without
 * the token says what happened and what to do; API calls and the notice socket without it are refused.
 */
import { expect, test } from './support/fixtures';

test('the web host refuses requests without the token and the page says why', async ({ demoHost, page, request }) => {
  // The page itself loads (it is static), but every call it makes is refused: it says to open the printed URL.
  await page.goto(`${demoHost.origin}/`);
  await expect(page.getByTestId('state-error').first()).toContainText('access token', { timeout: 60_000 });
  await expect(page.getByTestId('pane-0').getByTestId('nav-overview')).toHaveCount(0);

  const withoutToken = await request.post(`${demoHost.origin}/api/listClusters`, { data: {} });
  expect(withoutToken.status()).toBe(401);
  expect((await withoutToken.json()) as unknown).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

  const wrongToken = await request.post(`${demoHost.origin}/api/listClusters`, { data: {}, headers: { 'X-KSE-Token': 'not-the-token' } });
  expect(wrongToken.status()).toBe(401);

  const withToken = await request.post(`${demoHost.origin}/api/listClusters`, { data: {}, headers: { 'X-KSE-Token': demoHost.token } });
  expect(withToken.status()).toBe(200);

  // The notice socket without the token is refused as well.
  const socketRefused = await page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(url, ['kse.v1']);
        socket.onopen = () => resolve(false);
        socket.onerror = () => resolve(true);
      }),
    `${demoHost.origin.replace('http', 'ws')}/notices`,
  );
  expect(socketRefused).toBe(true);
});

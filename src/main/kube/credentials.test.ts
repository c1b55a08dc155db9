import { Agent } from 'node:https';
import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { CredentialError, Credentials } from './credentials';

/** The part of client-node's KubeConfig that Credentials uses, driven by a token source and a delay. */
function fakeKubeConfig(token: () => string, delayMs = 0, fail?: string): KubeConfig {
  return {
    getCurrentCluster: () => ({ name: 'c', server: 'https://example:6443', skipTLSVerify: false }),
    getCurrentUser: () => ({ name: 'me', authProvider: { name: 'oidc' } }),
    async applyToHTTPSOptions(options: RequestOptions) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (fail) throw new Error(fail);
      options.headers = { ...options.headers, Authorization: `Bearer ${token()}` };
      options.agent = new Agent();
    },
  } as unknown as KubeConfig;
}

describe('Credentials', () => {
  it('applies once and reuses the result', async () => {
    let applied = 0;
    const credentials = new Credentials({ makeKubeConfig: () => fakeKubeConfig(() => `t${++applied}`) });
    const [a, b] = await Promise.all([credentials.current(), credentials.current()]);
    expect(a.headers.Authorization).toBe('Bearer t1');
    expect(b).toBe(a);
    expect(await credentials.current()).toBe(a);
    expect(applied).toBe(1);
    credentials.close();
  });

  it('refreshes from a fresh KubeConfig once for many concurrent 401s', async () => {
    let built = 0;
    let issued = 0;
    const credentials = new Credentials({
      makeKubeConfig: () => {
        built += 1;
        return fakeKubeConfig(() => `t${++issued}`, 20);
      },
    });
    const stale = await credentials.current();
    const refreshed = await Promise.all([credentials.refresh(stale), credentials.refresh(stale), credentials.refresh(stale)]);
    expect(new Set(refreshed).size).toBe(1);
    expect(refreshed[0]!.headers.Authorization).toBe('Bearer t2');
    expect(refreshed[0]!.generation).toBeGreaterThan(stale.generation);
    expect(built).toBe(2); // the first, and one rebuild
    // A late caller holding the stale credential gets the already refreshed one, not another refresh.
    expect(await credentials.refresh(stale)).toBe(refreshed[0]);
    expect(built).toBe(2);
    credentials.close();
  });

  // Exec plugins are run (and killed) by exec-plugin.ts; this limit is for the other auth providers (OIDC...).
  it('gives up on an auth provider that hangs, naming the user', async () => {
    const credentials = new Credentials({ makeKubeConfig: () => fakeKubeConfig(() => 't', 5_000), applyTimeoutMs: 50 });
    await expect(credentials.current()).rejects.toThrow(CredentialError);
    await expect(credentials.current()).rejects.toThrow(/auth provider of user "me" did not answer within 0.05 s/);
  });

  it("says which user's auth provider failed and how to check it", async () => {
    const credentials = new Credentials({ makeKubeConfig: () => fakeKubeConfig(() => 't', 0, 'token expired, run login') });
    await expect(credentials.current()).rejects.toThrow(/auth provider of user "me" failed: token expired, run login\. Check that it works in a terminal/);
  });
});

import { Agent } from 'node:http';
import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { safeServerUrl } from '../../shared/server-url';
import { ApiClient } from './api-client';
import { Credentials } from './credentials';

describe('server URLs never show user:password', () => {
  it('safeServerUrl strips user info from URLs and from text that is not one', () => {
    expect(safeServerUrl('https://admin:hunter2@k8s.example:6443/')).toBe('https://k8s.example:6443');
    expect(safeServerUrl('https://token@k8s.example')).toBe('https://k8s.example');
    expect(safeServerUrl('https://k8s.example:6443')).toBe('https://k8s.example:6443');
    expect(safeServerUrl('htt ps://admin:hunter2@bad url')).not.toContain('hunter2');
  });

  it('connection errors name the server without its password', async () => {
    const kc = {
      getCurrentCluster: () => ({ name: 'c', server: 'http://admin:hunter2@127.0.0.1:1', skipTLSVerify: false }),
      getCurrentUser: () => ({ name: 'me' }),
      getCurrentContext: () => 'ctx',
      async applyToHTTPSOptions(options: RequestOptions) {
        options.agent = new Agent();
      },
    } as unknown as KubeConfig;
    const credentials = new Credentials({ makeKubeConfig: () => kc });
    const client = new ApiClient(credentials, 5_000);
    const error = (await client.json('/version').catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('Cannot reach the API server http://127.0.0.1:1');
    expect(error.message).not.toContain('hunter2');
    expect(client.server).toBe('http://127.0.0.1:1');
    credentials.close();
  });
});

/**
 * A TCP proxy in front of the lab's API server, for integration tests that need the network to fail in ways
 * a real network does: connections refused or reset ("down"), or kept open while nothing gets through
 * ("blackhole": a dead link TCP has not noticed, which only a watchdog catches). TLS passes through untouched.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'down' | 'blackhole';

export interface TcpProxy {
  readonly port: number;
  /** Connections accepted so far (each request attempt that reached the proxy). */
  readonly accepted: number;
  mode: ProxyMode;
  /** Cuts every open connection (as an apiserver crash would). */
  resetAll(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const connections = new Set<{ client: Socket; upstream: Socket; dead: boolean }>();
  let mode: ProxyMode = 'pass';
  let accepted = 0;
  const server: Server = createServer((client) => {
    accepted += 1;
    if (mode === 'down') {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    // A connection opened during a blackhole stays dead even after it ends: like a half-open TCP link.
    const entry = { client, upstream, dead: mode === 'blackhole' };
    connections.add(entry);
    client.on('data', (chunk) => {
      if (!entry.dead) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!entry.dead) client.write(chunk);
    });
    const end = (): void => {
      connections.delete(entry);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  const resetAll = (): void => {
    for (const entry of connections) {
      entry.client.resetAndDestroy();
      entry.upstream.destroy();
    }
    connections.clear();
  };
  return {
    port: address.port,
    get accepted() {
      return accepted;
    },
    get mode() {
      return mode;
    },
    set mode(next: ProxyMode) {
      mode = next;
      if (next === 'blackhole') for (const entry of connections) entry.dead = true;
      if (next === 'down') resetAll();
    },
    resetAll,
    close() {
      resetAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** `kse web`: the web host on 127.0.0.1 with this run's token, until Ctrl+C. */
import { startWebHost } from '../../main/host/web/server';
import type { CommandNamed } from '../args';
import { CliFailure, type CliRuntime } from '../runtime';

export async function runWeb(runtime: CliRuntime, command: CommandNamed<'web'>): Promise<number> {
  // The context opened last time (or the current one) starts syncing now: the page finds it syncing or synced.
  const core = await runtime.createCore({ autoOpenDemo: true, openContextOnStart: true });
  let host;
  try {
    host = await startWebHost({ core, rendererDir: runtime.rendererDir, ...(command.port !== undefined ? { port: command.port } : {}) });
  } catch (error) {
    await core.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliFailure(`Cannot start the web host on 127.0.0.1${command.port ? `:${command.port}` : ''}: ${reason}. Pick another --port.`);
  }
  runtime.io.out(`Kube Storage Explorer is serving on 127.0.0.1. Open this URL (it carries this run's access token):\n\n  ${host.url}\n\nPress Ctrl+C to stop.\n`);
  const cleanUp = command.open ? runtime.openBrowser(host.url) : undefined;
  await runtime.untilInterrupted();
  cleanUp?.();
  await host.close();
  await core.close();
  return 0;
}

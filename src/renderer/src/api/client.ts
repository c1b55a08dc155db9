/**
 * The renderer's one client of the contract. In Electron the preload exposes it as `window.kse` (IPC);
 * in a browser the web client talks to the web host (HTTP + WebSocket, per-run token from the URL fragment).
 * Components never know which one they have.
 */
import type { RendererApi } from '../../../shared/contract';

type WebClientModule = { createWebClient: (opts: { baseUrl?: string }) => RendererApi };

/**
 * The web client is written in src/shared/web-client.ts. It is looked up with a glob so the renderer builds
 * (and its tests run) whether or not that module exists yet; once it exists it is bundled like a static import.
 */
const webClientModules = import.meta.glob<WebClientModule>('../../../shared/web-client.ts', { eager: true });

/** Thrown by every method when no transport exists: says what happened and what to do. */
function unavailableClient(): RendererApi {
  const fail = (): Promise<never> =>
    Promise.reject(
      new Error(
        'No connection to the Kube Storage Explorer core: this page was opened neither in the app nor from the URL ' +
          'that `npm run web` prints. Open that URL (it carries the access token) or start the desktop app.',
      ),
    );
  return {
    listClusters: fail,
    openCluster: fail,
    closeCluster: fail,
    openSnapshot: fail,
    clusterStatus: fail,
    addNamespace: fail,
    listRows: fail,
    getObject: fail,
    getGraph: fail,
    getOverview: fail,
    listFindings: fail,
    getLessons: fail,
    about: fail,
    onNotice: () => () => undefined,
  };
}

/** Picks the transport: the preload's IPC client when present, else the web client. Call once at startup. */
export function createClient(): RendererApi {
  if (typeof window !== 'undefined' && window.kse) return window.kse;
  const module = Object.values(webClientModules)[0];
  if (module) return module.createWebClient({});
  return unavailableClient();
}

/**
 * The renderer's one client of the contract. In Electron the preload exposes it as `window.kse` (IPC);
 * in a browser the web client talks to the web host (HTTP + WebSocket; it takes the per-run token from the
 * URL fragment into localStorage and removes it from the address bar). Components never know which.
 */
import type { RendererApi } from '../../../shared/contract';
import { createWebClient } from '../../../shared/web-client';

/** Picks the transport: the preload's IPC client when present, else the web client. Call once at startup. */
export function createClient(): RendererApi {
  if (typeof window !== 'undefined' && window.kse) return window.kse;
  return createWebClient();
}

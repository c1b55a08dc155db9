/// <reference types="vite/client" />
import type { RendererApi } from '../../shared/contract';

declare global {
  interface Window {
    /** The contract, exposed by the Electron preload. Absent in the browser (the web client is used). */
    kse?: RendererApi;
  }
}

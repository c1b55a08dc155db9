/** Makes the one RendererApi client available to components (tests pass a fake one). */
import { createContext, useContext, type ReactNode } from 'react';
import type { RendererApi } from '../../../shared/contract';

const ApiContext = createContext<RendererApi | null>(null);

export function ApiProvider({ api, children }: { api: RendererApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): RendererApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}

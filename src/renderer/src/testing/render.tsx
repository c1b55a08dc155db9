/** Renders a component with every provider the app has, over a fake API, for component tests. */
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { Lang } from '../../../shared/model/findings';
import { ApiProvider } from '../api/api-context';
import { createQueryClient } from '../api/queries';
import { I18nProvider } from '../i18n/i18n';
import { ThemeProvider } from '../state/theme';
import { ViewProvider } from '../state/view-store';
import type { ViewState } from '../state/view-state';
import { createFakeApi, type FakeApi } from './fake-api';

export function renderWithApp(ui: ReactElement, options: { api?: FakeApi; lang?: Lang; view?: ViewState } = {}) {
  const api = options.api ?? createFakeApi();
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  // A wrapper (not a wrapped element) so that rerender() keeps the same providers and cache.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider lang={options.lang ?? 'en'}>
          <ThemeProvider>
            <ViewProvider initial={options.view}>{children}</ViewProvider>
          </ThemeProvider>
        </I18nProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
  const result = render(ui, { wrapper });
  return { ...result, api, queryClient };
}

/**
 * jsdom lays nothing out: give elements the size of a typical table viewport (so the virtualised grid renders
 * rows) and a ResizeObserver that does nothing (React Flow needs one to exist). Call it in beforeAll.
 */
export function stubLayout(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

/** Renderer entry: one contract client, one query cache fed by change notices, the app. */
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/shell.css';
import './styles/table.css';
import './styles/panels.css';
import './styles/overview.css';
import './styles/details.css';
import './styles/exercises.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RendererApi } from '../../shared/contract';
import type { QueryClient } from '@tanstack/react-query';
import { ApiProvider } from './api/api-context';
import { createClient } from './api/client';
import { useNoticeInvalidation } from './api/notices';
import { createQueryClient } from './api/queries';
import { App } from './App';
import { I18nProvider } from './i18n/i18n';
import { ThemeProvider } from './state/theme';
import { ViewProvider } from './state/view-store';

// Created before the view state reads the fragment: the web client takes its token out of it first.
const api = createClient();
const queryClient = createQueryClient();

function Notices({ api, client, children }: { api: RendererApi; client: QueryClient; children: ReactNode }) {
  useNoticeInvalidation(api, client);
  return <>{children}</>;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <Notices api={api} client={queryClient}>
          <I18nProvider>
            <ThemeProvider>
              <ViewProvider>
                <App />
              </ViewProvider>
            </ThemeProvider>
          </I18nProvider>
        </Notices>
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);

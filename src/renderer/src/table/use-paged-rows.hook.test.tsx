// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { ClaimRow } from '../../../shared/model/rows';
import { ApiProvider } from '../api/api-context';
import { createQueryClient } from '../api/queries';
import { createFakeApi } from '../testing/fake-api';
import { usePagedRows } from './use-paged-rows';

describe('usePagedRows', () => {
  it('serves rows far from the top once their page arrives, and follows the viewport as it moves', async () => {
    const api = createFakeApi({ claims: 10_000 });
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ApiProvider api={api}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </ApiProvider>
    );
    const { result, rerender } = renderHook(({ first, last }) => usePagedRows({ clusterId: 'demo', table: 'claims' }, first, last), {
      wrapper,
      initialProps: { first: 0, last: 40 },
    });
    await waitFor(() => expect(result.current.total).toBe(10_000));
    rerender({ first: 5_000, last: 5_040 });
    await waitFor(() => expect((result.current.rowAt(5_000) as ClaimRow | undefined)?.name).toBe('data-05000'));
    rerender({ first: 8_190, last: 8_230 });
    await waitFor(() => expect((result.current.rowAt(8_229) as ClaimRow | undefined)?.name).toBe('data-08229'));
    // Only the pages around the viewport were asked for, never the 50 pages in between.
    const offsets = api.calls.filter((c) => c.method === 'listRows').map((c) => (c.req as { offset: number }).offset);
    expect(new Set(offsets)).toEqual(new Set([0, 5_000, 8_000, 8_200]));
  });
});

// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';
import { ClusterList } from './ClusterList';

afterEach(cleanup);

describe('cluster list with broken kubeconfig files', () => {
  it('names each file that could not be read, with its reason, under the clusters', async () => {
    const api = createFakeApi({ kubeconfigProblems: [{ file: '/home/me/.kube/broken', message: '/home/me/.kube/broken is not valid YAML: Missing closing ]. Fix the file.' }] });
    renderWithApp(<ClusterList collapsed={false} onToggle={() => undefined} />, { api, lang: 'ru' });
    const section = await screen.findByTestId('kubeconfig-problems');
    expect(within(section).getByText(/Файлы kubeconfig, которые не удалось прочитать/)).toBeTruthy();
    expect(within(section).getByTestId('kubeconfig-problem').textContent).toContain('/home/me/.kube/broken is not valid YAML');
    // The usable clusters are still listed.
    expect(await screen.findAllByTestId('cluster-item')).toHaveLength(1);
  });

  it('shows nothing extra when every file was read', async () => {
    renderWithApp(<ClusterList collapsed={false} onToggle={() => undefined} />);
    await screen.findAllByTestId('cluster-item');
    expect(screen.queryByTestId('kubeconfig-problems')).toBeNull();
  });
});

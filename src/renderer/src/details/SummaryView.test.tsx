// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SummaryField } from '../../../shared/model/summary';
import { I18nProvider } from '../i18n/i18n';
import { hintFor, SummaryView } from './SummaryView';
import { plainText } from '../../../shared/verbatim';
import { PaneProvider } from '../components/pane-context';
import { emptyPane } from '../state/view-state';
import { renderWithApp } from '../testing/render';

afterEach(cleanup);
const phase: SummaryField[] = [{ id: 'phase', path: 'status.phase', value: { type: 'text', text: 'Pending' } }];
const hintOf = (kind: 'pods' | 'persistentvolumeclaims' | 'persistentvolumes') => {
  render(
    <I18nProvider lang="ru">
      <SummaryView fields={phase} kind={kind} />
    </I18nProvider>,
  );
  const text = screen.getByTestId('summary-hint').textContent ?? '';
  cleanup();
  return text;
};

describe('Summary hints per kind', () => {
  it("a pod's phase is explained as a pod's, not as a claim's (trial 2)", () => {
    const pod = hintOf('pods');
    expect(pod).toContain('пода');
    expect(pod).toContain('Running');
    expect(pod).not.toContain('заявк');
    expect(hintOf('persistentvolumeclaims')).toContain('заявки');
    expect(hintOf('persistentvolumes')).toContain('Released');
  });

  it('a field a kind has no hint for shows none; others keep the common one', () => {
    expect(hintFor('csistoragecapacities', 'capacity')).toBeUndefined();
    expect(hintFor('volumeattachments', 'node')).toBe('hint.node.attachment');
    expect(hintFor('pods', 'node')).toBe('hint.node');
    expect(hintFor(undefined, 'phase')).toBe('hint.phase');
  });
});

describe('Summary values in the UI language', () => {
  it("a StatefulSet's replicas read in Russian, not the core's English «3 (ready 2)» (trial 6, T6-1)", () => {
    const replicas: SummaryField[] = [{ id: 'replicas', path: 'spec.replicas', value: { type: 'replicas', wanted: 3, ready: 2 } }];
    const { container } = render(
      <I18nProvider lang="ru">
        <SummaryView fields={replicas} kind="statefulsets" />
      </I18nProvider>,
    );
    expect(container.textContent).toContain('3 (готовы: 2)');
    expect(container.textContent).not.toContain('ready');
  });

  it('a pod\'s attachment: "attached to node X by driver Y" in English and Russian, names verbatim, linked to its VolumeAttachment', () => {
    const fields: SummaryField[] = [
      {
        id: 'attachment',
        value: {
          type: 'attachment',
          attachments: [
            { state: 'attached', node: 'lab-node-a1', driver: 'csi.lab.kse.dev', volume: { kind: 'persistentvolumes', name: 'pvc-1' }, attachment: { kind: 'volumeattachments', name: 'csi-abc' } },
            { state: 'not-required', driver: 'nfs.example.com', volume: { kind: 'persistentvolumes', name: 'pvc-2' } },
          ],
        },
      },
    ];
    for (const [lang, attached, notRequired, label] of [
      ['en', 'attached to node lab-node-a1 by driver csi.lab.kse.dev', 'no attachment needed: CSIDriver nfs.example.com says attachRequired: false', 'Attachment'],
      ['ru', 'подключён к узлу lab-node-a1 драйвером csi.lab.kse.dev', 'подключение не нужно: CSIDriver nfs.example.com его не требует (attachRequired)', 'Подключение'],
    ] as const) {
      const { container, unmount } = renderWithApp(
        <PaneProvider index={0} clusterId="demo">
          <SummaryView fields={fields} kind="pods" />
        </PaneProvider>,
        { lang, view: { open: ['demo'], panes: [emptyPane('demo')] } },
      );
      const text = plainText(container.textContent ?? '');
      expect(text).toContain(label);
      expect(text).toContain(attached);
      expect(text).toContain(notRequired);
      // The link names the kind (the object's name is a hash).
      expect(text).toContain('VolumeAttachment');
      unmount();
    }
  });
});

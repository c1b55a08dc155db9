// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SummaryField, SummaryFieldId } from '../../../shared/model/summary';
import type { Resource } from '../../../shared/kube/resource-registry';
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
  it('a StatefulSet, a ResourceQuota and a LimitRange explain their fields like a claim does (trial 8, T8-16)', () => {
    const fields: [Resource, SummaryFieldId[]][] = [
      ['statefulsets', ['replicas', 'claimTemplates', 'ordinalPods', 'ordinalClaims', 'retentionPolicy']],
      ['resourcequotas', ['quotaHard', 'quotaUsed']],
      ['limitranges', ['limitItems']],
    ];
    for (const [kind, ids] of fields) for (const id of ids) expect(hintFor(kind, id), `${kind} ${id}`).toBeDefined();
  });

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

  it('a claim\'s expansion: sizes through Intl, the state, and who acts next, in English and Russian', () => {
    const GI = 1024 ** 3;
    const waiting: SummaryField[] = [
      {
        id: 'expansion',
        value: {
          type: 'expansion',
          expansion: {
            state: 'waiting',
            requested: { quantity: '2Gi', bytes: 2 * GI },
            capacity: { quantity: '1536Mi', bytes: 1.5 * GI },
            volume: { quantity: '1536Mi', bytes: 1.5 * GI },
            conditions: [],
            next: { kind: 'external-resizer', driver: 'csi.lab.kse.dev', lease: 'not-found' },
          },
        },
      },
    ];
    const pending: SummaryField[] = [
      {
        id: 'expansion',
        value: {
          type: 'expansion',
          expansion: {
            state: 'node-pending',
            requested: { quantity: '2Gi', bytes: 2 * GI },
            allocated: { quantity: '2Gi', bytes: 2 * GI },
            resizeStatus: 'NodeResizePending',
            conditions: [{ type: 'FileSystemResizePending', status: 'True', message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' }],
            next: { kind: 'kubelet', nodes: ['lab-node-a1'], pods: [{ kind: 'pods', namespace: 'ns', name: 'app' }] },
          },
        },
      },
    ];
    for (const [lang, sizes, next, kubelet] of [
      ['en', ['Requested: 2Gi', 'Actual (claim): 1.5Gi', 'Volume: 1.5Gi'], 'the external-resizer of driver csi.lab.kse.dev, whose leader Lease is not found', 'the kubelet on node lab-node-a1'],
      ['ru', ['Запрошено: 2 ГиБ', 'Сейчас (заявка): 1,5 ГиБ', 'Том: 1,5 ГиБ'], 'external-resizer драйвера csi.lab.kse.dev; его лидерский Lease не найден', 'kubelet на узле lab-node-a1'],
    ] as const) {
      for (const [fields, expected] of [[waiting, [...sizes, next]], [pending, [kubelet, 'NodeResizePending', 'FileSystemResizePending=True']]] as const) {
        const { container, unmount } = renderWithApp(
          <PaneProvider index={0} clusterId="demo">
            <SummaryView fields={fields} kind="persistentvolumeclaims" />
          </PaneProvider>,
          { lang, view: { open: ['demo'], panes: [emptyPane('demo')] } },
        );
        const text = plainText(container.textContent ?? '');
        for (const e of expected) expect(text, lang).toContain(e);
        unmount();
      }
    }
  });
});

// @vitest-environment jsdom
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProvisionerDetail } from '../../../shared/model/provisioner';
import { provisionerRef } from '../../../shared/model/refs';
import { plainText } from '../../../shared/verbatim';
import { PaneProvider } from '../components/pane-context';
import { emptyPane } from '../state/view-state';
import { renderWithApp } from '../testing/render';
import { ProvisionerTab } from './ProvisionerDetails';

afterEach(cleanup);
const DRIVER = 'csi.lab.kse.dev';
const data: ProvisionerDetail = {
  ref: provisionerRef(DRIVER), name: DRIVER, type: 'csi', runner: 'csi', verdict: 'degraded',
  meaning: { en: '', ru: '' }, reasons: [], evidence: [], pods: [], podsVisible: true, classes: [], waitingClaims: [], waitingTotal: 0, volumes: [], volumesTotal: 0, eventCounts: [], events: [], findingGroups: [],
  csi: {
    driverExists: true, attachRequired: true, registeredNodes: ['lab-node-a1', 'lab-node-a2'], unregisteredNodes: [],
    expansionClasses: ['csi-vd'], snapshotClasses: [],
    sidecars: [
      { sidecar: 'external-provisioner', lease: 'held', leaseName: 'csi-lab-kse-dev', leaseNamespace: 'lab-system', holder: 'lab-host_1', renewTime: new Date().toISOString() },
      { sidecar: 'external-resizer', lease: 'stale', leaseName: 'external-resizer-csi-lab-kse-dev', leaseNamespace: 'lab-system', renewTime: new Date(Date.now() - 5 * 60_000).toISOString(), waiting: 2 },
      { sidecar: 'csi-snapshotter', lease: 'not-found', leaseName: 'external-snapshotter-leader-csi-lab-kse-dev', waiting: 0 },
    ],
  },
};

describe('a CSI driver\'s sidecars and capabilities in its details', () => {
  for (const [lang, expected] of [
    ['en', ['Registered on nodes (2)', 'required: its external-attacher attaches each volume to its node', 'none: no VolumeSnapshotClass names this driver', 'csi-vd', 'running: leader Lease held by lab-host_1', 'not running: leader Lease last renewed 5m ago', '2 objects wait for it', 'no leader Lease external-snapshotter-leader-csi-lab-kse-dev found']],
    ['ru', ['Зарегистрирован на узлах (2)', 'нужно: его external-attacher подключает каждый том к узлу', 'нет: ни один VolumeSnapshotClass не называет этот драйвер', 'работает: лидерский Lease держит lab-host_1', 'не работает: лидерский Lease последний раз обновлён 5 мин назад', 'его ждут 2 объекта', 'лидерский Lease external-snapshotter-leader-csi-lab-kse-dev не найден']],
  ] as const) {
    it(`each sidecar running or not, with what waits, in ${lang}`, () => {
      const { container } = renderWithApp(
        <PaneProvider index={0} clusterId="demo">
          <ProvisionerTab data={data} tab="summary" />
        </PaneProvider>,
        { lang, view: { open: ['demo'], panes: [emptyPane('demo')] } },
      );
      const text = plainText(container.textContent ?? '');
      for (const e of expected) expect(text).toContain(e);
      expect(container.querySelector('[data-sidecar="external-resizer"]')?.getAttribute('data-lease')).toBe('stale');
    });
  }
});

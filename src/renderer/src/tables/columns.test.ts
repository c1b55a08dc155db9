import { describe, expect, it } from 'vitest';
import { TABLE_COLUMN_IDS, type ClaimRow, type ClassRow, type EventRow, type PodRow, type ProvisionerRow, type TableId, type VolumeRow } from '../../../shared/model/rows';
import { translate, type MessageKey, type Params } from '../i18n/i18n';
import { claimClass, claimColumns } from './claims-columns';
import { usePercentText } from '../format/usage';
import { classProvisioner, classUsage } from './classes-columns';
import { accessModes, sizePair, type Column, type ColumnContext } from './column';
import { eventColumns, eventObject, eventObjectShort, objectWord } from './events-columns';
import { ALL_RESOURCES } from '../../../shared/kube/resource-registry';
import { podInit, podVolumeTypes } from './pods-columns';
import { provisionerLease, provisionerNodes, provisionerPods, provisionerPodsTitle } from './provisioners-columns';
import { TABLES } from './registry';
import { volumeClaim, volumeColumns, volumeSource } from './volumes-columns';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const ctxOf = (lang: 'en' | 'ru'): ColumnContext => ({
  lang,
  now: NOW,
  t: (key: MessageKey, params?: Params) => translate(lang, key, params),
});
const en = ctxOf('en');

const claim: ClaimRow = {
  ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data-0', uid: 'u1' },
  namespace: 'shop',
  name: 'data-0',
  phase: 'Bound',
  volumeName: 'pvc-123',
  className: 'fast',
  requested: '1Gi',
  capacity: '2Gi',
  accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
  pods: ['web-0', 'web-1'],
  createdAt: '2026-11-25T09:00:00Z',
  badge: { severity: 'warning', count: 2, code: 'claim.oversized' },
};

function cell<R>(columns: readonly Column<R>[], id: string, row: R, ctx = en): string {
  const column = columns.find((c) => c.id === id);
  if (!column) throw new Error(`no column ${id}`);
  return column.value(row, ctx);
}

describe('claim columns', () => {
  it('show how full a volume is, sizes and percents through Intl in the UI language', () => {
    const known: ClaimRow = { ...claim, usage: { state: 'known', usedBytes: 900 * 1024 ** 2, capacityBytes: 1024 ** 3, availableBytes: 124 * 1024 ** 2, usePercent: 87, node: 'node-1' } };
    expect(cell(claimColumns, 'usePercent', known)).toBe('87%');
    expect(cell(claimColumns, 'usePercent', known, ctxOf('ru'))).toBe('87\u00a0%');
    expect(cell(claimColumns, 'used', known)).toBe('900Mi');
    expect(cell(claimColumns, 'free', known)).toBe('124Mi');
    expect(cell(claimColumns, 'used', known, ctxOf('ru'))).toBe('900 МиБ');
  });
  it('never show unknown usage as 0 or blank: a dash in the cell, the reason in words on hover (usePercentText)', () => {
    const forbidden: ClaimRow = { ...claim, usage: { state: 'unknown', reason: 'forbidden' } };
    // The cell: a dash, never 0 (the same reason in 40 rows was cut and said nothing, trial 4 N2, trial 5).
    for (const id of ['usePercent', 'used', 'free']) expect(cell(claimColumns, id, forbidden)).toBe('—');
    // Its title and label: the reason, in the user's language.
    expect(usePercentText(forbidden.usage, ctxOf('en'))).toBe('no permission to read usage');
    expect(usePercentText(forbidden.usage, ctxOf('ru'))).toBe('нет прав на чтение заполнения');
    const down: ClaimRow = { ...claim, usage: { state: 'unknown', reason: 'node-error', node: 'node-2' } };
    expect(usePercentText(down.usage, ctxOf('en'))).toBe('usage unknown (node node-2)');
    expect(usePercentText(down.usage, ctxOf('ru'))).toBe('заполнение неизвестно (узел node-2)');
    expect(usePercentText({ state: 'unknown', reason: 'not-mounted' }, ctxOf('en'))).toBe('— not mounted');
    expect(usePercentText(claim.usage, ctxOf('en'))).toBe('usage not read yet');
    expect(cell(claimColumns, 'usePercent', claim)).toBe('—');
  });
  it('answer the usual questions at a glance', () => {
    expect(cell(claimColumns, 'volume', claim)).toBe('→ pvc-123');
    expect(cell(claimColumns, 'size', claim)).toBe('1Gi / 2Gi');
    expect(cell(claimColumns, 'accessModes', claim)).toBe('RWO,RWOP');
    expect(cell(claimColumns, 'pods', claim)).toBe('web-0, web-1');
    expect(cell(claimColumns, 'age', claim)).toBe('3d');
    expect(cell(claimColumns, 'badge', claim)).toBe('Warning ×2');
    expect(cell(claimColumns, 'badge', claim, ctxOf('ru'))).toBe('Предупреждение ×2');
  });
  it('show a pending claim without volume or capacity', () => {
    const pending: ClaimRow = { ...claim, phase: 'Pending', volumeName: undefined, capacity: undefined, badge: undefined };
    expect(cell(claimColumns, 'volume', pending)).toBe('');
    expect(cell(claimColumns, 'size', pending)).toBe('1Gi');
    expect(cell(claimColumns, 'badge', pending)).toBe('');
  });
  it('mark a class chosen as the default', () => {
    expect(claimClass({ ...claim, classIsDefault: true }, en)).toBe('fast (default)');
    expect(claimClass({ ...claim, className: undefined }, en)).toBe('');
  });
  it('say that a claim asks for no class, in the UI language (trial 10: storageClassName "" gave a blank cell)', () => {
    expect(claimClass({ ...claim, className: undefined, classNone: true }, en)).toBe('no class');
    expect(claimClass({ ...claim, className: undefined, classNone: true }, ctxOf('ru'))).toBe('без класса');
  });
});

describe('volume columns', () => {
  const volume: VolumeRow = {
    ref: { kind: 'persistentvolumes', name: 'pv-1' },
    name: 'pv-1',
    phase: 'Bound',
    claim: { namespace: 'shop', name: 'data-0' },
    accessModes: ['ReadWriteMany'],
    sourceType: 'csi',
    driver: 'hostpath.csi.k8s.io',
  };
  it('name the claim and the source with its driver', () => {
    expect(volumeClaim(volume)).toBe('shop/data-0');
    expect(volumeSource(volume)).toBe('csi (hostpath.csi.k8s.io)');
    expect(volumeSource({ ...volume, sourceType: 'hostPath', driver: undefined })).toBe('hostPath');
    expect(volumeClaim({ ...volume, claim: undefined })).toBe('');
  });
  it('say that a volume has no class, in the UI language, as Claims does (trial 10: a blank cell beside «без класса»)', () => {
    expect(cell(volumeColumns, 'class', { ...volume, className: 'fast' })).toBe('fast');
    expect(cell(volumeColumns, 'class', volume)).toBe('no class');
    expect(cell(volumeColumns, 'class', volume, ctxOf('ru'))).toBe('без класса');
  });
});

describe('class and provisioner columns', () => {
  const cls: ClassRow = {
    ref: { kind: 'storageclasses', name: 'fast' },
    name: 'fast',
    provisioner: 'example.com/nfs',
    reclaimPolicy: 'Delete',
    bindingMode: 'Immediate',
    allowExpansion: false,
    isDefault: true,
    parameters: {},
    claims: 3,
    volumes: 2,
    requestedBytes: 3 * 1024 ** 3,
    provisionedBytes: 2 * 1024 ** 3,
    provisionerVerdict: 'dead',
  };
  it('show the provisioner verdict in the UI language', () => {
    expect(classProvisioner(cls, en)).toBe('example.com/nfs (not running)');
    expect(classProvisioner(cls, ctxOf('ru'))).toBe('example.com/nfs (не работает)');
    expect(classUsage(cls, en)).toBe('3Gi / 2Gi');
    expect(classUsage(cls, ctxOf('ru'))).toBe('3 ГиБ / 2 ГиБ');
  });
  const prov: ProvisionerRow = {
    ref: { kind: 'provisioners', name: 'hostpath.csi.k8s.io' },
    name: 'hostpath.csi.k8s.io',
    type: 'csi',
    verdict: 'alive',
    reasons: [],
    classes: ['fast'],
    registeredNodes: ['n1', 'n2'],
    leaseHolder: 'csi-0',
    leaseRenewedAt: '2026-11-28T09:59:55Z',
    podsReady: 1,
    podsTotal: 2,
  };
  it('show lease freshness, pods and node registrations', () => {
    expect(provisionerLease(prov, en)).toBe('csi-0 · 5s ago');
    // No cell is blank without a reason: "—", and its title says why (trial 3 of issue 8, defect 11).
    expect(provisionerLease({ ...prov, leaseHolder: undefined }, en)).toBe('—');
    expect(provisionerPods(prov, en)).toBe('1/2');
    // No count: why in words, not a bare «—» (trial 9 of issue 8); the title says more.
    expect(provisionerPods({ ...prov, podsTotal: undefined, type: 'in-tree' }, ctxOf('ru'))).toBe('встроенный');
    expect(provisionerPods({ ...prov, podsTotal: undefined, type: 'none' }, ctxOf('ru'))).toBe('нет');
    expect(provisionerPods({ ...prov, podsTotal: undefined, type: 'external' }, en)).toBe('not found');
    expect(provisionerPodsTitle(prov, en)).toBeUndefined();
    expect(provisionerPodsTitle({ ...prov, podsTotal: undefined, type: 'in-tree' }, en)).toMatch(/kube-controller-manager/);
    expect(provisionerPodsTitle({ ...prov, podsTotal: undefined, type: 'external' }, en)).toMatch(/outside the cluster/);
    expect(provisionerNodes(prov)).toBe('2');
    expect(provisionerNodes({ ...prov, type: 'external' })).toBe('—');
  });
});

describe('pod and event columns', () => {
  const pod: PodRow = {
    ref: { kind: 'pods', namespace: 'shop', name: 'web-0' },
    namespace: 'shop',
    name: 'web-0',
    phase: 'Pending',
    status: 'Init:1/3',
    volumeTypes: { persistentVolumeClaim: 1, emptyDir: 2 },
    claims: ['data-0'],
    initDone: 1,
    initTotal: 3,
    restarts: 0,
    ready: '0/1',
  };
  it('summarise volumes and init progress', () => {
    expect(podVolumeTypes(pod)).toBe('emptyDir×2 persistentVolumeClaim');
    expect(podInit({ ...pod, status: 'Pending' })).toBe('1/3');
    expect(podInit({ ...pod, initTotal: 0, initDone: 0 })).toBe('');
    expect(podInit({ ...pod, status: 'Init:1/3' })).toBe('');
    expect(podInit({ ...pod, status: 'Init:CrashLoopBackOff' })).toBe('1/3');
    expect(podInit({ ...pod, status: 'Running', initDone: 3 })).toBe('3/3');
  });
  it('name the object an event is about', () => {
    const event: EventRow = { uid: 'e', type: 'Warning', reason: 'ProvisioningFailed', message: 'x', count: 1 };
    expect(eventObject(event)).toBe('');
    expect(eventObject({ ...event, object: { kind: 'persistentvolumeclaims', namespace: 'a', name: 'b' } })).toBe(
      'PersistentVolumeClaim/a/b',
    );
  });
  it('name an event object of a kind the app does not model (never a blank cell), with a title saying why it is not a link', () => {
    const event: EventRow = { uid: 'e', type: 'Normal', reason: 'SuccessfulCreate', message: 'x', count: 1, unmodeled: { kind: 'StatefulSet', namespace: 'shop', name: 'web' } };
    expect(eventObject(event)).toBe('StatefulSet/shop/web');
    expect(eventObjectShort(event)).toBe('statefulset shop/web');
    const column = eventColumns.find((c) => c.id === 'object')!;
    expect(column.value(event, en)).toBe('StatefulSet/shop/web');
    for (const lang of ['en', 'ru'] as const) {
      const title = column.title?.(event, ctxOf(lang)) ?? '';
      expect(title).toContain('StatefulSet/shop/web');
      expect(title).toContain('kubectl -n shop describe statefulset web');
      expect(title).toContain(lang === 'en' ? 'does not show StatefulSet' : 'вида StatefulSet');
    }
  });
  it('name every kind of event object in one form: kubectl short name or the singular kind, never a plural resource', () => {
    expect(objectWord('persistentvolumeclaims')).toBe('pvc');
    expect(objectWord('pods')).toBe('pod');
    expect(objectWord('nodes')).toBe('node');
    for (const kind of ALL_RESOURCES) {
      expect(objectWord(kind), kind).not.toBe(kind);
      expect(objectWord(kind), kind).toMatch(/^[a-z]+$/);
    }
  });
});

describe('helpers and registry', () => {
  it('shorten access modes and pair sizes', () => {
    expect(accessModes(['ReadOnlyMany', 'Weird'])).toBe('ROX,Weird');
    expect(sizePair(undefined, '5Gi')).toBe('— / 5Gi');
    expect(sizePair(undefined, undefined)).toBe('');
  });
  it('every table uses exactly the column ids the store sorts and filters by', () => {
    for (const [table, spec] of Object.entries(TABLES)) {
      expect(spec.columns.map((c) => c.id), table).toEqual(TABLE_COLUMN_IDS[table as TableId]);
    }
  });
  it('every table keeps its name, a status and its findings (when it has them) as essential columns', () => {
    for (const [table, spec] of Object.entries(TABLES)) {
      const essential = spec.columns.filter((c) => c.essential).map((c) => c.id);
      expect(essential.length, table).toBeGreaterThanOrEqual(2);
      if (spec.findings) expect(essential, table).toContain('badge');
      // Every other column has a priority, so the layout knows what to hide first; no two share one.
      const others = spec.columns.filter((c) => !c.essential);
      expect(others.every((c) => typeof c.priority === 'number' && c.priority > 0), table).toBe(true);
      expect(new Set(others.map((c) => c.priority)).size, table).toBe(others.length);
    }
  });
  it('every table has unique column ids', () => {
    for (const [table, spec] of Object.entries(TABLES)) {
      const ids = spec.columns.map((c) => c.id);
      expect(new Set(ids).size, table).toBe(ids.length);
    }
  });
});

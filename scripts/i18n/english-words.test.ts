import { describe, expect, it } from 'vitest';
import { englishWords, internalTokens } from '../../e2e/journeys/support/text-scan';

// The rule of the Russian text scan of the journeys (e2e/journeys/russian.demo.spec.ts), tested on its own.
describe('englishWords', () => {
  it('finds English words in a Russian UI text', () => {
    expect(englishWords('Провижинер dead')).toEqual(['dead']);
    expect(englishWords('2 claim(s)')).toEqual(['claims']);
    expect(englishWords('Namespace')).toEqual([]);
    expect(englishWords('on node disk, size limit')).toEqual(['on', 'node', 'disk', 'size', 'limit']);
    expect(englishWords('1 kinds')).toEqual(['kinds']);
    expect(englishWords('11/28/2026, 3:26:00 AM')).toEqual([]);
    expect(englishWords('Nov 28, 2026')).toEqual(['Nov']);
    // Leftovers a trial found on the Russian screens (issue 8): an English word slashed or hyphened to a Russian
    // one, a lone "Init" tab, a yes/no shown as "false", React Flow's default edge label, the demo's English name.
    expect(englishWords('Init: 2/3')).toEqual(['Init']);
    expect(englishWords('Поиск: имя, namespace/имя, класс…')).toEqual(['namespace']);
    expect(englishWords('Класс по умолчанию: false')).toEqual(['false']);
    expect(englishWords('Edge from persistentvolumeclaims:lab-stuck/data to storageclasses:lab-1')).toEqual(['Edge', 'from', 'to']);
    expect(englishWords('Заявки PVC · Demo cluster — Kube Storage Explorer')).toEqual(expect.arrayContaining(['Demo', 'cluster']));
    expect(englishWords('Init containers done')).toEqual(['Init', 'containers', 'done']);
  });

  it('lets Kubernetes identifiers through', () => {
    expect(
      englishWords(
        'Заявка просит StorageClass, PVC в Pending; см. spec.storageClassName, kubernetes.io/host-path, v1.37.2, kube-controller-manager, Init-контейнер, CSI-драйвер, kubectl, claimRef, «ReadWriteOnce», CSIDriver, CSINode',
      ),
    ).toEqual([]);
  });

  it('skips code in backticks and values marked verbatim', () => {
    expect(englishWords('выгруженный командой `kse snapshot`')).toEqual([]);
    expect(englishWords('держит \u2068lab-system/hostpath\u2069, не удалось: \u2068refusing to provision\u2069')).toEqual([]);
  });
});

// Internal tokens the third trial found on the Russian screens (issue 8 defect 6), verbatim or not.
describe('internalTokens', () => {
  it('finds rule ids shown as text, not in tooltips', () => {
    expect(internalTokens({ kind: 'verbatim', text: 'claim.provisioner-dead' })).toEqual(['claim.provisioner-dead']);
    expect(internalTokens({ kind: 'text', text: 'Проблема pod.emptydir-memory' })).toEqual(['pod.emptydir-memory']);
    expect(internalTokens({ kind: 'title', text: 'Правило claim.provisioner-dead' })).toEqual([]);
    expect(internalTokens({ kind: 'verbatim', text: 'kubernetes.io/host-path' })).toEqual([]);
  });

  it('finds evidence sources that are words, not field paths', () => {
    for (const word of ['size', 'class', 'storageclasses']) expect(internalTokens({ kind: 'verbatim', text: word, source: true })).toEqual([word]);
    expect(internalTokens({ kind: 'verbatim', text: 'PVC annotation volume.kubernetes.io/storage-provisioner', source: true })).toEqual(['annotation']);
    expect(internalTokens({ kind: 'verbatim', text: 'spec.capacity.storage', source: true })).toEqual([]);
    expect(internalTokens({ kind: 'verbatim', text: 'PersistentVolumeClaim metadata.annotations[volume.kubernetes.io/storage-provisioner]', source: true })).toEqual([]);
  });
});

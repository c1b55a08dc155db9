import { describe, expect, it } from 'vitest';
import { DIAGNOSED_RESOURCES, SHORT_NAME_OF_RESOURCE, DESCRIPTOR_OF_RESOURCE, TABLE_OF_RESOURCE } from '../../shared/kube/resource-registry';
import { sc, syncedStore } from './testing/fixtures';

/** CSIStorageCapacity was added by one descriptor: the store holds, counts and shows it; it has no findings of its own (pods' scheduling verdicts read it). */
describe('CSIStorageCapacity, a listed resource that is not diagnosed', () => {
  const capacity = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'CSIStorageCapacity',
    metadata: { name: 'zone-a', namespace: 'kube-system', uid: 'cap-1', resourceVersion: '1' },
    storageClassName: 'fast',
    capacity: '10Gi',
  };

  it('is registered from its descriptor alone', () => {
    expect(DESCRIPTOR_OF_RESOURCE.csistoragecapacities).toMatchObject({ kind: 'CSIStorageCapacity', group: 'storage.k8s.io', namespaced: true, optional: true });
    expect(SHORT_NAME_OF_RESOURCE.csistoragecapacities).toBe('csisc');
    expect(DIAGNOSED_RESOURCES.has('csistoragecapacities')).toBe(false);
    expect(TABLE_OF_RESOURCE.csistoragecapacities).toBe('capacities');
  });

  it('is held, counted and shown with its class and capacity, without findings', () => {
    const store = syncedStore();
    store.replace('storageclasses', [sc('fast')]);
    store.replace('csistoragecapacities', [capacity]);
    expect(store.count('csistoragecapacities')).toBe(1);
    const detail = store.getObject({ kind: 'csistoragecapacities', namespace: 'kube-system', name: 'zone-a' });
    expect(detail?.findings).toEqual([]);
    expect(detail?.summary.find((f) => f.id === 'capacity')?.value).toMatchObject({ text: '10Gi' });
    expect(detail?.summary.find((f) => f.id === 'storageClass')?.value).toMatchObject({ refs: [{ ref: { kind: 'storageclasses', name: 'fast' } }] });
    expect(detail?.yaml).toContain('capacity: 10Gi');
  });
});

import { describe, expect, it } from 'vitest';
import { CHANGES_WITH_TIME } from '../diagnose/index';
import { TABLE_IDS } from '../model/rows';
import {
  ALL_RESOURCES,
  collectionPath,
  DIAGNOSED_RESOURCES,
  KEPT_FIELDS,
  RESOURCE_OF_TABLE,
  SHORT_NAME_OF_RESOURCE,
  DESCRIPTOR_OF_RESOURCE,
  resourceOfKind,
  RESOURCES,
  ROW_TABLE_OF_RESOURCE,
  STORAGE_EVENT_KINDS,
  TABLE_OF_RESOURCE,
} from './resource-registry';

describe('the resource registries are derived from one descriptor per resource', () => {
  it('names each resource and kind once, and maps kinds back to resources', () => {
    expect(new Set(ALL_RESOURCES).size).toBe(RESOURCES.length);
    expect(new Set(RESOURCES.map((d) => d.kind)).size).toBe(RESOURCES.length);
    for (const d of RESOURCES) {
      expect(DESCRIPTOR_OF_RESOURCE[d.resource]).toBe(d);
      expect(resourceOfKind(d.kind)).toBe(d.resource);
      expect(KEPT_FIELDS[d.resource]).toBe(d.keep);
      expect(SHORT_NAME_OF_RESOURCE[d.resource]).toBe(d.short);
      // A resource plural is the lower-cased plural of its kind, as the API server names it.
      expect(d.resource.startsWith(d.kind.toLowerCase().slice(0, -1))).toBe(true);
    }
    expect(resourceOfKind('Deployment')).toBeUndefined();
  });

  it('builds the URL of each resource from its group and version', () => {
    expect(collectionPath('persistentvolumeclaims', 'shop')).toBe('/api/v1/namespaces/shop/persistentvolumeclaims');
    expect(collectionPath('storageclasses', 'shop')).toBe('/apis/storage.k8s.io/v1/storageclasses');
    expect(collectionPath('volumesnapshots')).toBe('/apis/snapshot.storage.k8s.io/v1/volumesnapshots');
  });

  it('links each listed resource to one table, and a per-object table back to its resource', () => {
    for (const [kind, table] of Object.entries(TABLE_OF_RESOURCE)) expect(TABLE_IDS).toContain(table), expect(ALL_RESOURCES).toContain(kind);
    for (const [table, kind] of Object.entries(RESOURCE_OF_TABLE)) expect(ROW_TABLE_OF_RESOURCE[kind as keyof typeof ROW_TABLE_OF_RESOURCE]).toBe(table);
    // CSIDrivers link to the provisioners table, whose rows are provisioners, not drivers.
    expect(TABLE_OF_RESOURCE.csidrivers).toBe('provisioners');
    expect(ROW_TABLE_OF_RESOURCE.csidrivers).toBeUndefined();
    expect(RESOURCE_OF_TABLE.provisioners).toBeUndefined();
    expect(RESOURCE_OF_TABLE.claims).toBe('persistentvolumeclaims');
  });

  it('says which resources the rules diagnose and whose events matter to storage', () => {
    expect([...DIAGNOSED_RESOURCES].sort()).toEqual(['persistentvolumeclaims', 'persistentvolumes', 'pods', 'statefulsets', 'storageclasses', 'volumesnapshots']);
    // The rules declare, for every kind they diagnose, which objects may change verdict with time alone.
    expect(Object.keys(CHANGES_WITH_TIME).sort()).toEqual([...DIAGNOSED_RESOURCES].sort());
    expect(STORAGE_EVENT_KINDS).toContain('PersistentVolumeClaim');
    expect(STORAGE_EVENT_KINDS).toContain('StatefulSet');
    expect(STORAGE_EVENT_KINDS).not.toContain('Lease');
    expect(STORAGE_EVENT_KINDS).not.toContain('ResourceQuota');
    expect(STORAGE_EVENT_KINDS).not.toContain('Event');
  });
});

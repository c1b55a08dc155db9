import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../shared/kube/objects';
import { arrivalFilter, isStorageEvent, prepareObject } from './arrival';

describe('prepareObject', () => {
  it('drops managedFields and keeps everything else', () => {
    const object: KubeObject = {
      kind: 'PersistentVolumeClaim',
      apiVersion: 'v1',
      metadata: { name: 'data', namespace: 'app', managedFields: [{ manager: 'kubectl' }] } as KubeObject['metadata'],
      spec: { volumeName: 'pv-1' },
    };
    const prepared = prepareObject('persistentvolumeclaims', object);
    expect(prepared.metadata).toEqual({ name: 'data', namespace: 'app' });
    expect(prepared.spec).toEqual({ volumeName: 'pv-1' });
  });

  it('fills kind and apiVersion, which list items lack', () => {
    expect(prepareObject('storageclasses', { metadata: { name: 'fast' } })).toMatchObject({
      kind: 'StorageClass',
      apiVersion: 'storage.k8s.io/v1',
    });
    expect(prepareObject('pods', { metadata: { name: 'p' } })).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
  });
});

describe('storage event filter', () => {
  const about = (kind: string): KubeObject => ({ involvedObject: { kind, name: 'x' } });
  it('keeps events about storage objects and pods', () => {
    for (const kind of ['PersistentVolumeClaim', 'PersistentVolume', 'Pod', 'StorageClass', 'Node', 'VolumeAttachment', 'VolumeSnapshot']) {
      expect(isStorageEvent(about(kind))).toBe(true);
    }
  });
  it('drops events about other kinds and events without an involved object', () => {
    expect(isStorageEvent(about('Deployment'))).toBe(false);
    expect(isStorageEvent(about('Service'))).toBe(false);
    expect(isStorageEvent({})).toBe(false);
  });
  it('applies only to events', () => {
    expect(arrivalFilter('events')).toBe(isStorageEvent);
    expect(arrivalFilter('pods')).toBeUndefined();
  });
});

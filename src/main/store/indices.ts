/**
 * The relations the store keeps per kind, each as a function from one object to its index keys. The store
 * diffs an object's keys before and after an update, so an update costs what that object touches.
 */
import type { ObjectsByResource } from '../../shared/kube/by-resource';
import type { Resource } from '../../shared/kube/resource-registry';
import type { KubeObject } from '../../shared/kube/objects';
import { claimClassName } from '../../shared/diagnose/view';
import { provisionerPodKeys } from '../../shared/diagnose/provisioner-pods';
import {
  attachmentVolume,
  claimRefKey,
  csiNodeDrivers,
  eventInvolvedKey,
  isDefaultClass,
  nsKey,
  ownerKeys,
  podClaimKeys,
  volumeNodes,
} from './object-keys';

export type IndexName =
  | 'claimsByVolumeName'
  | 'claimsByClass'
  | 'claimsByOwner'
  | 'claimsByAttributesClass'
  | 'volumesByClaimRef'
  | 'volumesByClass'
  | 'volumesByNode'
  | 'classesByProvisioner'
  | 'defaultClasses'
  | 'podsByClaim'
  | 'podsByNode'
  | 'podsNotOnNode'
  | 'podsByOwner'
  | 'podsByProvisionerMention'
  | 'eventsByInvolved'
  | 'eventsByUid'
  | 'csiNodesByDriver'
  | 'attachmentsByVolume'
  | 'attachmentsByNode'
  | 'leasesByName'
  | 'snapshotsByClaim';

type Keys<K extends Resource> = (obj: ObjectsByResource[K]) => string[];
const one = (value: string | undefined | null): string[] => (value === undefined || value === null || value === '' ? [] : [value]);

/**
 * Claims that name no class at all are indexed under this key: the default class applies to them. It cannot
 * collide with a class name; a claim with storageClassName "" asks for volumes without a class, indexed under "".
 */
export const NO_CLASS = '\u0000unset';

/** Key of claimsByAttributesClass: the class a claim asks for (spec) or the one its volume has now (status). */
export function attributesClassKey(which: 'wanted' | 'current', className: string): string {
  return `${which}:${className}`;
}

interface IndexSpec<K extends Resource> {
  name: IndexName;
  kind: K;
  keys: Keys<K>;
}
function spec<K extends Resource>(name: IndexName, kind: K, keys: Keys<K>): IndexSpec<K> {
  return { name, kind, keys };
}

export const INDEX_SPECS = [
  spec('claimsByVolumeName', 'persistentvolumeclaims', (c) => one(c.spec?.volumeName)),
  spec('claimsByClass', 'persistentvolumeclaims', (c) => [claimClassName(c) ?? NO_CLASS]),
  spec('claimsByOwner', 'persistentvolumeclaims', ownerKeys),
  // The VolumeAttributesClass a claim asks for and the one its volume has (attributesClassKey).
  spec('claimsByAttributesClass', 'persistentvolumeclaims', (c) => [
    ...one(c.spec?.volumeAttributesClassName).map((n) => attributesClassKey('wanted', n)),
    ...one(c.status?.currentVolumeAttributesClassName).map((n) => attributesClassKey('current', n)),
  ]),
  spec('volumesByClaimRef', 'persistentvolumes', (pv) => one(claimRefKey(pv))),
  spec('volumesByClass', 'persistentvolumes', (pv) => [pv.spec?.storageClassName ?? '']),
  spec('volumesByNode', 'persistentvolumes', volumeNodes),
  spec('classesByProvisioner', 'storageclasses', (sc) => one(sc.provisioner)),
  spec('defaultClasses', 'storageclasses', (sc) => (isDefaultClass(sc) ? ['default'] : [])),
  spec('podsByClaim', 'pods', podClaimKeys),
  spec('podsByNode', 'pods', (p) => one(p.spec?.nodeName)),
  // Pods the scheduler has yet to place: their volume verdict reads every node (diagnose/pod-placement.ts).
  spec('podsNotOnNode', 'pods', (p) => (p.spec?.nodeName ? [] : ['unscheduled'])),
  spec('podsByOwner', 'pods', ownerKeys),
  // The words a pod's containers name, so a provisioner's pods are found without a scan (diagnose/provisioner-pods.ts).
  spec('podsByProvisionerMention', 'pods', provisionerPodKeys),
  spec('eventsByInvolved', 'events', (e) => one(eventInvolvedKey(e))),
  spec('eventsByUid', 'events', (e) => one(e.involvedObject?.uid)),
  spec('csiNodesByDriver', 'csinodes', csiNodeDrivers),
  spec('attachmentsByVolume', 'volumeattachments', (va) => one(attachmentVolume(va))),
  spec('attachmentsByNode', 'volumeattachments', (va) => one(va.spec?.nodeName)),
  spec('leasesByName', 'leases', (l) => one(l.metadata?.name)),
  spec('snapshotsByClaim', 'volumesnapshots', (s) =>
    s.spec?.source?.persistentVolumeClaimName ? [nsKey(s.metadata?.namespace, s.spec.source.persistentVolumeClaimName)] : [],
  ),
] as const;

/** Index specs grouped by the kind they read. */
export const SPECS_BY_KIND: ReadonlyMap<Resource, readonly { name: IndexName; keys: (obj: KubeObject) => string[] }[]> = (() => {
  const map = new Map<Resource, { name: IndexName; keys: (obj: KubeObject) => string[] }[]>();
  for (const s of INDEX_SPECS) {
    const list = map.get(s.kind) ?? [];
    list.push({ name: s.name, keys: s.keys as (obj: KubeObject) => string[] });
    map.set(s.kind, list);
  }
  return map;
})();

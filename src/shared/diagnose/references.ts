/**
 * Whether an object that something names exists: a ConfigMap or Secret a pod mounts, a Secret a CSI volume or a
 * StorageClass names. ConfigMaps and Secrets are watched as metadata only (kube/resources/secrets.ts), which is all
 * this needs. Where the user may not read the kind in that namespace, the answer is "cannot check", never
 * "missing": a viewer role (the built-in `view` ClusterRole) reads pods and volumes but not Secrets.
 */
import type { Localized } from '../model/findings';
import type { ClusterView } from './view';
import { t } from './finding';

export type ReferencedKind = 'configmaps' | 'secrets';

/** The answer for one named object. `unknown` carries why the app cannot tell (no permission, failed to load). */
export type Presence = { state: 'present' } | { state: 'missing' } | { state: 'unknown'; why: Localized } | { state: 'loading' };

/**
 * Looks a ConfigMap or Secret up by namespace and name. `loading` while the kind (or the namespace's watch) has not
 * synced yet: the rules then say nothing, as they do for every kind still loading.
 */
export function presenceOf(view: ClusterView, kind: ReferencedKind, namespace: string, name: string): Presence {
  const state = view.kindStateIn(kind, namespace);
  if (state === 'synced') return view.get(kind, name, namespace) ? { state: 'present' } : { state: 'missing' };
  if (state === 'syncing' || state === 'idle') return { state: 'loading' };
  // Kind names, not prose: in Russian the kind stays as Kubernetes spells it.
  const label = kind === 'secrets' ? { en: 'Secrets', ru: 'Secret' } : { en: 'ConfigMaps', ru: 'ConfigMap' };
  if (state === 'forbidden') {
    return {
      state: 'unknown',
      why: t(`this user may not list ${label.en} in namespace "${namespace}"`, `у пользователя нет прав на просмотр объектов ${label.ru} в пространстве имён «${namespace}»`),
    };
  }
  // Absent: a snapshot or recording (the demo too) made before the app recorded them. Every pod names
  // kube-root-ca.crt, so "cannot check" there would be said of every pod not running: say nothing, as while loading.
  if (state === 'absent') return { state: 'loading' };
  return { state: 'unknown', why: t(`${label.en} failed to load`, `объекты ${label.ru} не удалось загрузить`) };
}

/** One object a pod volume names: where (the volume and the field), what, and whether the pod may start without it. */
export interface PodReference {
  kind: ReferencedKind;
  name: string;
  volume: string;
  /** The API field it was read from, e.g. `spec.volumes[].projected.sources[].secret.name`. */
  source: string;
  optional: boolean;
}

/**
 * Every ConfigMap and Secret a pod's volumes name: configMap, secret, the configMap and secret sources of projected
 * volumes, and a CSI inline volume's nodePublishSecretRef (always required: the kubelet's CSI plugin fails the mount
 * when it cannot read it, pkg/volume/csi/csi_mounter.go). serviceAccountToken, downwardAPI and clusterTrustBundle
 * sources name no such object. Environment variables (envFrom, valueFrom) are not volumes and not read here.
 */
export function podReferences(volumes: readonly { name?: string; configMap?: { name?: string; optional?: boolean }; secret?: { secretName?: string; optional?: boolean }; projected?: { sources?: { configMap?: { name?: string; optional?: boolean }; secret?: { name?: string; optional?: boolean } }[] }; csi?: { nodePublishSecretRef?: { name?: string } } }[]): PodReference[] {
  const out: PodReference[] = [];
  for (const volume of volumes) {
    const name = volume.name ?? '';
    if (volume.configMap?.name) out.push({ kind: 'configmaps', name: volume.configMap.name, volume: name, source: 'spec.volumes[].configMap.name', optional: volume.configMap.optional === true });
    if (volume.secret?.secretName) out.push({ kind: 'secrets', name: volume.secret.secretName, volume: name, source: 'spec.volumes[].secret.secretName', optional: volume.secret.optional === true });
    for (const source of volume.projected?.sources ?? []) {
      if (source.configMap?.name) out.push({ kind: 'configmaps', name: source.configMap.name, volume: name, source: 'spec.volumes[].projected.sources[].configMap.name', optional: source.configMap.optional === true });
      if (source.secret?.name) out.push({ kind: 'secrets', name: source.secret.name, volume: name, source: 'spec.volumes[].projected.sources[].secret.name', optional: source.secret.optional === true });
    }
    const csiSecret = volume.csi?.nodePublishSecretRef?.name;
    if (csiSecret) out.push({ kind: 'secrets', name: csiSecret, volume: name, source: 'spec.volumes[].csi.nodePublishSecretRef.name', optional: false });
  }
  return out;
}

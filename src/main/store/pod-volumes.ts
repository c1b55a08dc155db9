/**
 * A pod's volumes as the details panel shows them: every volume type, what it points at, and which containers
 * (init containers and native sidecars included) mount it where, read-only or not.
 */
import type { Container, Pod, Volume } from '../../shared/kube/objects';
import type { PodVolumeView } from '../../shared/model/detail';
import type { ClusterView } from '../../shared/diagnose/view';
import { claimNameOfVolume, volumeType } from './relations';

function describeVolume(pod: Pod, volume: Volume): string {
  if (volume.persistentVolumeClaim) return `${volume.persistentVolumeClaim.claimName ?? ''}${volume.persistentVolumeClaim.readOnly ? ' (read-only)' : ''}`;
  if (volume.ephemeral) {
    const spec = volume.ephemeral.volumeClaimTemplate?.spec;
    const parts = [`claim ${claimNameOfVolume(pod, volume) ?? ''}`];
    if (spec?.storageClassName) parts.push(`class ${spec.storageClassName}`);
    const size = spec?.resources?.requests?.['storage'];
    if (size) parts.push(size);
    return parts.join(', ');
  }
  if (volume.emptyDir) {
    const parts = [volume.emptyDir.medium === 'Memory' ? 'in memory (tmpfs)' : 'on node disk'];
    if (volume.emptyDir.sizeLimit) parts.push(`size limit ${volume.emptyDir.sizeLimit}`);
    return parts.join(', ');
  }
  if (volume.hostPath) return `${volume.hostPath.path ?? ''}${volume.hostPath.type ? ` (${volume.hostPath.type})` : ''}`;
  if (volume.configMap) return `${volume.configMap.name ?? ''}${volume.configMap.optional ? ' (optional)' : ''}`;
  if (volume.secret) return `${volume.secret.secretName ?? ''}${volume.secret.optional ? ' (optional)' : ''}`;
  if (volume.projected) return (volume.projected.sources ?? []).map((s) => Object.keys(s).join('+')).join(', ');
  if (volume.csi) return `driver ${volume.csi.driver ?? ''}${volume.csi.readOnly ? ' (read-only)' : ''}`;
  if (volume.nfs) return `${volume.nfs.server ?? ''}:${volume.nfs.path ?? ''}`;
  if (volume.image) return volume.image.reference ?? '';
  if (volume.downwardAPI) return 'pod fields';
  return '';
}

export function podVolumeViews(view: ClusterView, pod: Pod): PodVolumeView[] {
  const containers: { c: Container; init: boolean }[] = [
    ...(pod.spec?.initContainers ?? []).map((c) => ({ c, init: true })),
    ...(pod.spec?.containers ?? []).map((c) => ({ c, init: false })),
  ];
  const ns = pod.metadata?.namespace ?? '';
  const claimsReadable = view.kindState('persistentvolumeclaims') === 'synced';
  return (pod.spec?.volumes ?? []).map((volume) => {
    const name = volume.name ?? '';
    const out: PodVolumeView = { name, type: volumeType(volume), detail: describeVolume(pod, volume), mounts: [] };
    const claimName = claimNameOfVolume(pod, volume);
    if (claimName) {
      const claim = view.get('persistentvolumeclaims', claimName, ns);
      out.target = claim?.metadata?.uid
        ? { kind: 'persistentvolumeclaims', name: claimName, namespace: ns, uid: claim.metadata.uid }
        : { kind: 'persistentvolumeclaims', name: claimName, namespace: ns };
      if (!claim && claimsReadable) out.missing = true;
    }
    for (const { c, init } of containers) {
      for (const m of c.volumeMounts ?? []) {
        if (m.name !== name) continue;
        const mount: PodVolumeView['mounts'][number] = { container: c.name ?? '', init, mountPath: m.mountPath ?? '', readOnly: m.readOnly === true };
        const subPath = m.subPath ?? m.subPathExpr;
        if (subPath) mount.subPath = subPath;
        out.mounts.push(mount);
      }
      // Block volumes are attached as devices, not mounted.
      for (const d of c.volumeDevices ?? []) {
        if (d.name === name) out.mounts.push({ container: c.name ?? '', init, mountPath: d.devicePath ?? '', readOnly: false });
      }
    }
    return out;
  });
}

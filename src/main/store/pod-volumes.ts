/**
 * A pod's volumes as the details panel shows them: every volume type, what it points at, and which containers
 * (init containers and native sidecars included) mount it where, read-only or not.
 */
import type { Container, Pod, Volume } from '../../shared/kube/objects';
import type { PodVolumeView, VolumeSourceFact } from '../../shared/model/detail';
import type { ClusterView } from '../../shared/diagnose/view';
import { claimNameOfVolume, volumeType } from './object-keys';

/** The source of a volume as facts the UI puts into words (see VolumeSourceFact). */
function describeVolume(pod: Pod, volume: Volume): VolumeSourceFact[] {
  const facts: VolumeSourceFact[] = [];
  const flag = (on: boolean | undefined, fact: 'readOnly' | 'optional') => {
    if (on) facts.push({ fact });
  };
  if (volume.persistentVolumeClaim) {
    facts.push({ fact: 'ref', value: volume.persistentVolumeClaim.claimName ?? '' });
    flag(volume.persistentVolumeClaim.readOnly, 'readOnly');
  } else if (volume.ephemeral) {
    const spec = volume.ephemeral.volumeClaimTemplate?.spec;
    facts.push({ fact: 'claim', value: claimNameOfVolume(pod, volume) ?? '' });
    if (spec?.storageClassName) facts.push({ fact: 'class', value: spec.storageClassName });
    const size = spec?.resources?.requests?.['storage'];
    if (size) facts.push({ fact: 'size', value: size });
  } else if (volume.emptyDir) {
    facts.push({ fact: volume.emptyDir.medium === 'Memory' ? 'memory' : 'nodeDisk' });
    if (volume.emptyDir.sizeLimit) facts.push({ fact: 'sizeLimit', value: volume.emptyDir.sizeLimit });
  } else if (volume.hostPath) {
    facts.push({ fact: 'ref', value: volume.hostPath.path ?? '' });
    if (volume.hostPath.type) facts.push({ fact: 'hostPathType', value: volume.hostPath.type });
  } else if (volume.configMap) {
    facts.push({ fact: 'ref', value: volume.configMap.name ?? '' });
    flag(volume.configMap.optional, 'optional');
  } else if (volume.secret) {
    facts.push({ fact: 'ref', value: volume.secret.secretName ?? '' });
    flag(volume.secret.optional, 'optional');
  } else if (volume.projected) {
    facts.push({ fact: 'sources', value: (volume.projected.sources ?? []).map((s) => Object.keys(s).join('+')).join(', ') });
  } else if (volume.csi) {
    facts.push({ fact: 'driver', value: volume.csi.driver ?? '' });
    flag(volume.csi.readOnly, 'readOnly');
  } else if (volume.nfs) {
    facts.push({ fact: 'ref', value: `${volume.nfs.server ?? ''}:${volume.nfs.path ?? ''}` });
  } else if (volume.image) {
    facts.push({ fact: 'ref', value: volume.image.reference ?? '' });
  } else if (volume.downwardAPI) {
    facts.push({ fact: 'podFields' });
  }
  return facts;
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
    const out: PodVolumeView = { name, type: volumeType(volume), source: describeVolume(pod, volume), mounts: [] };
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

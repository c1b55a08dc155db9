/** Small manifest builders for the diagnosis integration tests: claims, volumes, static classes and pods. */
import type { KubeObject } from '../../cluster/kube';

export interface ClaimSpec {
  className?: string | null;
  size?: string;
  modes?: string[];
  volumeName?: string;
  selector?: Record<string, string>;
}

export function claim(ns: string, name: string, spec: ClaimSpec = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: ns },
    spec: {
      accessModes: spec.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: spec.size ?? '1Gi' } },
      ...(spec.className !== null ? { storageClassName: spec.className ?? 'lab-hostpath' } : {}),
      ...(spec.volumeName ? { volumeName: spec.volumeName } : {}),
      ...(spec.selector ? { selector: { matchLabels: spec.selector } } : {}),
    },
  };
}

export interface VolumeSpec {
  className: string;
  size?: string;
  modes?: string[];
  reclaim?: 'Retain' | 'Delete';
  labels?: Record<string, string>;
  claimRef?: { namespace: string; name: string };
  path?: string;
  annotations?: Record<string, string>;
  nodeAffinityHostnames?: string[];
}

export function volume(name: string, spec: VolumeSpec): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, ...(spec.labels ? { labels: spec.labels } : {}), ...(spec.annotations ? { annotations: spec.annotations } : {}) },
    spec: {
      capacity: { storage: spec.size ?? '1Gi' },
      accessModes: spec.modes ?? ['ReadWriteOnce'],
      storageClassName: spec.className,
      persistentVolumeReclaimPolicy: spec.reclaim ?? 'Retain',
      ...(spec.nodeAffinityHostnames
        ? {
            local: { path: spec.path ?? `/mnt/kse-test/${name}` },
            nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: spec.nodeAffinityHostnames }] }] } },
          }
        : { hostPath: { path: spec.path ?? `/tmp/kse-diagnose-test/${name}` } }),
      ...(spec.claimRef ? { claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...spec.claimRef } } : {}),
    },
  };
}

/** A class no provisioner serves: only static volumes bind its claims. */
export function staticClass(name: string, mode: 'Immediate' | 'WaitForFirstConsumer' = 'Immediate'): KubeObject {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: mode };
}

export interface PodSpec {
  claims?: string[];
  nodeName?: string;
  volumes?: unknown[];
  initContainers?: unknown[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tolerateAll?: boolean;
  mounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

export function pod(ns: string, name: string, spec: PodSpec = {}): KubeObject {
  const claimVolumes = (spec.claims ?? []).map((c, i) => ({ name: `claim-${i}`, persistentVolumeClaim: { claimName: c } }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, ...(spec.labels ? { labels: spec.labels } : {}), ...(spec.annotations ? { annotations: spec.annotations } : {}) },
    spec: {
      ...(spec.nodeName ? { nodeName: spec.nodeName } : {}),
      ...(spec.tolerateAll ? { tolerations: [{ operator: 'Exists' }] } : {}),
      ...(spec.initContainers ? { initContainers: spec.initContainers } : {}),
      containers: [
        {
          name: 'app',
          image: 'registry.k8s.io/pause:3.10',
          volumeMounts: [...claimVolumes.map((v) => ({ name: v.name, mountPath: `/data/${v.name}` })), ...(spec.mounts ?? [])],
        },
      ],
      volumes: [...claimVolumes, ...(spec.volumes ?? [])],
    },
  };
}

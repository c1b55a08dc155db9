/**
 * Manifests that lab tests create again and again: a claim and a pod that mounts one. Plain objects in the API's own
 * shape (apiVersion, kind, metadata, spec), for `KubeClient.create` / `apply`; nothing here talks to a cluster.
 */
import type { KubeObject } from './kube';

export interface ClaimManifestOptions {
  /** spec.storageClassName; omitted (the default class applies) when not given. */
  storageClassName?: string;
  /** Default 'default'. */
  namespace?: string;
  /** spec.resources.requests.storage as a quantity string; default '1Gi'. */
  size?: string;
}

/** A ReadWriteOnce PersistentVolumeClaim named `name`. */
export function claimManifest(name: string, options: ClaimManifestOptions = {}): KubeObject {
  const { storageClassName, namespace = 'default', size = '1Gi' } = options;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...(storageClassName ? { storageClassName } : {}) },
  };
}

export interface PodManifestOptions {
  namespace?: string;
  /** spec.nodeName: binds the pod to a node without the scheduler. Omitted: the scheduler places it. */
  nodeName?: string;
  /** Default registry.k8s.io/pause:3.10 (the lab runs no containers; the image is only a name). */
  image?: string;
}

/** A one-container Pod mounting the claim `claimName` at /data as volume `data`. */
export function podUsingClaim(name: string, claimName: string, options: PodManifestOptions = {}): KubeObject {
  const { namespace = 'default', nodeName, image = 'registry.k8s.io/pause:3.10' } = options;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: {
      ...(nodeName ? { nodeName } : {}),
      containers: [{ name: 'app', image, volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
    },
  };
}

/**
 * A deliberately small Kubernetes REST client for the lab launcher and its tests: bearer token + CA over HTTPS,
 * JSON in and out, server-side apply for manifests. (The app's own client stack lives in src/; the lab must not
 * depend on it, so that it can verify it.)
 */
import { Agent, request as httpsRequest } from 'node:https';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  spec?: any;
  status?: any;
  [k: string]: unknown;
}

export class KubeError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly body: string,
  ) {
    super(`${method} ${path}: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

interface ResourceInfo {
  prefix: string;
  plural: string;
  namespaced: boolean;
}

/** Kinds the lab's manifests use. Unknown kinds fail loudly rather than guessing a plural. */
const RESOURCES: Record<string, ResourceInfo> = {
  'v1/Namespace': { prefix: '/api/v1', plural: 'namespaces', namespaced: false },
  'v1/Node': { prefix: '/api/v1', plural: 'nodes', namespaced: false },
  'v1/PersistentVolume': { prefix: '/api/v1', plural: 'persistentvolumes', namespaced: false },
  'v1/PersistentVolumeClaim': { prefix: '/api/v1', plural: 'persistentvolumeclaims', namespaced: true },
  'v1/Pod': { prefix: '/api/v1', plural: 'pods', namespaced: true },
  'v1/ConfigMap': { prefix: '/api/v1', plural: 'configmaps', namespaced: true },
  'v1/Secret': { prefix: '/api/v1', plural: 'secrets', namespaced: true },
  'v1/Service': { prefix: '/api/v1', plural: 'services', namespaced: true },
  'v1/ServiceAccount': { prefix: '/api/v1', plural: 'serviceaccounts', namespaced: true },
  'v1/ResourceQuota': { prefix: '/api/v1', plural: 'resourcequotas', namespaced: true },
  'v1/LimitRange': { prefix: '/api/v1', plural: 'limitranges', namespaced: true },
  'apps/v1/Deployment': { prefix: '/apis/apps/v1', plural: 'deployments', namespaced: true },
  'apps/v1/StatefulSet': { prefix: '/apis/apps/v1', plural: 'statefulsets', namespaced: true },
  'batch/v1/Job': { prefix: '/apis/batch/v1', plural: 'jobs', namespaced: true },
  'storage.k8s.io/v1/StorageClass': { prefix: '/apis/storage.k8s.io/v1', plural: 'storageclasses', namespaced: false },
  'storage.k8s.io/v1/CSIDriver': { prefix: '/apis/storage.k8s.io/v1', plural: 'csidrivers', namespaced: false },
  'storage.k8s.io/v1/VolumeAttributesClass': { prefix: '/apis/storage.k8s.io/v1', plural: 'volumeattributesclasses', namespaced: false },
  'storage.k8s.io/v1/CSIStorageCapacity': { prefix: '/apis/storage.k8s.io/v1', plural: 'csistoragecapacities', namespaced: true },
  'storage.k8s.io/v1/CSINode': { prefix: '/apis/storage.k8s.io/v1', plural: 'csinodes', namespaced: false },
  'rbac.authorization.k8s.io/v1/Role': { prefix: '/apis/rbac.authorization.k8s.io/v1', plural: 'roles', namespaced: true },
  'rbac.authorization.k8s.io/v1/RoleBinding': { prefix: '/apis/rbac.authorization.k8s.io/v1', plural: 'rolebindings', namespaced: true },
  'rbac.authorization.k8s.io/v1/ClusterRole': { prefix: '/apis/rbac.authorization.k8s.io/v1', plural: 'clusterroles', namespaced: false },
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': { prefix: '/apis/rbac.authorization.k8s.io/v1', plural: 'clusterrolebindings', namespaced: false },
  'storage.k8s.io/v1/VolumeAttachment': { prefix: '/apis/storage.k8s.io/v1', plural: 'volumeattachments', namespaced: false },
  'apiextensions.k8s.io/v1/CustomResourceDefinition': { prefix: '/apis/apiextensions.k8s.io/v1', plural: 'customresourcedefinitions', namespaced: false },
  'snapshot.storage.k8s.io/v1/VolumeSnapshotClass': { prefix: '/apis/snapshot.storage.k8s.io/v1', plural: 'volumesnapshotclasses', namespaced: false },
  'snapshot.storage.k8s.io/v1/VolumeSnapshot': { prefix: '/apis/snapshot.storage.k8s.io/v1', plural: 'volumesnapshots', namespaced: true },
  'snapshot.storage.k8s.io/v1/VolumeSnapshotContent': { prefix: '/apis/snapshot.storage.k8s.io/v1', plural: 'volumesnapshotcontents', namespaced: false },
  'populator.storage.k8s.io/v1beta1/VolumePopulator': { prefix: '/apis/populator.storage.k8s.io/v1beta1', plural: 'volumepopulators', namespaced: false },
  'hello.example.com/v1alpha1/Hello': { prefix: '/apis/hello.example.com/v1alpha1', plural: 'hellos', namespaced: true },
  'coordination.k8s.io/v1/Lease': { prefix: '/apis/coordination.k8s.io/v1', plural: 'leases', namespaced: true },
};

export function objectPath(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>, withName = true): string {
  const info = RESOURCES[`${obj.apiVersion}/${obj.kind}`];
  if (!info) throw new Error(`lab client: unknown kind ${obj.apiVersion}/${obj.kind} (add it to RESOURCES in e2e/cluster/kube.ts)`);
  const ns = info.namespaced ? `/namespaces/${encodeURIComponent(obj.metadata.namespace ?? 'default')}` : '';
  return `${info.prefix}${ns}/${info.plural}${withName ? `/${encodeURIComponent(obj.metadata.name)}` : ''}`;
}

export class KubeClient {
  private readonly agent: Agent;
  private readonly url: URL;

  constructor(
    readonly server: string,
    readonly token: string,
    readonly caPem: string,
  ) {
    this.url = new URL(server);
    this.agent = new Agent({ ca: caPem, keepAlive: true, maxSockets: 8 });
  }

  /** Raw request; resolves with status and text for any HTTP status, rejects on network errors or timeout. */
  raw(method: string, path: string, body?: unknown, contentType = 'application/json', timeoutMs = 15_000): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        {
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          agent: this.agent,
          headers: {
            Authorization: `Bearer ${this.token}`,
            Accept: 'application/json',
            ...(payload !== undefined ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) } : {}),
          },
          timeout: timeoutMs,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out after ${timeoutMs}ms`)));
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  async json<T = any>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const r = await this.raw(method, path, body, contentType);
    if (r.status < 200 || r.status >= 300) throw new KubeError(r.status, method, path, r.text);
    return (r.text ? JSON.parse(r.text) : undefined) as T;
  }

  get<T = any>(path: string): Promise<T> {
    return this.json<T>('GET', path);
  }

  /** GET that returns undefined on 404. */
  async getOrUndefined<T = any>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path);
    } catch (e) {
      if (e instanceof KubeError && e.status === 404) return undefined;
      throw e;
    }
  }

  list<T = KubeObject>(path: string, query: Record<string, string> = {}): Promise<{ items: T[]; metadata: { resourceVersion: string } }> {
    const qs = new URLSearchParams(query).toString();
    return this.get(qs ? `${path}?${qs}` : path);
  }

  create<T = KubeObject>(path: string, obj: unknown): Promise<T> {
    return this.json<T>('POST', path, obj);
  }

  delete(path: string): Promise<unknown> {
    return this.json('DELETE', path);
  }

  mergePatch<T = KubeObject>(path: string, patch: unknown): Promise<T> {
    return this.json<T>('PATCH', path, patch, 'application/merge-patch+json');
  }

  /** Server-side apply of one manifest object (create or update), as `kubectl apply --server-side` does. */
  apply<T = KubeObject>(obj: KubeObject, fieldManager = 'kse-lab'): Promise<T> {
    return this.json<T>('PATCH', `${objectPath(obj)}?fieldManager=${fieldManager}&force=true`, obj, 'application/apply-patch+yaml');
  }

  close(): void {
    this.agent.destroy();
  }
}

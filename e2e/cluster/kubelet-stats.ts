/**
 * The lab's stand-in for the kubelet's Summary API (GET /stats/summary), which kwok v0.8 does not serve (its
 * server has logs, exec, attach, port-forward and Prometheus metrics, no /stats). One HTTPS listener per fake node on
 * the host's own address, each node advertising it (status.addresses InternalIP, daemonEndpoints.kubeletEndpoint.Port),
 * so that `GET /api/v1/nodes/<node>/proxy/stats/summary` takes the production path: API server -> node proxy
 * (which refuses loopback addresses, hence the host's address) -> kubelet API over mutual TLS.
 *
 * The JSON has the shape of k8s.io/kubelet/pkg/apis/stats/v1alpha1 Summary: node.fs, and per running pod its
 * volumes (PVC-backed with pvcRef, emptyDirs) and ephemeral-storage. Values are driven by annotations:
 * - USED_BYTES_ANNOTATION on a claim: bytes used in its volume (a quantity such as "950Mi"; default 0);
 *   capacity is the claim's status.capacity.storage;
 * - INODES_USED_ANNOTATION on a claim: inodes used (default 1); inodes = capacity / 16 KiB (ext4's default ratio);
 * - USED_BYTES_ANNOTATION on a pod: its emptyDirs' usage, "<volume>=<quantity>[,...]" or one quantity for every
 *   emptyDir. An emptyDir reports the node filesystem's capacity and free bytes, as the kubelet does (statfs of the
 *   backing filesystem); its sizeLimit is in the pod spec;
 * - CONTAINER_USED_BYTES_ANNOTATION on a pod: what its containers write outside volumes (writable layer),
 *   "<container>=<quantity>[,...]" or one quantity for every container: each container's `rootfs.usedBytes`.
 *   The pod's ephemeral-storage is its containers' writable layers plus its emptyDirs, as the kubelet sums it
 *   (pkg/kubelet/stats: containers' rootfs and logs, local volumes), which the eviction manager compares with the
 *   containers' ephemeral-storage limits.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { networkInterfaces } from 'node:os';
import type { KubeClient, KubeObject } from './kube';
import type { KubeletPki } from './kubelet-pki';

export const USED_BYTES_ANNOTATION = 'lab.kse.dev/used-bytes';
export const INODES_USED_ANNOTATION = 'lab.kse.dev/inodes-used';
export const CONTAINER_USED_BYTES_ANNOTATION = 'lab.kse.dev/container-used-bytes';
const BYTES_PER_INODE = 16384;
/** What the node's own files (images, logs) take on its filesystem before any emptyDir. */
const NODE_BASE_USED = 8 * 1024 ** 3;

const SUFFIX: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12, '': 1 };

/** A whole-byte quantity ("950Mi", "2G", "1048576"); undefined when it is not one. */
export function parseBytes(s: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(Ki|Mi|Gi|Ti|k|M|G|T)?\s*$/.exec(s ?? '');
  if (!m) return undefined;
  return Math.round(Number(m[1]) * SUFFIX[m[2] ?? '']!);
}

/** The pod annotation's usage for emptyDir `volume` (or, of the container annotation, for a container: same format). */
export function emptyDirUsed(annotation: string | undefined, volume: string): number {
  if (!annotation) return 0;
  const whole = parseBytes(annotation);
  if (whole !== undefined) return whole;
  for (const part of annotation.split(',')) {
    const [name, q] = part.split('=');
    if (name?.trim() === volume) return parseBytes(q) ?? 0;
  }
  return 0;
}

/** The first non-internal IPv4 address of this host (the node proxy refuses loopback and link-local). */
export function hostAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) return a.address;
  }
  return undefined;
}

interface Fs { time: string; availableBytes: number; capacityBytes: number; usedBytes: number; inodesFree: number; inodes: number; inodesUsed: number }

function fs(time: string, capacity: number, used: number, inodes: number, inodesUsed: number): Fs {
  return { time, availableBytes: Math.max(0, capacity - used), capacityBytes: capacity, usedBytes: used, inodesFree: Math.max(0, inodes - inodesUsed), inodes, inodesUsed };
}

/** The Summary a kubelet on `node` would report, from the objects on the API server. Exported for unit tests. */
export function summaryOf(node: KubeObject, pods: KubeObject[], claims: KubeObject[], at = new Date()): unknown {
  const time = at.toISOString().replace(/\.\d+Z$/, 'Z');
  const nodeCap = parseBytes(node.status?.capacity?.['ephemeral-storage']) ?? 100 * 1024 ** 3;
  const nodeInodes = Math.floor(nodeCap / BYTES_PER_INODE);
  const claimByKey = new Map(claims.map((c) => [`${c.metadata.namespace}/${c.metadata.name}`, c]));
  const running = pods.filter((p) => p.spec?.nodeName === node.metadata.name && p.status?.phase === 'Running' && !p.metadata['deletionTimestamp']);
  const emptyDirTotal = running.reduce((sum, p) => sum + (p.spec?.volumes ?? []).filter((v: any) => v.emptyDir).reduce((s: number, v: any) => s + emptyDirUsed(p.metadata.annotations?.[USED_BYTES_ANNOTATION], v.name), 0), 0);
  const nodeUsed = Math.min(nodeCap, NODE_BASE_USED + emptyDirTotal);
  const nodeFs = fs(time, nodeCap, nodeUsed, nodeInodes, Math.floor(nodeUsed / (64 * 1024)));
  return {
    node: { nodeName: node.metadata.name, startTime: node.metadata['creationTimestamp'] ?? time, fs: nodeFs },
    pods: running.map((p) => {
      const volume: unknown[] = [];
      let ephemeral = 0;
      for (const v of (p.spec?.volumes ?? []) as any[]) {
        if (v.emptyDir) {
          const used = emptyDirUsed(p.metadata.annotations?.[USED_BYTES_ANNOTATION], v.name);
          ephemeral += used;
          volume.push({ ...fs(time, nodeCap, used, nodeInodes, 1), availableBytes: nodeFs.availableBytes, inodesFree: nodeFs.inodesFree, name: v.name });
        } else if (v.persistentVolumeClaim?.claimName) {
          const c = claimByKey.get(`${p.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
          const cap = parseBytes(c?.status?.capacity?.storage);
          if (!c || c.status?.phase !== 'Bound' || cap === undefined) continue; // not mounted: no stats, as on a kubelet
          const used = Math.min(cap, parseBytes(c.metadata.annotations?.[USED_BYTES_ANNOTATION]) ?? 0);
          const inodes = Math.max(1, Math.floor(cap / BYTES_PER_INODE));
          const inodesUsed = Math.min(inodes, Number(c.metadata.annotations?.[INODES_USED_ANNOTATION] ?? 1) || 1);
          volume.push({ ...fs(time, cap, used, inodes, inodesUsed), name: v.name, pvcRef: { name: c.metadata.name, namespace: c.metadata.namespace } });
        }
      }
      const containers = ((p.spec?.containers ?? []) as any[]).map((c) => {
        const used = emptyDirUsed(p.metadata.annotations?.[CONTAINER_USED_BYTES_ANNOTATION], c.name);
        ephemeral += used;
        return { name: c.name, startTime: p.status?.startTime ?? time, rootfs: { ...fs(time, nodeCap, used, nodeInodes, 1), availableBytes: nodeFs.availableBytes }, logs: { ...fs(time, nodeCap, 0, nodeInodes, 0), availableBytes: nodeFs.availableBytes } };
      });
      return {
        podRef: { name: p.metadata.name, namespace: p.metadata.namespace, uid: p.metadata.uid },
        startTime: p.status?.startTime ?? time,
        containers,
        volume,
        'ephemeral-storage': { ...fs(time, nodeCap, ephemeral, nodeInodes, 1), availableBytes: nodeFs.availableBytes },
      };
    }),
  };
}

export interface KubeletStats {
  /** The address every node advertises (InternalIP). */
  readonly address: string;
  /** Node name -> its kubelet port (daemonEndpoints.kubeletEndpoint.Port), known once started. */
  readonly ports: ReadonlyMap<string, number>;
  /** Starts serving (all nodes on ports the system picks, or one again on its port after stop). */
  start(node?: string): Promise<void>;
  /** Stops one node's listener (its summary then fails to answer), or all. */
  stop(node?: string): Promise<void>;
}

/**
 * Listeners for `nodes` on `address`, each on its own port, requiring the API server's client certificate. The
 * ports are taken by listening (port 0), not picked beforehand: a port found free on loopback may be taken on the
 * host's address (other labs run side by side). Start them before the nodes are created, which advertise them.
 * `client` is called on the first request (the API server may not be up when the listeners start).
 */
export function kubeletStats(opts: { address: string; nodes: readonly string[]; pki: KubeletPki; client: () => KubeClient; log?: (l: string) => void }): KubeletStats {
  const servers = new Map<string, Server>();
  const ports = new Map<string, number>();
  const tls = {
    key: readFileSync(opts.pki.serverKey), cert: readFileSync(opts.pki.serverCert), ca: readFileSync(opts.pki.caCert),
    requestCert: true, rejectUnauthorized: true,
  };
  let made: KubeClient | undefined;
  const client = { get: (p: string) => (made ??= opts.client()).get(p), list: (p: string, q?: Record<string, string>) => (made ??= opts.client()).list(p, q) };
  const serve = (nodeName: string) =>
    createServer(tls, (req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET' || path !== '/stats/summary') {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
        return;
      }
      void (async () => {
        const [node, pods, claims] = await Promise.all([
          client.get(`/api/v1/nodes/${encodeURIComponent(nodeName)}`),
          client.list('/api/v1/pods', { fieldSelector: `spec.nodeName=${nodeName}` }),
          client.list('/api/v1/persistentvolumeclaims'),
        ]);
        const body = JSON.stringify(summaryOf(node, pods.items, claims.items));
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
      })().catch((e: unknown) => {
        opts.log?.(`[kubelet-stats] ${nodeName}: ${String(e)}`);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`Internal Error: failed to get summary stats: ${e instanceof Error ? e.message : String(e)}\n`);
      });
    });
  const startOne = (name: string) =>
    new Promise<void>((resolve, reject) => {
      if (servers.has(name)) return resolve();
      const s = serve(name);
      s.once('error', reject);
      s.listen(ports.get(name) ?? 0, opts.address, () => {
        servers.set(name, s);
        const address = s.address();
        if (address && typeof address === 'object') ports.set(name, address.port);
        resolve();
      });
    });
  const stopOne = (name: string) =>
    new Promise<void>((resolve) => {
      const s = servers.get(name);
      if (!s) return resolve();
      servers.delete(name);
      s.close(() => resolve());
      s.closeAllConnections();
    });
  return {
    address: opts.address,
    ports,
    async start(node) {
      for (const n of node ? [node] : opts.nodes) await startOne(n);
    },
    async stop(node) {
      for (const n of node ? [node] : [...servers.keys()]) await stopOne(n);
      if (!node) made?.close();
    },
  };
}

/**
 * The writer of the change-to-screen benchmark: merge patches of `status.capacity.storage` through the claims'
 * status subresource (where the PV controller writes it on binding, kubernetes
 * pkg/controller/volume/persistentvolume/pv_controller.go, and the resizers after an expansion), at a steady
 * rate, round-robin over the target claims, each request started on its own schedule (not after the previous answer),
 * so a slow answer does not slow the rate.
 */
import { objectPath, type KubeClient } from '../../e2e/cluster/kube';
import { capacityFor, type WriteRecord } from './screen-analysis';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A claim on screen: "namespace/name" and the bench index in its name (data-<index>, manifests.ts claimName). */
export interface Target {
  key: string;
  namespace: string;
  name: string;
  index: number;
}

/** "kse-bench-3/data-123" -> its target; throws on a row that is not a bench claim. */
export function targetOf(key: string): Target {
  const [namespace = '', name = ''] = key.split('/');
  const match = /^data-(\d+)$/.exec(name);
  if (!match) throw new Error(`The row "${key}" is not a bench claim (data-<i>); is the lab seeded by seed.ts only?`);
  return { key, namespace, name, index: Number(match[1]) };
}

/**
 * Writes `rate` patches a second for `seconds` (write k at start + k / rate), claim k mod targets.length, through
 * client k mod clients.length; resolves once every answer is in. A write that fails is kept with its error (not
 * retried: the table must not show it). `counts` holds each claim's last m and is kept across the sizes of a run:
 * the lab keeps the values of the last size, so a value must never repeat. Several clients because each keeps at most 8 connections
 * (e2e/cluster/kube.ts): at 100 writes/s and an answer in 100 ms on a loaded machine, 8 would queue the writes in
 * this process, and the time measured would be ours.
 */
export async function patchSteadily(clients: readonly KubeClient[], targets: readonly Target[], rate: number, seconds: number, counts: Map<string, number>): Promise<WriteRecord[]> {
  const total = Math.round(rate * seconds);
  const writes: WriteRecord[] = [];
  const pending: Promise<void>[] = [];
  const start = now();
  for (let k = 0; k < total; k++) {
    await sleep(start + (k * 1000) / rate - now());
    const target = targets[k % targets.length] as Target;
    const m = (counts.get(target.key) ?? 0) + 1;
    counts.set(target.key, m);
    const capacity = capacityFor(target.index, m);
    const record: WriteRecord = { key: target.key, m, capacity, sentAt: now() };
    writes.push(record);
    const path = `${objectPath({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { namespace: target.namespace, name: target.name } })}/status`;
    pending.push(
      (clients[k % clients.length] as KubeClient).mergePatch(path, { status: { capacity: { storage: capacity } } }).then(
        (claim) => {
          record.ackAt = now();
          if (claim.metadata.resourceVersion) record.resourceVersion = claim.metadata.resourceVersion;
        },
        (error: unknown) => void (record.error = error instanceof Error ? error.message : String(error)),
      ),
    );
  }
  await Promise.all(pending);
  return writes;
}

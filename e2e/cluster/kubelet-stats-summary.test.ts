/**
 * The stand-in's Summary for one node, from objects (no lab): a pod's containers report what the container
 * annotation says they wrote (rootfs), and the pod's ephemeral-storage adds them to its emptyDirs, as the kubelet
 * sums them. What the API server's node proxy returns of it is tested on the lab (kubelet-stats.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { CONTAINER_USED_BYTES_ANNOTATION, summaryOf, USED_BYTES_ANNOTATION } from './kubelet-stats';

const MI = 1024 ** 2;
const node = { metadata: { name: 'n1' }, status: { capacity: { 'ephemeral-storage': '100Gi' } } };
const pod = {
  metadata: { name: 'scratch', namespace: 'ns', uid: 'u1', annotations: { [CONTAINER_USED_BYTES_ANNOTATION]: 'build=140Mi,sidecar=4Mi', [USED_BYTES_ANNOTATION]: 'cache=10Mi' } },
  spec: { nodeName: 'n1', containers: [{ name: 'build' }, { name: 'sidecar' }, { name: 'idle' }], volumes: [{ name: 'cache', emptyDir: {} }] },
  status: { phase: 'Running' },
};

describe("the stand-in's ephemeral storage", () => {
  test("containers' writable layers by annotation, summed with the emptyDirs into the pod's ephemeral-storage", () => {
    const s = summaryOf(node as never, [pod as never], [], new Date('2026-12-01T00:00:00Z')) as { pods: { containers: { name: string; rootfs: { usedBytes: number } }[]; 'ephemeral-storage': { usedBytes: number } }[] };
    const [p] = s.pods;
    expect(p!.containers.map((c) => [c.name, c.rootfs.usedBytes])).toEqual([['build', 140 * MI], ['sidecar', 4 * MI], ['idle', 0]]);
    expect(p!['ephemeral-storage'].usedBytes).toBe(154 * MI);
  });
});

import { describe, expect, test } from 'vitest';
import { loadScenarios } from './bootstrap';
import { objectPath } from './kube';

const CLUSTER_SCOPED = new Set(['Namespace', 'StorageClass', 'VolumeSnapshotClass', 'PersistentVolume', 'CSIDriver', 'ClusterRole', 'ClusterRoleBinding']);

describe('lesson scenarios', () => {
  const scenarios = loadScenarios();

  test('there are scenarios and every object is of a kind the lab client knows', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(9);
    for (const s of scenarios) for (const o of [...s.objects, ...s.then]) expect(() => objectPath(o), `${s.name}: ${o.kind}`).not.toThrow();
  });

  test('each scenario keeps its namespaced objects in its own namespace, which it declares', () => {
    const owners = new Map<string, string>();
    for (const s of scenarios) {
      const namespaced = s.objects.filter((o) => !CLUSTER_SCOPED.has(o.kind!));
      if (namespaced.length === 0) continue;
      const declared = s.objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name);
      expect(declared, s.name).toHaveLength(1);
      for (const o of namespaced) expect(o.metadata.namespace, `${s.name}: ${o.kind}/${o.metadata.name}`).toBe(declared[0]);
      expect(owners.has(declared[0]!), `namespace ${declared[0]} used twice`).toBe(false);
      owners.set(declared[0]!, s.name);
    }
  });

  test('a then/ step only changes objects its scenario created', () => {
    for (const s of scenarios) {
      for (const o of s.then) expect(s.objects.some((x) => x.kind === o.kind && x.metadata.name === o.metadata.name && x.metadata.namespace === o.metadata.namespace), `${s.name}/then: ${o.kind}/${o.metadata.name}`).toBe(true);
    }
  });

  test('exactly one default StorageClass', () => {
    const defaults = scenarios.flatMap((s) => s.objects).filter((o) => o.kind === 'StorageClass' && o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
    expect(defaults.map((o) => o.metadata.name)).toEqual(['lab-hostpath']);
  });
});

import { describe, expect, it } from 'vitest';
import { conformObject } from './conform';
import type { KubeObject } from './objects';

describe('conformObject (objects from files)', () => {
  it('drops fields the app reads when their type is wrong, keeps the rest as it is', () => {
    const pod = {
      metadata: { name: 'p', namespace: 'n', ownerReferences: 'x', finalizers: [1, 'kubernetes.io/x'], labels: { a: 'b', c: { d: 1 } } },
      spec: { volumes: {}, containers: [{ name: 'c', args: ['--a', 5], volumeMounts: [{ name: 'v', readOnly: 'yes' }] }], tolerations: 'anything', hostname: { any: 'thing' } },
      status: { containerStatuses: [{ restartCount: '3', ready: true }] },
    } as unknown as KubeObject;
    const { object, dropped } = conformObject('pods', pod);
    expect(object).toEqual({
      metadata: { name: 'p', namespace: 'n', finalizers: ['kubernetes.io/x'], labels: { a: 'b' } },
      spec: { containers: [{ name: 'c', volumeMounts: [{ name: 'v' }] }], hostname: { any: 'thing' } },
      status: { containerStatuses: [{ ready: true }] },
    });
    expect(dropped.sort()).toEqual(
      ['metadata.ownerReferences', 'metadata.finalizers[0]', 'metadata.labels.c', 'spec.volumes', 'spec.tolerations', 'spec.containers[0].args', 'spec.containers[0].volumeMounts[0].readOnly', 'status.containerStatuses[0].restartCount'].sort(),
    );
  });

  it('returns the same object when it already fits, and keeps "__proto__" keys plain', () => {
    const claim = { metadata: { name: 'c', namespace: 'n' }, spec: { storageClassName: null, resources: { requests: { storage: '1Gi' } } } } as KubeObject;
    expect(conformObject('persistentvolumeclaims', claim).object).toBe(claim);
    const hostile = JSON.parse('{"metadata":{"name":"x"},"spec":{"__proto__":{"polluted":1},"unschedulable":"no"}}') as KubeObject;
    const { object } = conformObject('nodes', hostile);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(object.spec)).toBe(Object.prototype);
  });
});

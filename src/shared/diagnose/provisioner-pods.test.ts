import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../kube/objects';
import { mentionKey, podRunsProvisioner, provisionerPodKeys, sidecarKey } from './provisioner-pods';

/** Short words over a small alphabet with '=' and '/', so arguments often end in another word's name. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', '=', '/', '.', '-'), minLength: 0, maxLength: 6 });
const pod = fc.record({
  namespace: fc.constantFrom('kube-system', 'csi', 'apps'),
  sidecarLabel: fc.boolean(),
  containers: fc.array(
    fc.record({
      name: fc.constantFrom('csi-provisioner', 'driver', 'app'),
      args: fc.array(word, { maxLength: 3 }),
      command: fc.array(word, { maxLength: 2 }),
      env: fc.array(fc.option(word, { nil: undefined }), { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
}).map(
  (p): Pod => ({
    metadata: { name: 'p', namespace: p.namespace, ...(p.sidecarLabel ? { labels: { app: 'csi-provisioner' } } : {}) },
    spec: {
      containers: p.containers.map((c) => ({
        name: c.name,
        args: c.args,
        command: c.command,
        env: c.env.map((value, i) => ({ name: `E${i}`, ...(value === undefined ? {} : { value }) })),
      })),
    },
  }),
);

describe('provisionerPodKeys', () => {
  it('files every pod that runs a provisioner under a key the lookup reads (the index never misses a pod the rule accepts)', () => {
    fc.assert(
      fc.property(pod, word, fc.option(fc.constantFrom('kube-system', 'csi', 'apps'), { nil: undefined }), (p, name, leaseNs) => {
        const keys = new Set(provisionerPodKeys(p));
        const found = keys.has(mentionKey(name)) || (leaseNs !== undefined && keys.has(sidecarKey(leaseNs)));
        if (podRunsProvisioner(p, name, leaseNs)) expect(found).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keys a flag by its value after each "=", an env value, and a sidecar by its namespace', () => {
    const p: Pod = {
      metadata: { name: 'csi-0', namespace: 'csi' },
      spec: {
        containers: [
          { name: 'csi-provisioner', args: ['--provisioner=hostpath.csi.k8s.io', '--a=b=c'] },
          { name: 'driver', env: [{ name: 'DRIVER', value: 'ebs.csi.aws.com' }, { name: 'EMPTY' }] },
        ],
      },
    };
    expect(provisionerPodKeys(p).sort()).toEqual(
      [
        mentionKey('--provisioner=hostpath.csi.k8s.io'),
        mentionKey('hostpath.csi.k8s.io'),
        mentionKey('--a=b=c'),
        mentionKey('b=c'),
        mentionKey('c'),
        mentionKey('ebs.csi.aws.com'),
        sidecarKey('csi'),
      ].sort(),
    );
    expect(podRunsProvisioner(p, 'hostpath.csi.k8s.io', undefined)).toBe(true);
    expect(podRunsProvisioner(p, 'other.example.com', 'csi')).toBe(true);
    expect(podRunsProvisioner(p, 'other.example.com', 'kube-system')).toBe(false);
  });
});

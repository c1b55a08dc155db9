import { describe, expect, it } from 'vitest';
import type { Pod } from '../../shared/kube/objects';
import { pod, pv } from './testing/fixtures';
import { claimRefKey, nodeAffinitySummary, objectKey, podClaimNames, statefulSetOf, volumeDriver, volumeSourceType, volumeType } from './object-keys';

describe('relations', () => {
  it('keys objects by namespace/name or name', () => {
    expect(objectKey(pod('shop', 'a'))).toBe('shop/a');
    expect(objectKey(pv('vol'))).toBe('vol');
  });

  it('pod claims: named claims and generic ephemeral volumes (<pod>-<volume>), once each', () => {
    const p: Pod = pod('shop', 'web', ['data', 'data']);
    p.spec?.volumes?.push({ name: 'tmp', ephemeral: { volumeClaimTemplate: {} } }, { name: 'cache', emptyDir: {} });
    expect(podClaimNames(p)).toEqual(['data', 'web-tmp']);
  });

  it('volume types of pod volumes and PV sources', () => {
    expect(volumeType({ name: 'x', emptyDir: {} })).toBe('emptyDir');
    expect(volumeType({ name: 'x', configMap: { name: 'c' } })).toBe('configMap');
    expect(volumeType({ name: 'x' })).toBe('unknown');
    const nfs = pv('n', { csi: undefined, nfs: { server: 's', path: '/p' } });
    expect(volumeSourceType(nfs)).toBe('nfs');
    expect(volumeDriver(nfs)).toBe('kubernetes.io/nfs');
    expect(volumeDriver(pv('h', { csi: undefined, hostPath: { path: '/x' } }))).toBe('kubernetes.io/host-path');
    expect(volumeDriver(pv('c'))).toBe('example.com/nfs');
  });

  it('claimRef keys and node affinity summaries', () => {
    expect(claimRefKey(pv('a', { claimRef: { namespace: 'shop', name: 'data' } }))).toBe('shop/data');
    expect(claimRefKey(pv('b'))).toBeUndefined();
    const odd = pv('o', { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'Exists' }] }] } } });
    expect(nodeAffinitySummary(odd)).toBe('disk Exists');
    expect(nodeAffinitySummary(pv('none'))).toBeUndefined();
  });

  it('StatefulSet pods: set name and ordinal, only when the controller owner agrees with the name', () => {
    const p = pod('shop', 'db-12');
    p.metadata = { ...p.metadata, ownerReferences: [{ kind: 'StatefulSet', name: 'db', controller: true }] };
    expect(statefulSetOf(p)).toEqual({ set: 'db', ordinal: 12 });
    const wrong = { ...p, metadata: { ...p.metadata, name: 'other-1' } };
    expect(statefulSetOf(wrong)).toBeUndefined();
    expect(statefulSetOf(pod('shop', 'db-0'))).toBeUndefined();
  });
});

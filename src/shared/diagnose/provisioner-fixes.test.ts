import { describe, expect, it } from 'vitest';
import { fixtureView } from './testing/fixture-view';
import { mayBeCsiDriverName, provisionerPodsStep } from './provisioner-fixes';
import { assessProvisioner } from './provisioners';

describe('provisionerPodsStep', () => {
  it('asks for the CSIDriver only by a name a CSIDriver can have (ValidateCSIDriverName)', () => {
    expect(mayBeCsiDriverName('hostpath.csi.k8s.io')).toBe(true);
    expect(mayBeCsiDriverName('a')).toBe(true);
    expect(mayBeCsiDriverName('storage.example.com/absent')).toBe(false);
    expect(mayBeCsiDriverName('kubernetes.io/no-provisioner')).toBe(false);
    expect(mayBeCsiDriverName('-lead.example.com')).toBe(false);
    expect(mayBeCsiDriverName('trail.example.com.')).toBe(false);
    expect(mayBeCsiDriverName(`${'a'.repeat(63)}`)).toBe(true);
    expect(mayBeCsiDriverName(`${'a'.repeat(64)}`)).toBe(false);
  });

  it('with no pod found: `kubectl get csidriver NAME` for a CSI name, and no command that could never succeed for a slash name', () => {
    const view = fixtureView({});
    const csi = provisionerPodsStep('nfs.csi.k8s.io', assessProvisioner(view, 'nfs.csi.k8s.io'));
    expect(csi.command).toBe('kubectl get csidriver nfs.csi.k8s.io');
    const external = provisionerPodsStep('storage.example.com/absent', assessProvisioner(view, 'storage.example.com/absent'));
    expect(external.command).toBeUndefined();
    expect(external.text.en).toContain('not a CSI driver');
    expect(external.text.ru).toContain('не CSI-драйвер');
  });
});

import { describe, expect, it } from 'vitest';
import { initStepMounts, isServiceAccountTokenMount } from './init-mounts';

describe('init step mounts', () => {
  it('hide the injected service-account token mount', () => {
    expect(isServiceAccountTokenMount('kube-api-access-7x2kq:/var/run/secrets/kubernetes.io/serviceaccount (ro)')).toBe(true);
    expect(isServiceAccountTokenMount('token:/var/run/secrets/kubernetes.io/serviceaccount/')).toBe(true);
  });

  it('keep every other mount, in order', () => {
    const mounts = [
      'data:/data',
      'kube-api-access-7x2kq:/var/run/secrets/kubernetes.io/serviceaccount (ro)',
      'certs:/var/run/secrets/kubernetes.io/serviceaccount-extra (ro)',
      'config:/etc/app (ro)',
    ];
    expect(initStepMounts(mounts)).toEqual(['data:/data', 'certs:/var/run/secrets/kubernetes.io/serviceaccount-extra (ro)', 'config:/etc/app (ro)']);
    expect(isServiceAccountTokenMount('no-separator')).toBe(false);
  });
});

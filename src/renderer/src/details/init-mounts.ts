/**
 * The mounts worth showing under an init step. Every container gets the service-account token that the
 * API server injects ("kube-api-access-xxxxx" at /var/run/secrets/kubernetes.io/serviceaccount); repeating it
 * on each step hides the mounts that matter. It stays listed in the pod's Volumes tab.
 */
const SERVICE_ACCOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** True for an injected service-account token mount, given as "name:mountPath" or "name:mountPath (ro)". */
export function isServiceAccountTokenMount(mount: string): boolean {
  const separator = mount.indexOf(':');
  if (separator < 0) return false;
  const path = mount.slice(separator + 1).replace(/ \(ro\)$/, '').replace(/\/+$/, '');
  return path === SERVICE_ACCOUNT_PATH;
}

export function initStepMounts(mounts: readonly string[]): string[] {
  return mounts.filter((m) => !isServiceAccountTokenMount(m));
}

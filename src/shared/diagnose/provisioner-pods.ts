/**
 * Which pods run a provisioner, decided from the pod alone, and the index keys that find those pods without
 * scanning every pod (issue 13, item 3: a pending claim's provisioner assessment read all 20,000 pods at 10,000
 * claims).
 *
 * A pod runs provisioner `name` when one of its containers names it: an argument or command word equal to it or
 * ending in `=<name>` (external-provisioner's `--provisioner=<name>`, a driver's `--drivername=<name>`), or an env
 * value equal to it (kubernetes-csi/external-provisioner reads the driver name from the CSI socket, so charts often
 * pass it in env). A csi-provisioner sidecar (label app=csi-provisioner, or a container named csi-provisioner) in
 * the namespace of the provisioner's leader Lease runs it too: that is where the sidecar elects its leader
 * (kubernetes-csi/external-provisioner cmd/csi-provisioner/csi-provisioner.go, leader election namespace).
 */
import type { Pod } from '../kube/objects';

/** Index key of the pods whose containers mention this exact word (an argument, its part after '=', an env value). */
export function mentionKey(word: string): string {
  return `mention\u0000${word}`;
}

/** Index key of the csi-provisioner sidecar pods of one namespace. */
export function sidecarKey(namespace: string): string {
  return `sidecar\u0000${namespace}`;
}

/**
 * Every index key under which `podRunsProvisioner` can find this pod: one per word a container names (an argument or
 * command word, and each part of it after an '='; an env value), and the sidecar key of its namespace when it is a
 * csi-provisioner sidecar. Deduplicated.
 */
export function provisionerPodKeys(pod: Pod): string[] {
  const keys = new Set<string>();
  for (const c of pod.spec?.containers ?? []) {
    for (const word of [...(c.args ?? []), ...(c.command ?? [])]) {
      keys.add(mentionKey(word));
      for (let i = word.indexOf('='); i >= 0; i = word.indexOf('=', i + 1)) keys.add(mentionKey(word.slice(i + 1)));
    }
    for (const e of c.env ?? []) if (e.value) keys.add(mentionKey(e.value));
  }
  if (isProvisionerSidecar(pod)) keys.add(sidecarKey(pod.metadata?.namespace ?? ''));
  return [...keys];
}

/** Whether a pod runs this provisioner: by its args or env naming it, or a csi-provisioner sidecar in the lease's namespace. */
export function podRunsProvisioner(pod: Pod, name: string, leaseNamespace: string | undefined): boolean {
  // A StorageClass's provisioner is required and non-empty; an empty name must not match an empty env value.
  if (name === '') return false;
  const containers = pod.spec?.containers ?? [];
  const mentions = containers.some(
    (c) =>
      [...(c.args ?? []), ...(c.command ?? [])].some((a) => a === name || a.endsWith(`=${name}`)) ||
      (c.env ?? []).some((e) => e.value === name),
  );
  if (mentions) return true;
  if (leaseNamespace === undefined || pod.metadata?.namespace !== leaseNamespace) return false;
  return isProvisionerSidecar(pod);
}

function isProvisionerSidecar(pod: Pod): boolean {
  return pod.metadata?.labels?.['app'] === 'csi-provisioner' || (pod.spec?.containers ?? []).some((c) => c.name === 'csi-provisioner');
}

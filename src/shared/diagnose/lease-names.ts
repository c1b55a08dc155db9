/**
 * The names a provisioner's leader Lease would have. Imports nothing: the evidence guard (testing/evidence-guard.ts)
 * loads fix-commands.ts, which uses it, while it builds its mock of finding.ts, and a module that imports finding.ts
 * there would wait for that mock forever.
 */
/**
 * Names the leader Lease of a provisioner may have: csi-lib-utils (external-provisioner) turns every
 * character outside [a-zA-Z0-9-] into '-' and appends 'X' to a trailing '-'; sig-storage-lib-external-provisioner
 * (nfs-subdir, local-path, ...) only turns '/' into '-'.
 */
export function leaseNameCandidates(provisioner: string): string[] {
  let csi = provisioner.replace(/[^a-zA-Z0-9-]/g, '-');
  if (csi.endsWith('-')) csi += 'X';
  const lib = provisioner.replace(/\//g, '-');
  return csi === lib ? [csi] : [csi, lib];
}

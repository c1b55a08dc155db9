/**
 * Index of lesson sections: stable anchors that findings, object states and the UI link to.
 * The lesson texts live in resources/lessons/<lang>/*.md, one "## Title {#anchor}" heading per section;
 * a unit test checks that every anchor here exists in every language and vice versa.
 */

export const LESSON_ANCHORS = [
  'stateless',
  'pod-volumes',
  'hostpath',
  'emptydir',
  'persistent-volume',
  'persistent-volume-claim',
  'storage-class',
  'data-survives',
  'claim-lifecycle',
  'access-modes',
  'volume-modes',
  'reclaim-policy',
  'binding-modes',
  'volume-topology',
  'static-binding',
  'dynamic-provisioning',
  'provisioners',
  'csi',
  'csi-secrets',
  'provisioner-health',
  'init-containers',
  'native-sidecars',
  'config-and-secret-volumes',
  'statefulset-claims',
  'ephemeral-volumes',
  'volume-expansion',
  'volume-attributes-class',
  'storage-quotas',
  'snapshots',
  'volume-populators',
  'troubleshooting-pending',
  'troubleshooting-mounts',
  'volume-usage',
] as const;

export type LessonAnchor = (typeof LESSON_ANCHORS)[number];

export function isLessonAnchor(value: string): value is LessonAnchor {
  return (LESSON_ANCHORS as readonly string[]).includes(value);
}

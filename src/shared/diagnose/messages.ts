/**
 * The upstream messages the diagnosis rules know, as Kubernetes v1.37 writes them, with where each comes from and
 * which finding it leads to; and the older wordings that users still meet on older clusters or in old notes,
 * each with the version that changed it. The rules match text through this file (isMultiAttach,
 * VOLUME_SCHEDULING_MESSAGES), and a unit test checks that every message the lessons quote is one of these, so a
 * lesson cannot teach a message the app would not recognise, and a reworded message upstream shows up in one place.
 *
 * Most claim findings are decided from objects, not from event text (events expire after an hour); their entries
 * name the event reason the rule shows as evidence. Messages of refused API requests (`kind: 'api-error'`) never
 * reach the app, since a refused object does not exist, and errors a process in a container gets from the kernel
 * (`kind: 'process-error'`) never leave the container; both are listed so that lessons may quote them.
 */
import type { FindingCode } from './catalog';

export type MessageKind = 'event' | 'scheduler' | 'api-error' | 'process-error';

export interface UpstreamMessage {
  id: string;
  kind: MessageKind;
  /** Event reason, the PodScheduled condition reason for the scheduler, or the HTTP reason of an API error. */
  reason: string;
  /** Matches the message (or the quoted part of it); `...` and `<name>` in quotes are wildcards (see matchesQuote). */
  pattern: RegExp;
  /** A real instance (from the lab, an upstream test or the format string filled in). */
  example: string;
  /** File in kubernetes/kubernetes (or the named repository) that writes it. */
  source: string;
  /** Findings the rules produce for it; empty only for api-error and process-error entries. */
  codes: FindingCode[];
}

export interface HistoricalMessage {
  id: string;
  pattern: RegExp;
  /** A real instance, as older versions wrote it. */
  example: string;
  /** The first Kubernetes minor version that no longer writes this text. */
  changedIn: string;
  /** The id of the UpstreamMessage that replaced it, if any. */
  replacedBy?: string;
  /** What changed, in one sentence, with the upstream change. */
  note: string;
}

const PV = 'pkg/controller/volume/persistentvolume/pv_controller.go';
const BINDER = 'pkg/scheduler/framework/plugins/volumebinding/binder.go';
const KUBELET_MOUNT = 'pkg/volume/util/operationexecutor/operation_generator.go';

/** The prefix the attach/detach controller gives a volume it cannot attach because another node has it. */
const MULTI_ATTACH = /^(?:Multi-Attach error|Waiting for detach) for volume /;

export const UPSTREAM_MESSAGES: readonly UpstreamMessage[] = [
  // PV controller, on claims.
  { id: 'wait-for-first-consumer', example: 'waiting for first consumer to be created before binding', kind: 'event', reason: 'WaitForFirstConsumer', pattern: /^waiting for first consumer to be created before binding$/, source: PV, codes: ['claim.wait-for-first-consumer'] },
  { id: 'wait-for-pod-scheduled', example: 'waiting for pod web-0 to be scheduled', kind: 'event', reason: 'WaitForPodScheduled', pattern: /^waiting for pods? \S+ to be scheduled$/, source: PV, codes: ['claim.wait-for-pod-scheduled'] },
  { id: 'no-class-no-volume', example: 'no persistent volumes available for this claim and no storage class is set', kind: 'event', reason: 'FailedBinding', pattern: /^no persistent volumes available for this claim and no storage class is set$/, source: PV, codes: ['claim.no-default-class', 'claim.static-near-miss', 'claim.no-matching-volume'] },
  { id: 'volume-bound-elsewhere', example: 'volume "nfs-reports" already bound to a different claim.', kind: 'event', reason: 'FailedBinding', pattern: /^volume "?\S+"? already bound to a different claim\.?$/, source: PV, codes: ['claim.volume-taken'] },
  { id: 'volume-mismatch', example: 'Cannot bind to requested volume "nfs-reports": requested PV is too small', kind: 'event', reason: 'VolumeMismatch', pattern: /^Cannot bind to requested volume "[^"]+": .+$/, source: PV, codes: ['claim.volume-mismatch'] },
  {
    id: 'volume-mismatch-detail', example: 'incompatible accessMode',
    kind: 'event',
    reason: 'VolumeMismatch',
    pattern: /^(?:requested PV is too small|storageClassName does not match|incompatible accessMode|incompatible volumeMode|volumeAttributesClassName does not match)$/,
    source: `${PV} checkVolumeSatisfyClaim`,
    codes: ['claim.volume-mismatch'],
  },
  { id: 'class-not-found', example: 'storageclass.storage.k8s.io "fast-ssd" not found', kind: 'event', reason: 'ProvisioningFailed', pattern: /^storageclass\.storage\.k8s\.io "[^"]+" not found$/, source: PV, codes: ['claim.class-missing', 'claim.static-near-miss', 'claim.no-matching-volume'] },
  {
    id: 'external-provisioning', example: 'Waiting for a volume to be created either by the external provisioner \'storage.example.com/absent\' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.',
    kind: 'event',
    reason: 'ExternalProvisioning',
    pattern: /^Waiting for a volume to be created either by the external provisioner '[^']+' or manually by the system administrator\. If volume creation is delayed, please verify that the provisioner is running and correctly registered\.$/,
    source: PV,
    codes: ['claim.provisioning', 'claim.provisioner-dead'],
  },
  {
    id: 'external-populator-assumed',
    example: 'Assuming an external populator will provision the volume',
    kind: 'event',
    reason: 'Provisioning',
    pattern: /^Assuming an external populator will provision the volume$/,
    source: 'kubernetes-csi/external-provisioner pkg/controller/controller.go (a dataSourceRef of a kind it does not serve)',
    codes: ['claim.populator-missing'],
  },
  { id: 'no-volume-plugin', example: 'no volume plugin matched name: kubernetes.io/no-provisioner', kind: 'event', reason: 'ProvisioningFailed', pattern: /^no volume plugin matched name: \S+$/, source: 'pkg/volume/plugins.go FindPluginByName', codes: ['claim.no-matching-volume', 'claim.static-near-miss'] },
  { id: 'claim-lost', example: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', kind: 'event', reason: 'ClaimLost', pattern: /^Bound claim has lost (?:its|reference to) PersistentVolume\. Data on the volume is lost!$/, source: PV, codes: ['claim.lost'] },
  { id: 'claim-misbound', example: 'Two claims are bound to the same volume, this one is bound incorrectly', kind: 'event', reason: 'ClaimMisbound', pattern: /^Two claims are bound to the same volume, this one is bound incorrectly$/, source: PV, codes: ['claim.misbound'] },
  // External provisioners (sig-storage-lib-external-provisioner, kubernetes-csi/external-provisioner).
  { id: 'external-provisioner-started', example: 'External provisioner is provisioning volume for claim "lab-external/uploads"', kind: 'event', reason: 'Provisioning', pattern: /^External provisioner is provisioning volume for claim ".+"$/, source: 'sigs.k8s.io/sig-storage-lib-external-provisioner controller/controller.go', codes: ['claim.provisioning'] },
  { id: 'selector-not-supported', example: 'failed to provision volume with StorageClass "fast-ssd": claim Selector is not supported', kind: 'event', reason: 'ProvisioningFailed', pattern: /^(?:failed to provision volume with StorageClass "[^"]+": )?claim Selector is not supported$/, source: 'kubernetes-csi/external-provisioner pkg/controller/controller.go', codes: ['claim.provisioning-failed'] },
  // Asserted on the lab (e2e/integration/diagnose/references.test.ts); the rules decide from the objects (csi-secrets.ts).
  { id: 'provisioner-secret-missing', example: 'error getting secret data-storage in namespace dx-csi-secrets: secrets "data-storage" not found', kind: 'event', reason: 'ProvisioningFailed', pattern: /^(?:failed to provision volume with StorageClass "[^"]+": )?error getting secret \S+ in namespace \S+: /, source: 'kubernetes-csi/external-provisioner pkg/controller/controller.go getCredentials', codes: ['claim.secret-missing'] },
  { id: 'secret-template-invalid', example: 'error resolving value "${pvc.name}": invalid tokens: ["pvc.name"]', kind: 'event', reason: 'ProvisioningFailed', pattern: /^(?:failed to provision volume with StorageClass "[^"]+": )?error resolving value "[^"]*": invalid tokens: \[.*\]$/, source: 'kubernetes-csi/external-provisioner pkg/controller/controller.go getSecretReference', codes: ['class.secret-params-invalid'] },
  // The scheduler, in the PodScheduled condition and the FailedScheduling event of the pod.
  { id: 'unbound-immediate', example: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. not found', kind: 'scheduler', reason: 'FailedScheduling', pattern: /pod has unbound immediate PersistentVolumeClaims/, source: 'pkg/scheduler/framework/plugins/volumebinding/volume_binding.go', codes: ['pod.unschedulable-volumes', 'claim.consumer-unschedulable'] },
  { id: 'bind-conflict', example: '0/3 nodes are available: 3 node(s) didn\'t find available persistent volumes to bind. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', kind: 'scheduler', reason: 'FailedScheduling', pattern: /node\(s\) didn't find available persistent volumes to bind/, source: BINDER, codes: ['pod.unschedulable-volumes', 'claim.consumer-unschedulable'] },
  { id: 'node-affinity-conflict', example: '0/3 nodes are available: 3 node(s) didn\'t match PersistentVolume\'s node affinity. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', kind: 'scheduler', reason: 'FailedScheduling', pattern: /node\(s\) didn't match PersistentVolume's node affinity/, source: BINDER, codes: ['pod.unschedulable-volumes', 'claim.consumer-unschedulable'] },
  { id: 'not-enough-space', example: '0/3 nodes are available: 3 node(s) did not have enough free storage.', kind: 'scheduler', reason: 'FailedScheduling', pattern: /node\(s\) did not have enough free storage/, source: BINDER, codes: ['pod.unschedulable-volumes', 'claim.consumer-unschedulable'] },
  { id: 'pv-not-exist', example: '0/3 nodes are available: 3 node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s).', kind: 'scheduler', reason: 'FailedScheduling', pattern: /bound to non-existent pv/, source: BINDER, codes: ['pod.unschedulable-volumes'] },
  { id: 'claim-not-found', example: '0/3 nodes are available: persistentvolumeclaim "web-data" not found. not found', kind: 'scheduler', reason: 'FailedScheduling', pattern: /persistentvolumeclaim "[^"]+" not found/, source: 'pkg/scheduler/framework/plugins/volumebinding/volume_binding.go', codes: ['pod.unschedulable-volumes', 'pod.claim-missing'] },
  { id: 'ephemeral-pending', example: '0/3 nodes are available: waiting for ephemeral volume controller to create the persistentvolumeclaim "builder-scratch". not found', kind: 'scheduler', reason: 'FailedScheduling', pattern: /waiting for ephemeral volume controller/, source: 'pkg/scheduler/framework/plugins/volumebinding/volume_binding.go', codes: ['pod.unschedulable-volumes', 'pod.ephemeral-claim-pending'] },
  { id: 'max-volume-count', example: '0/3 nodes are available: 3 node(s) exceed max volume count.', kind: 'scheduler', reason: 'FailedScheduling', pattern: /node\(s\) exceed max volume count/, source: 'pkg/scheduler/framework/plugins/nodevolumelimits/csi.go', codes: ['pod.unschedulable-volumes'] },
  { id: 'volume-zone', example: '0/3 nodes are available: 3 node(s) had no available volume zone.', kind: 'scheduler', reason: 'FailedScheduling', pattern: /node\(s\) had no available volume zone/, source: 'pkg/scheduler/framework/plugins/volumezone/volume_zone.go', codes: ['pod.unschedulable-volumes'] },
  { id: 'rwop-in-use', example: '0/3 nodes are available: 3 node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod.', kind: 'scheduler', reason: 'FailedScheduling', pattern: /ReadWriteOncePod access mode already in-use by another pod/, source: 'pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go', codes: ['pod.unschedulable-volumes'] },
  // The attach/detach controller and the kubelet, on pods.
  { id: 'multi-attach', example: 'Waiting for detach for volume "pvc-8d6accc7" Volume is already used by pod(s) web-0', kind: 'event', reason: 'FailedAttachVolume', pattern: /^Waiting for detach for volume "[^"]*" Volume is already (?:used by .+|exclusively attached to one node, waiting on detach before it can be attached to another node)$/, source: 'pkg/controller/volume/attachdetach/reconciler/reconciler.go', codes: ['pod.multi-attach'] },
  { id: 'attach-failed', example: 'AttachVolume.Attach failed for volume "pvc-8d6accc7" : timed out waiting for external-attacher of ebs.csi.aws.com CSI driver to attach volume vol-0abc', kind: 'event', reason: 'FailedAttachVolume', pattern: /^AttachVolume\.Attach failed for volume .+$/, source: KUBELET_MOUNT, codes: ['pod.attach-failed'] },
  { id: 'attach-timeout', example: 'AttachVolume.Attach failed for volume "pvc-8d6accc7" : timed out waiting for external-attacher of ebs.csi.aws.com CSI driver to attach volume vol-0abc', kind: 'event', reason: 'FailedAttachVolume', pattern: /timed out waiting for external-attacher/, source: 'pkg/volume/csi/csi_attacher.go', codes: ['pod.attach-failed'] },
  { id: 'mount-summary', example: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: error processing PVC shop/web-data: PVC is not bound', kind: 'event', reason: 'FailedMount', pattern: /^Unable to attach or mount volumes: unmounted volumes=\[[^\]]*\], unattached volumes=\[[^\]]*\], failed to process volumes=\[[^\]]*\]: (?!timed out waiting for the condition$).+$/, source: 'pkg/kubelet/kubelet.go', codes: ['pod.mount-failed'] },
  { id: 'configmap-missing', example: 'MountVolume.SetUp failed for volume "config" : configmap "web-config" not found', kind: 'event', reason: 'FailedMount', pattern: /^MountVolume\.SetUp failed for volume "[^"]+" : configmap "[^"]+" not found$/, source: 'pkg/volume/configmap/configmap.go', codes: ['pod.configmap-missing'] },
  { id: 'secret-missing', example: 'MountVolume.SetUp failed for volume "tls" : secret "web-tls" not found', kind: 'event', reason: 'FailedMount', pattern: /^(?:MountVolume\.SetUp failed for volume "[^"]+" : )?secret "[^"]+" not found$/, source: 'pkg/volume/secret/secret.go', codes: ['pod.secret-missing'] },
  { id: 'mount-device-failed', example: 'MountVolume.MountDevice failed for volume "pvc-8d6accc7" : rpc error: code = Internal desc = mount failed: exit status 32', kind: 'event', reason: 'FailedMount', pattern: /^MountVolume\.(?:MountDevice|SetUp) failed for volume .+$/, source: KUBELET_MOUNT, codes: ['pod.mount-failed'] },
  // Errors of mount(8) and the file system that the kubelet puts at the end of a MountVolume event.
  { id: 'mount-os-error', example: 'permission denied', kind: 'event', reason: 'FailedMount', pattern: /^(?:wrong fs type|permission denied|connection timed out)$/, source: 'k8s.io/mount-utils mount_linux.go', codes: ['pod.mount-failed'] },
  { id: 'csi-driver-not-registered', example: 'MountVolume.MountDevice failed for volume "pvc-8d6accc7" : kubernetes.io/csi: attacher.MountDevice failed to create newCsiDriverClient: driver name ebs.csi.aws.com not found in the list of registered CSI drivers', kind: 'event', reason: 'FailedMount', pattern: /driver name \S+ not found in the list of registered CSI drivers/, source: 'pkg/volume/csi/csi_plugin.go', codes: ['pod.mount-failed', 'pod.csi-driver-missing-on-node'] },
  { id: 'hostpath-type', example: 'MountVolume.SetUp failed for volume "logs" : hostPath type check failed: /var/log/app is not a directory', kind: 'event', reason: 'FailedMount', pattern: /hostPath type check failed[:,] .+$/, source: 'pkg/volume/hostpath/host_path.go', codes: ['pod.mount-failed'] },
  // The kubelet's eviction of a pod whose emptyDir passed its sizeLimit (emptyDirMessageFmt; the event's reason is Evicted). The usage rule warns before it happens.
  { id: 'emptydir-over-limit', example: 'Usage of EmptyDir volume "cache" exceeds the limit "100Mi". ', kind: 'event', reason: 'Evicted', pattern: /Usage of EmptyDir volume "[^"]+" exceeds the limit "[^"]+"\.\s*$/, source: 'pkg/kubelet/eviction/helpers.go', codes: ['pod.emptydir-near-limit'] },
  { id: 'pod-ephemeral-over-limit', example: 'Pod ephemeral local storage usage exceeds the total limit of containers 200Mi. ', kind: 'event', reason: 'Evicted', pattern: /Pod ephemeral local storage usage exceeds the total limit of containers \S+\.\s*$/, source: 'pkg/kubelet/eviction/helpers.go', codes: ['pod.ephemeral-storage-near-limit'] },
  // What a process in a container gets from the kernel (strerror of ENOSPC and EACCES): no event is recorded.
  { id: 'no-space-left', example: 'No space left on device', kind: 'process-error', reason: 'ENOSPC', pattern: /^No space left on device$/, source: 'Linux errno ENOSPC (a full tmpfs of a memory-backed emptyDir, a full disk)', codes: [] },
  { id: 'permission-denied', example: 'Permission denied', kind: 'process-error', reason: 'EACCES', pattern: /^[Pp]ermission denied$/, source: 'Linux errno EACCES (a volume owned by another user)', codes: [] },
  // VolumeAttributesClass (claims-attributes-class.ts), both seen on the lab (e2e/integration/diagnose/attributes-classes.test.ts).
  { id: 'vac-missing-modify', example: 'VAC "platinum" does not exist.', kind: 'event', reason: 'VolumeModifyFailed', pattern: /^VAC "[^"]+" does not exist\.$/, source: 'kubernetes-csi/external-resizer pkg/modifycontroller', codes: ['claim.attributes-class-missing'] },
  { id: 'vac-not-found-provisioning', example: 'volumeattributesclasses.storage.k8s.io "nonexistent" not found', kind: 'event', reason: 'ProvisioningFailed', pattern: /^volumeattributesclasses\.storage\.k8s\.io "[^"]+" not found$/, source: 'kubernetes-csi/external-provisioner pkg/controller/controller.go', codes: ['claim.attributes-class-missing', 'claim.provisioning-failed'] },
  { id: 'vac-driver-mismatch-provisioning', example: 'VAC alien referenced in PVC is for driver other.example.com which does not match driver name csi.lab.kse.dev', kind: 'event', reason: 'ProvisioningFailed', pattern: /^VAC \S+ referenced in PVC is for driver \S+ which does not match driver name \S+$/, source: 'kubernetes-csi/external-provisioner pkg/controller/controller.go', codes: ['claim.attributes-class-driver-mismatch', 'claim.provisioning-failed'] },
  { id: 'vac-forbidden-provisioner', example: 'volumeattributesclasses.storage.k8s.io "gold" is forbidden: User "lab:csi-provisioner" cannot get resource "volumeattributesclasses" in API group "storage.k8s.io" at the cluster scope', kind: 'event', reason: 'ProvisioningFailed', pattern: /volumeattributesclasses\.storage\.k8s\.io "[^"]+" is forbidden/, source: 'kubernetes-csi/external-provisioner pkg/controller/controller.go (its release RBAC grants no volumeattributesclasses)', codes: ['claim.provisioning-failed'] },
  // Refused API requests: the object is never created, so nothing reaches the app.
  { id: 'resize-not-allowed', example: 'persistentvolumeclaims "web-data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize', kind: 'api-error', reason: 'Forbidden', pattern: /only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize/, source: 'plugin/pkg/admission/storage/persistentvolume/resize/admission.go', codes: [] },
  { id: 'quota-exceeded', example: 'persistentvolumeclaims "data-web-2" is forbidden: exceeded quota: storage, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=2, limited: persistentvolumeclaims=2', kind: 'api-error', reason: 'Forbidden', pattern: /^(?:persistentvolumeclaims "[^"]+" is forbidden: )?exceeded quota: [^,]+, requested: .+, used: .+, limited: .+$/, source: 'staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go', codes: [] },
  { id: 'limitrange-max', example: 'persistentvolumeclaims "big" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi', kind: 'api-error', reason: 'Forbidden', pattern: /^(?:persistentvolumeclaims "[^"]+" is forbidden: )?maximum storage usage per PersistentVolumeClaim is \S+, but request is \S+$/, source: 'plugin/pkg/admission/limitranger/admission.go', codes: [] },
  { id: 'statefulset-create-claim', example: 'Create Claim data-web-2 for Pod web-2 in StatefulSet web failed error: persistentvolumeclaims "data-web-2" is forbidden: exceeded quota: storage, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=2, limited: persistentvolumeclaims=2', kind: 'event', reason: 'FailedCreate', pattern: /^Create Claim \S+ for Pod \S+ in StatefulSet \S+ failed error: .+$/, source: 'pkg/controller/statefulset/stateful_pod_control.go', codes: [] },
  { id: 'statefulset-create-pod', example: 'Create Pod web-2 in StatefulSet web failed error: failed to create PVC data-web-2: persistentvolumeclaims "data-web-2" is forbidden: exceeded quota: storage, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=2, limited: persistentvolumeclaims=2', kind: 'event', reason: 'FailedCreate', pattern: /^Create Pod \S+ in StatefulSet \S+ failed error: .+$/, source: 'pkg/controller/statefulset/stateful_pod_control.go', codes: [] },
];

export const HISTORICAL_MESSAGES: readonly HistoricalMessage[] = [
  {
    id: 'multi-attach-error', example: 'Multi-Attach error for volume "pvc-8d6accc7" Volume is already used by pod(s) web-0',
    pattern: /^Multi-Attach error for volume "[^"]*" Volume is already (?:used by .+|exclusively attached to one node and can't be attached to another)$/,
    changedIn: '1.37',
    replacedBy: 'multi-attach',
    note: 'kubernetes/kubernetes#138837 renamed it "Waiting for detach for volume ..."; also in recent 1.35 and 1.36 patch releases.',
  },
  {
    id: 'volume-node-affinity-conflict', example: '0/3 nodes are available: 3 node(s) had volume node affinity conflict.',
    pattern: /(?:node\(s\) had )?volume node affinity conflict/,
    changedIn: '1.33',
    replacedBy: 'node-affinity-conflict',
    note: "kubernetes/kubernetes#129887 reworded it as \"node(s) didn't match PersistentVolume's node affinity\".",
  },
  {
    id: 'mount-summary-timeout', example: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data]: timed out waiting for the condition',
    pattern: /^Unable to attach or mount volumes: unmounted volumes=\[[^\]]*\], unattached volumes=\[[^\]]*\](?:, failed to process volumes=\[[^\]]*\])?: timed out waiting for the condition$/,
    changedIn: '1.28',
    replacedBy: 'mount-summary',
    note: 'Since 1.28 the volume manager waits with a context (wait.PollUntilContextTimeout), and pkg/kubelet/kubelet.go posts no event when that wait only ran out of time; the summary now comes only with the error that stopped the wait.',
  },
];

/** The attach/detach controller's report that a volume is attached to another node: both wordings. */
export function isMultiAttach(message: string): boolean {
  return MULTI_ATTACH.test(message);
}

/** Scheduler messages that blame volumes (current ones and older wordings still met on older clusters). */
export const VOLUME_SCHEDULING_MESSAGES: readonly RegExp[] = [
  ...UPSTREAM_MESSAGES.filter((m) => m.kind === 'scheduler').map((m) => m.pattern),
  ...HISTORICAL_MESSAGES.filter((m) => UPSTREAM_MESSAGES.find((u) => u.id === m.replacedBy)?.kind === 'scheduler').map((m) => m.pattern),
];

export type Recognised = { current: UpstreamMessage } | { historical: HistoricalMessage };

/**
 * Which known message a text is, if any. A quote in a lesson may shorten a message: `...` stands for any text and
 * `<name>` for a name, so `Waiting for detach for volume ...` is the multi-attach message: the quote, read as a
 * pattern, must match the entry's example, or the entry's pattern must match the quote as it stands.
 */
export function recogniseMessage(message: string): Recognised | undefined {
  const text = message.startsWith(COMBINED) ? message.slice(COMBINED.length) : message;
  const asPattern = quotePattern(text);
  const fits = (m: { pattern: RegExp; example: string }) => m.pattern.test(text) || asPattern.test(m.example);
  const current = UPSTREAM_MESSAGES.find(fits);
  if (current) return { current };
  const historical = HISTORICAL_MESSAGES.find(fits);
  return historical ? { historical } : undefined;
}

/** client-go's event aggregator replaces the message of frequent similar events with the latest one behind this prefix. */
const COMBINED = '(combined from similar events): ';

/** A quote as a pattern: literal text, with `...` and `<placeholder>` matching anything. */
function quotePattern(quote: string): RegExp {
  const parts = quote.split(/\.\.\.|<[^<>]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.*'));
}

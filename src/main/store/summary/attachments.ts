/**
 * The attach step of a claim's or a pod's CSI volumes in their Summary: "attached to node X by driver Y", or why
 * not (being attached, stuck, failed, detaching, no attachment needed, none made yet). The facts come from
 * shared/diagnose/attachment-facts.ts, the same the attachment rules read; the renderer words them.
 */
import type { PersistentVolumeClaim, Pod } from '../../../shared/kube/objects';
import { attachmentStates } from '../../../shared/diagnose/attachment-facts';
import type { AttachmentView } from '../../../shared/model/summary';
import type { ObjectStore } from '../object-store';
import { podClaimNames } from '../object-keys';
import type { SummaryList } from './fields';

/** The VolumeAttachment fields it reads, for the field's path. */
const PATH = 'VolumeAttachment spec.nodeName, spec.attacher, status';

/** A bound claim's volume: each of its VolumeAttachments, or why it has none. */
export function claimAttachmentField(list: SummaryList, store: ObjectStore, claim: PersistentVolumeClaim): void {
  const pvName = claim.spec?.volumeName;
  const pv = pvName && claim.status?.phase === 'Bound' ? store.get('persistentvolumes', pvName) : undefined;
  if (!pv) return;
  const pods = store.podsUsingClaim(claim.metadata?.namespace ?? '', claim.metadata?.name ?? '');
  const nodes = [...new Set(pods.map((p) => p.spec?.nodeName).filter((n): n is string => Boolean(n)))];
  const states = attachmentStates(store, pv);
  const made = states.filter((s) => s.attachment);
  // No VolumeAttachment: why (not required, none made yet for the pods' nodes, or not in use). Some: each, and the
  // pods' nodes that have none yet.
  const all = made.length === 0 && states[0]?.state === 'not-in-use' && nodes.length > 0
    ? nodes.flatMap((n) => attachmentStates(store, pv, n))
    : [...states, ...(made.length > 0 ? nodes.filter((n) => !made.some((s) => s.node === n)).flatMap((n) => attachmentStates(store, pv, n)) : [])];
  add(list, all);
}

/** A pod's claims' volumes on the pod's node: attached there, or why not. Nothing before the pod is placed. */
export function podAttachmentField(list: SummaryList, store: ObjectStore, pod: Pod): void {
  const node = pod.spec?.nodeName;
  if (!node) return;
  const ns = pod.metadata?.namespace ?? '';
  const out: AttachmentView[] = [];
  for (const name of podClaimNames(pod)) {
    const claim = store.get('persistentvolumeclaims', name, ns);
    const pv = claim?.spec?.volumeName && claim.status?.phase === 'Bound' ? store.get('persistentvolumes', claim.spec.volumeName) : undefined;
    if (pv) out.push(...attachmentStates(store, pv, node));
  }
  add(list, out);
}

function add(list: SummaryList, attachments: AttachmentView[]): void {
  if (attachments.length > 0) list.add('attachment', PATH, { type: 'attachment', attachments });
}

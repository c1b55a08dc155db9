/**
 * Pods that skip the scheduler: `spec.nodeName` set at creation (by hand, or by a controller that places its own
 * pods) makes the kubelet of that node run the pod without the scheduler ever seeing it. Volume binding happens in the
 * scheduler (pkg/scheduler/framework/plugins/volumebinding: PreBind writes the claim's
 * `volume.kubernetes.io/selected-node`, then binds the pod), so:
 * - a WaitForFirstConsumer claim of such a pod is never bound: the PV controller counts the pod as scheduled (it has
 *   a node) and keeps saying "waiting for first consumer to be created before binding" (pv_controller.go
 *   syncUnboundClaim), the provisioner waits for selected-node, which nobody writes;
 * - a bound volume whose node affinity excludes the pod's node is never checked: the kubelet does not run the
 *   scheduler's VolumeBinding filter, so the pod lands where its data is not reachable.
 * A pod the scheduler placed always has selected-node on its WaitForFirstConsumer claims and a node its volumes allow,
 * so these states identify the bypass from the objects alone.
 */
import { verbatim } from '../verbatim';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../kube/objects';
import type { Evidence, Finding, FixStep } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { refByName, refTo } from './object-helpers';
import { formatTerms, nodeMatchesTerms } from './selectors';
import { command } from './shell-quote';

const SELECTED_NODE = 'volume.kubernetes.io/selected-node';

/** Whether a Pending WaitForFirstConsumer claim is waiting on a pod that the scheduler will never see. */
export function waitsOnUnscheduledNodeName(claim: PersistentVolumeClaim, sc: StorageClass | undefined, pod: Pod): boolean {
  return (
    sc?.volumeBindingMode === 'WaitForFirstConsumer' &&
    (claim.status?.phase ?? 'Pending') === 'Pending' &&
    !claim.spec?.volumeName &&
    !claim.metadata?.annotations?.[SELECTED_NODE] &&
    Boolean(pod.spec?.nodeName)
  );
}

const FIX_TEXT = t(
  'Remove spec.nodeName from the pod (or its template) and ask for the node with a nodeSelector or node affinity instead (kubernetes.io/hostname), so the scheduler places the pod and binds its volumes',
  'Уберите spec.nodeName из пода (или его шаблона) и укажите узел через nodeSelector или node affinity (kubernetes.io/hostname): тогда под разместит планировщик и привяжет его тома',
);

/** spec.nodeName of a pod cannot be changed: the pod is seen (with its owner) and then its template is edited. */
const SEE_POD = t('See the pod: its spec.nodeName and, in ownerReferences, the workload whose template sets it', 'Посмотрите под: его spec.nodeName и, в ownerReferences, рабочую нагрузку, чей шаблон его задаёт');

/** The steps: see the pod, then the change in words (it is made in the user's manifest or workload). */
function fixSteps(podName: string | undefined, ns: string): FixStep[] {
  return [step(SEE_POD, command`kubectl get pod ${podName} -n ${ns} -o yaml`), step(FIX_TEXT)];
}

function nodeNameEvidence(pod: Pod): Evidence {
  return evidence(t('Node set in the pod spec', 'Узел, заданный в спецификации пода'), pod.spec?.nodeName ?? '', { ref: refByName('nodes', pod.spec?.nodeName ?? ''), source: 'spec.nodeName', note: t('the scheduler never saw this pod', 'планировщик этот под не видел') });
}

/** On the claim: its WaitForFirstConsumer binding waits for a scheduler that its pods skip. */
export function claimSkippedByScheduler(ref: ObjectRef, claim: PersistentVolumeClaim, ns: string, pods: readonly Pod[], modeEvidence: Evidence): Finding {
  const names = pods.map((p) => p.metadata?.name ?? '');
  return finding({
    code: 'claim.consumer-skips-scheduler',
    object: ref,
    cause: t(
      `The class binds on first use, when the scheduler places a pod; pod ${verbatim(names.join(', '))} was given its node in spec.nodeName (${verbatim(pods[0]?.spec?.nodeName)}) and never goes through the scheduler, so no node is chosen for the claim (no ${SELECTED_NODE}) and it stays Pending for ever. The PV controller still says "waiting for first consumer".`,
      `Класс привязывает том при первом использовании, когда планировщик размещает под; поду ${verbatim(names.join(', '))} узел задан прямо в spec.nodeName (${verbatim(pods[0]?.spec?.nodeName)}), и через планировщик он не проходит, поэтому узел для заявки не выбирается (нет ${SELECTED_NODE}) и она навсегда останется в Pending. PV-контроллер при этом так и пишет «waiting for first consumer».`,
    ),
    evidence: [
      modeEvidence,
      ...pods.map(nodeNameEvidence),
      evidence(t('Node chosen by the scheduler', 'Узел, выбранный планировщиком'), '', { source: `metadata.annotations[${SELECTED_NODE}]`, note: t('not set', 'не задан') }),
    ],
    fix: fixSteps(names[0], ns),
  });
}

/** On the pod: its WaitForFirstConsumer claim will never bind, because the pod skipped the scheduler. */
export function podSkipsBinding(pod: Pod, claim: PersistentVolumeClaim, volumeName: string): Finding {
  const ns = pod.metadata?.namespace ?? '';
  const claimName = claim.metadata?.name ?? '';
  return finding({
    code: 'pod.node-name-wffc-claim',
    object: refTo('pods', pod),
    key: volumeName,
    cause: t(
      `The pod was put on node ${verbatim(pod.spec?.nodeName)} by spec.nodeName, skipping the scheduler; claim ${verbatim(claimName)} binds only when the scheduler places a pod (WaitForFirstConsumer), so it is never bound and the pod's containers never start.`,
      `Под помещён на узел ${verbatim(pod.spec?.nodeName)} через spec.nodeName, в обход планировщика; заявка ${verbatim(claimName)} привязывается только когда под размещает планировщик (WaitForFirstConsumer), поэтому она никогда не будет привязана и контейнеры пода не запустятся.`,
    ),
    evidence: [nodeNameEvidence(pod), evidence(t('Claim', 'Заявка'), claimName, { ref: refTo('persistentvolumeclaims', claim), source: 'spec.volumes[].persistentVolumeClaim.claimName', note: t('Pending, no node chosen', 'Pending, узел не выбран') })],
    fix: fixSteps(pod.metadata?.name, ns),
  });
}

/** On the pod: spec.nodeName put it on a node its bound volume's node affinity excludes. */
export function podOnExcludedNode(ctx: DiagnoseContext, pod: Pod, claim: PersistentVolumeClaim, pv: PersistentVolume, volumeName: string): Finding | undefined {
  const nodeName = pod.spec?.nodeName;
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!nodeName || !terms || terms.length === 0 || ctx.view.kindState('nodes') !== 'synced') return undefined;
  const node = ctx.nodes().find((n) => n.name === nodeName);
  if (!node || nodeMatchesTerms(node, terms)) return undefined;
  const ns = pod.metadata?.namespace ?? '';
  const pvName = pv.metadata?.name ?? '';
  const allowed = ctx.nodes().filter((n) => nodeMatchesTerms(n, terms)).map((n) => n.name);
  return finding({
    code: 'pod.node-name-volume-affinity',
    object: refTo('pods', pod),
    key: volumeName,
    cause: t(
      `The pod is on node ${verbatim(nodeName)}, but volume ${verbatim(pvName)} (claim ${verbatim(claim.metadata?.name)}) may only be used on ${allowed.length > 0 ? `node ${verbatim(allowed.join(', '))}` : 'nodes matching its node affinity, and none does'}: its node affinity is ${verbatim(formatTerms(terms))}. The scheduler never places a pod there; spec.nodeName skips it (or the node's labels changed later), and the kubelet does not check volume affinity, so the volume cannot be mounted on this node. It never resolves by itself.`,
      `Под на узле ${verbatim(nodeName)}, а том ${verbatim(pvName)} (заявка ${verbatim(claim.metadata?.name)}) можно использовать только ${allowed.length > 0 ? `на узле ${verbatim(allowed.join(', '))}` : 'на узлах, подходящих под его node affinity, а таких нет'}: его node affinity — ${verbatim(formatTerms(terms))}. Планировщик туда под не поставил бы; spec.nodeName его обходит (или метки узла изменились позже), а kubelet привязку тома к узлам не проверяет, поэтому на этом узле том не смонтируется. Само это не пройдёт.`,
    ),
    evidence: [
      nodeNameEvidence(pod),
      evidence(t('Volume node affinity', 'Node affinity тома'), formatTerms(terms), { ref: refTo('persistentvolumes', pv), source: 'spec.nodeAffinity.required.nodeSelectorTerms' }),
      evidence(t('Nodes it allows', 'Узлы, которые он допускает'), allowed.join(', '), { source: 'nodes[].metadata.labels', ...(allowed.length === 0 ? { note: t('none', 'нет') } : {}) }),
    ],
    fix: [
      ...fixSteps(pod.metadata?.name, ns),
      ...(allowed[0] ? [step(t(`Or set spec.nodeName to ${verbatim(allowed[0])}, where the data is (in the template: a pod's spec.nodeName cannot be changed, so a new pod is made)`, `Или укажите в spec.nodeName узел ${verbatim(allowed[0])}, где лежат данные (в шаблоне: spec.nodeName пода изменить нельзя, поэтому создаётся новый под)`))] : []),
    ],
  });
}

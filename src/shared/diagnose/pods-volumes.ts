/**
 * A pod's volumes, read from the pod spec: claims that are missing or unbound, ReadWriteOnce claims in use
 * on another node, and what hostPath and emptyDir mean for the data (explained as the lessons explain them).
 */
import { counted } from '../plural';
import { verbatim } from '../verbatim';
import type { Container, PersistentVolumeClaim, Pod, Volume } from '../kube/objects';
import type { Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, NOTE, step, t } from './finding';
import { ageOf, isPodFinished, refByName, refTo } from './object-helpers';
import { podOnExcludedNode, podSkipsBinding, waitsOnUnscheduledNodeName } from './node-name';
import { command } from './shell-quote';
import { claimClassName } from './view';
import { NODES } from './words';
import type { Rule } from './rule';
import { isUnschedulableForVolumes } from './pods-scheduling';

/** Host paths that expose the node itself: its configuration, devices, runtime sockets, kubelet state. */
const SENSITIVE_HOST_PATHS = ['/etc', '/root', '/home', '/proc', '/sys', '/dev', '/boot', '/run', '/var/run', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/usr', '/bin', '/sbin', '/lib'];

export function isSensitiveHostPath(path: string): boolean {
  const normal = path.replace(/\/+$/, '') || '/';
  if (normal === '/') return true;
  return SENSITIVE_HOST_PATHS.some((p) => normal === p || normal.startsWith(`${p}/`));
}

/** The claim a pod volume uses: its own name, or <pod>-<volume> for a generic ephemeral volume. */
export function claimNameOf(pod: Pod, volume: Volume): string | undefined {
  if (volume.persistentVolumeClaim?.claimName) return volume.persistentVolumeClaim.claimName;
  if (volume.ephemeral) return `${pod.metadata?.name ?? ''}-${volume.name ?? ''}`;
  return undefined;
}

function mountsOf(pod: Pod, volumeName: string): { container: Container; path: string; readOnly: boolean }[] {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return containers.flatMap((c) => (c.volumeMounts ?? []).filter((m) => m.name === volumeName).map((m) => ({ container: c, path: m.mountPath ?? '', readOnly: m.readOnly === true })));
}

export function diagnosePodVolumes(ctx: DiagnoseContext, pod: Pod, unschedulableForVolumes: boolean): Finding[] {
  if (isPodFinished(pod)) return [];
  const out: Finding[] = [];
  for (const volume of pod.spec?.volumes ?? []) {
    const claimName = claimNameOf(pod, volume);
    if (claimName !== undefined) out.push(...claimVolume(ctx, pod, volume, claimName, unschedulableForVolumes));
    else if (volume.csi?.driver) {
      const missing = csiDriverMissingOnNode(ctx, pod, volume, volume.csi.driver);
      if (missing) out.push(missing);
    } else if (volume.hostPath) out.push(hostPath(pod, volume));
    else if (volume.emptyDir) out.push(emptyDir(pod, volume));
  }
  return out;
}

function claimVolume(ctx: DiagnoseContext, pod: Pod, volume: Volume, claimName: string, unschedulableForVolumes: boolean): Finding[] {
  const view = ctx.view;
  const ns = pod.metadata?.namespace ?? '';
  const ref = refTo('pods', pod);
  const claimRef = refByName('persistentvolumeclaims', claimName, ns);
  const volumeEvidence = evidence(t('Pod volume', 'Том пода'), `${volume.name ?? ''} → ${claimName}`, { ref: claimRef, source: volume.ephemeral ? 'spec.volumes[].ephemeral' : 'spec.volumes[].persistentVolumeClaim.claimName' });
  if (view.kindState('persistentvolumeclaims') !== 'synced') return [];
  const claim = view.get('persistentvolumeclaims', claimName, ns);
  if (!claim) {
    if (volume.ephemeral) {
      const young = ageOf(view, pod) < 2 * 60_000;
      return [
        finding({
          code: 'pod.ephemeral-claim-pending',
          object: ref,
          key: volume.name,
          severity: young ? undefined : 'problem',
          cause: young
            ? t(`The ephemeral volume controller is creating claim ${verbatim(claimName)} for this pod.`, `Контроллер эфемерных томов создаёт для пода заявку ${verbatim(claimName)}.`)
            : t(`Claim ${verbatim(claimName)} for the pod's ephemeral volume has not been created; check kube-controller-manager (ephemeral-volume controller) and its events.`, `Заявка ${verbatim(claimName)} для эфемерного тома пода так и не создана; проверьте kube-controller-manager (контроллер ephemeral-volume) и события.`),
          evidence: [volumeEvidence],
          fix: young ? [] : [step(t('See the pod and its events', 'Посмотрите под и его события'), command`kubectl describe pod ${pod.metadata?.name} -n ${ns}`)],
        }),
      ];
    }
    return [
      finding({
        code: 'pod.claim-missing',
        object: ref,
        key: volume.name,
        cause: t(`Volume ${verbatim(volume.name)} uses claim ${verbatim(claimName)}, which does not exist in namespace ${verbatim(ns)}: the pod cannot be scheduled.`, `Том ${verbatim(volume.name)} использует заявку ${verbatim(claimName)}, которой нет в пространстве имён ${verbatim(ns)}: под не может быть размещён.`),
        evidence: [volumeEvidence],
        fix: [
          step(t("See the namespace's claims (is it there under another name?), then create the claim or fix the claim name in the pod template", 'Посмотрите заявки пространства имён (нет ли её под другим именем?), затем создайте заявку или исправьте её имя в шаблоне пода'), command`kubectl get pvc -n ${ns}`),
        ],
      }),
    ];
  }
  const out: Finding[] = [];
  const className = claimClassName(claim);
  const sc = className ? view.get('storageclasses', className) : undefined;
  if (waitsOnUnscheduledNodeName(claim, sc, pod)) {
    out.push(podSkipsBinding(pod, claim, volume.name ?? ''));
  } else if ((claim.status?.phase ?? 'Pending') === 'Pending' && !unschedulableForVolumes) {
    out.push(
      finding({
        code: 'pod.claim-pending',
        object: ref,
        key: volume.name,
        cause: t(`The pod waits for claim ${verbatim(claimName)}, which is not bound yet (see the claim for why).`, `Под ждёт заявку ${verbatim(claimName)}, которая ещё не привязана (причина — в заявке).`),
        evidence: [volumeEvidence, evidence(t('Claim phase', 'Фаза заявки'), claim.status?.phase ?? 'Pending', { ref: refTo('persistentvolumeclaims', claim), source: 'status.phase' })],
        fix: [step(t('See the claim', 'Посмотрите заявку'), command`kubectl describe pvc ${claimName} -n ${ns}`)],
      }),
    );
  }
  const other = otherNodeUser(ctx, pod, claim);
  if (other) out.push(other);
  const pv = claim.spec?.volumeName ? view.get('persistentvolumes', claim.spec.volumeName) : undefined;
  if (pv && claim.status?.phase === 'Bound' && !isPodFinished(pod)) {
    const excluded = podOnExcludedNode(ctx, pod, claim, pv, volume.name ?? '');
    if (excluded) out.push(excluded);
  }
  const driver = pv?.spec?.csi?.driver;
  if (driver) {
    const missing = csiDriverMissingOnNode(ctx, pod, volume, driver);
    if (missing) out.push(missing);
  }
  return out;
}

/**
 * A CSI volume on a node whose CSINode does not list the driver: the kubelet cannot mount it ("driver name
 * ... not found in the list of registered CSI drivers"). Decided from objects; only for pods not running yet.
 */
function csiDriverMissingOnNode(ctx: DiagnoseContext, pod: Pod, volume: Volume, driver: string): Finding | undefined {
  const view = ctx.view;
  const nodeName = pod.spec?.nodeName;
  if (!nodeName || pod.status?.phase === 'Running' || view.kindState('csinodes') !== 'synced') return undefined;
  const csiNode = view.get('csinodes', nodeName);
  if ((csiNode?.spec?.drivers ?? []).some((d) => d.name === driver)) return undefined;
  const elsewhere = view.csiNodesWithDriver(driver).map((n) => n.metadata?.name ?? '');
  return finding({
    code: 'pod.csi-driver-missing-on-node',
    object: refTo('pods', pod),
    key: volume.name,
    cause: t(
      `Volume ${verbatim(volume.name)} needs CSI driver ${verbatim(driver)}, which is not registered on node ${verbatim(nodeName)}${elsewhere.length ? ` (it is on ${counted(elsewhere.length, NODES).en} elsewhere)` : ' (nor on any node)'}: the kubelet cannot mount it there.`,
      `Тому ${verbatim(volume.name)} нужен CSI-драйвер ${verbatim(driver)}, а на узле ${verbatim(nodeName)} он не зарегистрирован${elsewhere.length ? ` (есть на других узлах: ${elsewhere.length})` : ' (и ни на одном узле)'}: kubelet не сможет его смонтировать.`,
    ),
    evidence: [
      evidence(t('CSINode drivers', 'Драйверы в CSINode'), (csiNode?.spec?.drivers ?? []).map((d) => d.name ?? '').join(', '), {
        ...((csiNode?.spec?.drivers ?? []).length === 0 ? { note: csiNode ? NOTE.none : t('no CSINode object', 'объекта CSINode нет') } : {}),
        ref: refByName('csinodes', nodeName),
        source: 'spec.drivers',
      }),
    ],
    fix: [step(t("Check the driver's node plugin (usually a DaemonSet) on that node", 'Проверьте плагин драйвера на этом узле (обычно это под DaemonSet)'), command`kubectl get pods -A --field-selector ${`spec.nodeName=${nodeName}`}`)],
  });
}

/** A ReadWriteOnce(Pod) claim already used by a pod elsewhere: reported on the pod that cannot start. */
function otherNodeUser(ctx: DiagnoseContext, pod: Pod, claim: PersistentVolumeClaim): Finding | undefined {
  const modes: readonly string[] = claim.status?.accessModes ?? claim.spec?.accessModes ?? [];
  const singlePod = modes.includes('ReadWriteOncePod');
  const singleNode = modes.length > 0 && modes.every((m): boolean => m === 'ReadWriteOnce');
  if (!singlePod && !singleNode) return undefined;
  if (pod.status?.phase === 'Running') return undefined;
  const ns = pod.metadata?.namespace ?? '';
  const others = ctx.view
    .podsUsingClaim(ns, claim.metadata?.name ?? '')
    .filter((p) => p.metadata?.uid !== pod.metadata?.uid && p.spec?.nodeName && !isPodFinished(p))
    .filter((p) => singlePod || (pod.spec?.nodeName !== undefined && p.spec?.nodeName !== pod.spec.nodeName));
  const first = others[0];
  if (!first) return undefined;
  return finding({
    code: 'pod.rwo-claim-other-node',
    object: refTo('pods', pod),
    key: claim.metadata?.name,
    cause: singlePod
      ? t(`Claim ${verbatim(claim.metadata?.name)} is ReadWriteOncePod and pod ${verbatim(first.metadata?.name)} already uses it: only one pod may.`, `Заявка ${verbatim(claim.metadata?.name)} — ReadWriteOncePod, и её уже использует под ${verbatim(first.metadata?.name)}: можно только одному поду.`)
      : t(`Claim ${verbatim(claim.metadata?.name)} is ReadWriteOnce and pod ${verbatim(first.metadata?.name)} uses it on node ${verbatim(first.spec?.nodeName)}; this pod is on ${verbatim(pod.spec?.nodeName)}, where the volume cannot be attached too.`, `Заявка ${verbatim(claim.metadata?.name)} — ReadWriteOnce, её использует под ${verbatim(first.metadata?.name)} на узле ${verbatim(first.spec?.nodeName)}; этот под на узле ${verbatim(pod.spec?.nodeName)}, куда том одновременно не подключить.`),
    evidence: [
      evidence(t('Access modes', 'Режимы доступа'), modes.join(', '), { ref: refTo('persistentvolumeclaims', claim), source: 'status.accessModes' }),
      ...others.map((p) => evidence(t('Other pod and node', 'Другой под и узел'), `${p.metadata?.name} @ ${p.spec?.nodeName}`, { ref: refTo('pods', p), source: 'spec.nodeName' })),
    ],
    fix: [step(t('Keep the pods that share the claim on one node (pod affinity), or use ReadWriteMany storage', 'Держите поды с общей заявкой на одном узле (pod affinity) или возьмите хранилище ReadWriteMany'))],
  });
}

function hostPath(pod: Pod, volume: Volume): Finding {
  const path = volume.hostPath?.path ?? '';
  const sensitive = isSensitiveHostPath(path);
  const mounts = mountsOf(pod, volume.name ?? '');
  const writable = mounts.some((m) => !m.readOnly);
  const node = pod.spec?.nodeName;
  return finding({
    code: sensitive ? 'pod.hostpath-sensitive' : 'pod.hostpath',
    object: refTo('pods', pod),
    key: volume.name,
    cause: sensitive
      ? t(
          `Volume ${verbatim(volume.name)} mounts ${verbatim(path)} of the node${writable ? ' writable' : ''}: the containers can read${writable ? ' and change' : ''} the node's own files (configuration, sockets, other pods' data) — close to root on the node.`,
          `Том ${verbatim(volume.name)} монтирует ${verbatim(path)} узла${writable ? ' на запись' : ''}: контейнеры могут читать${writable ? ' и менять' : ''} файлы самого узла (настройки, сокеты, данные других подов) — это почти полный доступ к узлу.`,
        )
      : t(
          `Volume ${verbatim(volume.name)} is the directory ${verbatim(path)} of ${node ? `node ${verbatim(node)}` : 'whichever node runs the pod'}: the data stays on that node, a pod moved to another node sees a different, possibly empty, directory, and the containers work on the node's own files.`,
          `Том ${verbatim(volume.name)} — это каталог ${verbatim(path)} на ${node ? `узле ${verbatim(node)}` : 'том узле, где запущен под'}: данные остаются на этом узле, на другом узле под увидит другой, возможно пустой, каталог, а контейнеры работают прямо с файлами узла.`,
        ),
    evidence: [
      evidence(t('Host path', 'Путь на узле'), `${path}${volume.hostPath?.type ? ` (type ${volume.hostPath.type})` : ''}`, { source: 'spec.volumes[].hostPath' }),
      ...mounts.map((m) => evidence(t('Mounted by', 'Монтирует'), `${m.container.name ?? ''}: ${m.path}${m.readOnly ? ' (read-only)' : ''}`, { source: 'spec.containers[].volumeMounts' })),
      ...(node ? [evidence(t('Node', 'Узел'), node, { ref: refByName('nodes', node), source: 'spec.nodeName' })] : []),
    ],
    fix: sensitive
      ? [step(t('Mount only what the workload needs, read-only, or use a PersistentVolume; the namespace label pod-security.kubernetes.io/enforce=baseline forbids hostPath', 'Монтируйте только нужное и только на чтение или используйте PersistentVolume; метка пространства имён pod-security.kubernetes.io/enforce=baseline запрещает hostPath'))]
      : [step(t('For data that must outlive the node, use a PersistentVolumeClaim', 'Для данных, которые должны пережить узел, используйте PersistentVolumeClaim'))],
  });
}

function emptyDir(pod: Pod, volume: Volume): Finding {
  const memory = volume.emptyDir?.medium === 'Memory';
  const sizeLimit = volume.emptyDir?.sizeLimit;
  const mounts = mountsOf(pod, volume.name ?? '');
  const limited = mounts.filter((m) => m.container.resources?.limits?.['memory']);
  const common = [
    {
      ...evidence(t('emptyDir', 'emptyDir'), volume.name ?? '', {
        source: 'spec.volumes[].emptyDir',
        note: t(
          `${volume.emptyDir?.medium === 'Memory' ? 'in memory' : 'on the node disk'}${sizeLimit ? '' : ', no size limit'}`,
          `${volume.emptyDir?.medium === 'Memory' ? 'в памяти' : 'на диске узла'}${sizeLimit ? '' : ', без ограничения размера'}`,
        ),
      }),
      // Its fields as label/value facts, never a raw "medium=Memory sizeLimit=64Mi".
      facts: [
        volume.emptyDir?.medium ? { label: t('Medium', 'Носитель'), value: volume.emptyDir.medium } : { label: t('Medium', 'Носитель'), value: '', note: t('not set: the node disk', 'не задан: диск узла') },
        sizeLimit ? { label: t('Size limit', 'Предел размера'), value: sizeLimit } : { label: t('Size limit', 'Предел размера'), value: '', note: NOTE.notSet },
      ],
    },
    ...mounts.map((m) => {
      const limit = m.container.resources?.limits?.['memory'];
      // The limit is a note in the reader's language, not English inside the value.
      return evidence(t('Mounted by', 'Монтирует'), `${m.container.name ?? ''}: ${m.path}`, { source: 'spec.containers[].volumeMounts', ...(limit ? { note: t(`memory limit ${limit}`, `лимит памяти ${limit}`) } : {}) });
    }),
  ];
  if (memory) {
    return finding({
      code: 'pod.emptydir-memory',
      object: refTo('pods', pod),
      key: volume.name,
      severity: !sizeLimit && limited.length === 0 ? 'warning' : undefined,
      cause: t(
        `Volume ${verbatim(volume.name)} is a tmpfs in RAM: files written there count against the memory limit of the container that writes them${sizeLimit ? `, up to ${verbatim(sizeLimit)}` : ''}${!sizeLimit && limited.length === 0 ? ', and with no sizeLimit and no memory limit it can fill the node\'s memory' : ''}; it is gone when the pod goes.`,
        `Том ${verbatim(volume.name)} — tmpfs в памяти: записанные туда файлы расходуют лимит памяти контейнера, который их пишет${sizeLimit ? `, не более ${verbatim(sizeLimit)}` : ''}${!sizeLimit && limited.length === 0 ? ', а без sizeLimit и лимита памяти он может занять всю память узла' : ''}; с удалением пода он исчезает.`,
      ),
      evidence: common,
      fix: !sizeLimit ? [step(t('Set emptyDir.sizeLimit and memory limits on the containers', 'Задайте emptyDir.sizeLimit и лимиты памяти контейнерам'))] : [],
    });
  }
  return finding({
    code: 'pod.emptydir',
    object: refTo('pods', pod),
    key: volume.name,
    cause: t(
      `Volume ${verbatim(volume.name)} is an empty directory created with the pod: it survives container restarts but is deleted with the pod${sizeLimit ? `; over ${verbatim(sizeLimit)} the pod is evicted` : ''}.`,
      `Том ${verbatim(volume.name)} — пустой каталог, созданный вместе с подом: он переживает перезапуск контейнеров, но удаляется вместе с подом${sizeLimit ? `; при превышении ${verbatim(sizeLimit)} под вытесняется` : ''}.`,
    ),
    evidence: common,
    fix: [],
  });
}

/** A pod's claims and volumes. */
export const podVolumesRule: Rule<'pods'> = {
  name: 'pod-volumes',
  subject: 'pods',
  run: (ctx, pod) => diagnosePodVolumes(ctx, pod, !pod.spec?.nodeName && isUnschedulableForVolumes(pod)),
  reads: {
    persistentvolumeclaims: ['pods-using-claim'],
    persistentvolumes: ['pods-using-volume', 'waiting-pods-of-volume-claim'],
    // The binding mode of a claim's class, for a pod not placed by the scheduler. A pod placed by spec.nodeName
    // is not reached by a class change: the class's change does not change the claim, and a class's binding
    // mode cannot change (only its creation or deletion matters).
    storageclasses: ['waiting-pods-of-class'],
    // Another pod using a ReadWriteOnce claim on another node.
    pods: ['pods-sharing-claims'],
    nodes: ['pods-on-node', 'waiting-pods'],
    // The CSI drivers registered on the pod's node.
    csinodes: ['pods-on-csinode-node'],
  },
};

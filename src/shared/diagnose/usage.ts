/**
 * Findings from volume usage (the kubelets' Summary API read through the node proxy; see model/usage.ts):
 * - claim.nearly-full: a claim's volume at 85 % (warning) or 95 % (problem) of its capacity (the user's thresholds);
 * - claim.inodes-nearly-exhausted: the same thresholds for inodes;
 * - pod.emptydir-near-limit: an emptyDir at 85 % / 95 % of its sizeLimit; past it the kubelet evicts the pod
 *   (pkg/kubelet/eviction/eviction_manager.go localStorageEviction, "Usage of EmptyDir volume %q exceeds the
 *   limit %q.");
 * - pod.ephemeral-storage-near-limit: a pod's whole ephemeral storage (containers' writable layers and logs,
 *   emptyDirs on disk: the Summary's pods[].ephemeral-storage) at 85 % / 95 % of its containers' ephemeral-storage
 *   limits; past them the kubelet evicts the pod (eviction_manager.go podEphemeralStorageLimitEviction, "Pod
 *   ephemeral local storage usage exceeds the total limit of containers %s.", helpers.go);
 * - node.usage-unknown: a node whose kubelet stats could not be read (the node named, with the error);
 * - claim.predicted-full, claim.over-provisioned: from the kept history (usage-trend.ts).
 * Pure: the report in, findings out. Usage is not an object of the store, so these findings are merged into the
 * store's by the cluster session (listFindings, getObject).
 */
import type { Finding, Severity } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import type { UsageReport, VolumeUsage } from '../model/usage';
import { formatBytes, formatBytesIn } from '../quantity';
import { inodesPercent, usePercent } from '../usage/summary';
import { DEFAULT_USAGE_THRESHOLDS, usageLevel, type UsageThresholds } from '../usage/thresholds';
import { verbatim } from '../verbatim';
import { evidence, finding, step, t } from './finding';
import { diagnoseUsageTrend, type UsageTrendOptions } from './usage-trend';
import { command } from './shell-quote';
import { sizeEvidence } from './size-evidence';
import { growClaimStep } from './grow-claim';

const claimRef = (v: VolumeUsage): ObjectRef => ({ kind: 'persistentvolumeclaims', namespace: v.namespace, name: v.claim ?? '' });
const podRef = (v: VolumeUsage): ObjectRef => ({ kind: 'pods', namespace: v.namespace, name: v.pod });
/** The kernel's words (strerror of ENOSPC), shown verbatim in every language. */
const ENOSPC = 'No space left on device';
const bytes = (n: number | undefined) => (n === undefined ? '' : formatBytes(n));
/** In a Russian sentence: «891 МиБ», as the tables say it (formatBytesIn). */
const bytesRu = (n: number | undefined) => (n === undefined ? '' : formatBytesIn(n, 'ru'));
const SOURCE = (node: string) => `/api/v1/nodes/${node}/proxy/stats/summary`;

function measured(v: VolumeUsage) {
  const at = v.time ? { at: v.time } : {};
  return [
    sizeEvidence(t('Used', 'Занято'), v.usedBytes, { source: `${SOURCE(v.node)} pods[].volume[name=${v.volume}].usedBytes`, ...at }),
    sizeEvidence(t('Capacity', 'Ёмкость'), v.capacityBytes, { source: `${SOURCE(v.node)} pods[].volume[name=${v.volume}].capacityBytes` }),
    sizeEvidence(t('Available', 'Свободно'), v.availableBytes, { source: `${SOURCE(v.node)} pods[].volume[name=${v.volume}].availableBytes` }),
  ];
}

function claimFindings(v: VolumeUsage, th: UsageThresholds): Finding[] {
  const out: Finding[] = [];
  const ref = claimRef(v);
  const use = usePercent(v);
  const level = usageLevel(use, th);
  if (level && use !== undefined) {
    out.push(finding({
      code: 'claim.nearly-full',
      object: ref,
      severity: level satisfies Severity,
      cause: t(
        `Claim ${verbatim(v.claim)} is ${use} % full (${verbatim(bytes(v.usedBytes))} of ${verbatim(bytes(v.capacityBytes))}): when it is full, writes fail with "${verbatim(ENOSPC)}".`,
        `Заявка ${verbatim(v.claim)} заполнена на ${use} % (${verbatim(bytesRu(v.usedBytes))} из ${verbatim(bytesRu(v.capacityBytes))}): когда место кончится, запись будет падать с ошибкой «${verbatim(ENOSPC)}».`,
      ),
      evidence: [
        evidence(t('Use', 'Заполнено'), `${use} %`, { note: t(`warning from ${th.warningPercent} %, problem from ${th.problemPercent} %`, `предупреждение с ${th.warningPercent} %, проблема с ${th.problemPercent} %`), source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}]` }),
        ...measured(v),
        evidence(t('Measured on node', 'Измерено на узле'), v.node, { ref: { kind: 'nodes', name: v.node }, source: 'spec.nodeName' }),
      ],
      fix: [
        growClaimStep(v.namespace, v.claim ?? '', v.capacityBytes),
        step(t('Or free space: delete data the application no longer needs', 'Или освободите место: удалите данные, которые приложению больше не нужны')),
      ],
    }));
  }
  const inodes = inodesPercent(v);
  const inodeLevel = usageLevel(inodes, th);
  if (inodeLevel && inodes !== undefined) {
    out.push(finding({
      code: 'claim.inodes-nearly-exhausted',
      object: ref,
      severity: inodeLevel,
      cause: t(
        `Claim ${verbatim(v.claim)} has used ${inodes} % of its inodes (${v.inodesUsed} of ${v.inodes}): when they run out, creating files fails with "${verbatim(ENOSPC)}" even with bytes free.`,
        `Заявка ${verbatim(v.claim)} израсходовала ${inodes} % индексных дескрипторов (${v.inodesUsed} из ${v.inodes}): когда они кончатся, создание файлов будет падать с ошибкой «${verbatim(ENOSPC)}», даже если байты свободны.`,
      ),
      evidence: [
        evidence(t('Inodes used', 'Занято индексных дескрипторов'), String(v.inodesUsed), { source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}].inodesUsed`, ...(v.time ? { at: v.time } : {}) }),
        evidence(t('Inodes', 'Всего индексных дескрипторов'), String(v.inodes), { source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}].inodes` }),
      ],
      fix: [
        step(t('Find the directories with the most files and remove or pack them (many small files use up inodes)', 'Найдите каталоги с наибольшим числом файлов и удалите или упакуйте их (мелкие файлы расходуют индексные дескрипторы)')),
        step(t('A bigger volume gets more inodes: grow the claim if its class allows expansion', 'На большем томе больше индексных дескрипторов: увеличьте заявку, если класс разрешает расширение')),
      ],
    }));
  }
  return out;
}

function emptyDirFinding(v: VolumeUsage, th: UsageThresholds): Finding[] {
  if (v.sizeLimitBytes === undefined) return [];
  const use = usePercent(v);
  const level = usageLevel(use, th);
  if (!level || use === undefined) return [];
  return [finding({
    code: 'pod.emptydir-near-limit',
    object: podRef(v),
    key: v.volume,
    severity: level,
    cause: t(
      `emptyDir ${verbatim(v.volume)} of pod ${verbatim(v.pod)} holds ${verbatim(bytes(v.usedBytes))}, ${use} % of its sizeLimit ${verbatim(bytes(v.sizeLimitBytes))}: past the limit the kubelet evicts the pod, and the emptyDir's data is lost with it.`,
      `emptyDir ${verbatim(v.volume)} пода ${verbatim(v.pod)} занимает ${verbatim(bytesRu(v.usedBytes))}, ${use} % от sizeLimit ${verbatim(bytesRu(v.sizeLimitBytes))}: при превышении kubelet вытеснит под, и данные emptyDir пропадут вместе с ним.`,
    ),
    evidence: [
      sizeEvidence(t('Used', 'Занято'), v.usedBytes, { source: `${SOURCE(v.node)} pods[podRef.name=${v.pod}].volume[name=${v.volume}].usedBytes`, ...(v.time ? { at: v.time } : {}) }),
      sizeEvidence(t('sizeLimit', 'sizeLimit'), v.sizeLimitBytes, { source: `spec.volumes[name=${v.volume}].emptyDir.sizeLimit` }),
      evidence(t('Node', 'Узел'), v.node, { ref: { kind: 'nodes', name: v.node }, source: 'spec.nodeName' }),
    ],
    fix: [
      step(t('See which workload made the pod: its pod template holds the sizeLimit', 'Посмотрите, какая рабочая нагрузка создала под: sizeLimit задан в её шаблоне пода'),
        command`kubectl -n ${v.namespace} get pod ${v.pod} -o 'jsonpath={.metadata.ownerReferences[0].name}'`),
      step(t('Raise the sizeLimit in that pod template if the data needs the room (a new pod gets it)', 'Поднимите sizeLimit в этом шаблоне пода, если данным нужно место (его получит новый под)')),
      step(t('Or make the application clean up what it writes there, or keep that data on a claim instead', 'Или пусть приложение убирает то, что туда пишет, либо храните эти данные на заявке')),
    ],
  })];
}

/** The eviction message the kubelet writes past the limit (pkg/kubelet/eviction/helpers.go), shown verbatim. */
const POD_EPHEMERAL_EVICTED = (limit: string) => `Pod ephemeral local storage usage exceeds the total limit of containers ${limit}.`;

function ephemeralFinding(v: VolumeUsage, th: UsageThresholds): Finding[] {
  if (v.sizeLimitBytes === undefined) return [];
  const use = usePercent(v);
  const level = usageLevel(use, th);
  if (!level || use === undefined) return [];
  const limit = bytes(v.sizeLimitBytes);
  return [finding({
    code: 'pod.ephemeral-storage-near-limit',
    object: podRef(v),
    severity: level,
    cause: t(
      `Pod ${verbatim(v.pod)} uses ${verbatim(bytes(v.usedBytes))} of ephemeral storage, ${use} % of its containers' ephemeral-storage limit ${verbatim(limit)}: its containers' writable layers and logs and its emptyDirs on disk all count. Past the limit the kubelet evicts the pod ("${verbatim(POD_EPHEMERAL_EVICTED(limit))}").`,
      `Под ${verbatim(v.pod)} занимает ${verbatim(bytesRu(v.usedBytes))} эфемерного хранилища, ${use} % от лимита ephemeral-storage его контейнеров ${verbatim(bytesRu(v.sizeLimitBytes))}: считаются записываемые слои и журналы контейнеров и его emptyDir на диске. При превышении лимита kubelet вытеснит под («${verbatim(POD_EPHEMERAL_EVICTED(limit))}»).`,
    ),
    evidence: [
      sizeEvidence(t('Used', 'Занято'), v.usedBytes, { source: `${SOURCE(v.node)} pods[podRef.name=${v.pod}].ephemeral-storage.usedBytes`, ...(v.time ? { at: v.time } : {}) }),
      evidence(t('Limit', 'Лимит'), limit, { source: 'spec.containers[].resources.limits.ephemeral-storage' }),
      evidence(t('Node', 'Узел'), v.node, { ref: { kind: 'nodes', name: v.node }, source: 'spec.nodeName' }),
    ],
    fix: [
      step(t("See the containers' limits", 'Посмотрите лимиты контейнеров'),
        command`kubectl -n ${v.namespace} get pod ${v.pod} -o 'jsonpath={.spec.containers[*].resources.limits}'`),
      step(t("Raise the containers' ephemeral-storage limits in the pod template if they need the room (a new pod gets them)", 'Поднимите лимиты ephemeral-storage контейнеров в шаблоне пода, если им нужно место (их получит новый под)')),
      step(t('Or find what fills it: logs written to stdout, files written outside volumes, emptyDirs; keep lasting data on a claim instead', 'Или найдите, что его заполняет: журналы в stdout, файлы вне томов, emptyDir; долговременные данные храните на заявке')),
    ],
  })];
}

/** Findings about nodes whose usage could not be read (node.usage-unknown). */
export function nodeUsageFindings(report: UsageReport): Finding[] {
  return report.nodes.filter((n) => n.state === 'error').map((n) =>
    finding({
      code: 'node.usage-unknown',
      object: { kind: 'nodes', name: n.node },
      cause: t(
        `Volume usage on node ${verbatim(n.node)} is unknown: its kubelet stats could not be read through the API server. Volumes there may be full without anyone seeing it.`,
        `Заполнение томов на узле ${verbatim(n.node)} неизвестно: статистику его kubelet не удалось прочитать через API-сервер. Тома там могут быть заполнены, и никто этого не увидит.`,
      ),
      evidence: [evidence(t('Error', 'Ошибка'), n.error ?? '', { source: SOURCE(n.node), ...(n.polledAt ? { at: n.polledAt } : {}) })],
      fix: [
        step(t('Check that the node is Ready and its kubelet runs', 'Проверьте, что узел в состоянии Ready и его kubelet работает'), command`kubectl get node ${n.node} -o wide`),
        step(t('Ask the kubelet directly through the API server to see its error', 'Запросите kubelet напрямую через API-сервер, чтобы увидеть ошибку'), command`kubectl get --raw ${SOURCE(n.node)}`),
      ],
    }),
  );
}

/**
 * Every usage finding of a report (empty unless usage could be read: no permission is not a finding). With
 * `trend` (the kept history per volume), also claim.predicted-full and claim.over-provisioned (usage-trend.ts).
 */
export function diagnoseUsage(report: UsageReport, trend?: UsageTrendOptions, thresholds: UsageThresholds = DEFAULT_USAGE_THRESHOLDS): Finding[] {
  if (report.access !== 'allowed') return [];
  return [...report.volumes.flatMap((v) => volumeUsageFindings(v, trend, thresholds)), ...nodeUsageFindings(report)];
}

/**
 * The usage findings of one volume: a claim's (and its trend's, with `trend`), an emptyDir's or a pod's ephemeral
 * storage's, nearly full from the user's thresholds (default 85 % / 95 %).
 */
export function volumeUsageFindings(v: VolumeUsage, trend?: UsageTrendOptions, thresholds: UsageThresholds = DEFAULT_USAGE_THRESHOLDS): Finding[] {
  if (v.kind === 'claim') return [...claimFindings(v, thresholds), ...(trend ? diagnoseUsageTrend(v, trend) : [])];
  return v.kind === 'ephemeral' ? ephemeralFinding(v, thresholds) : emptyDirFinding(v, thresholds);
}

/**
 * Findings from a claim's kept usage history (in memory, the last 2 h by default; see main/kube/usage-source.ts):
 * - claim.predicted-full (warning): the least-squares trend (shared/usage/trend.ts) reaches the capacity within
 *   24 h, counted from the last measurement;
 * - claim.over-provisioned (info): at most 10 % used at every measurement over at least an hour of history. The
 *   history is what this app saw since it started watching, so the finding says so and claims nothing older.
 * Pure: the volume, its history and the options in, findings out.
 */
import type { Finding } from '../model/findings';
import type { UsagePoint, VolumeUsage } from '../model/usage';
import { counted, type PluralForms } from '../plural';
import { formatBytes, formatBytesIn } from '../quantity';
import { pointTime, usageTrend } from '../usage/trend';
import { verbatim } from '../verbatim';
import { evidence, finding, step, t } from './finding';
import { sizeEvidence } from './size-evidence';
import { growClaimStep } from './grow-claim';
import { command } from './shell-quote';

/** "12 measurements", «12 измерений». */
const MEASUREMENTS: PluralForms = { en: { one: 'measurement', other: 'measurements' }, ru: { one: 'измерение', few: 'измерения', many: 'измерений', other: 'измерения' } };

/** A trend that reaches the capacity within this many seconds is a warning. */
export const PREDICTED_FULL_WITHIN_S = 24 * 3600;
/** Over-provisioned: never above this whole percent of the capacity ... */
export const OVER_PROVISIONED_PERCENT = 10;
/** ... over at least this much history, ms. */
export const OVER_PROVISIONED_MIN_MS = 60 * 60_000;

export interface UsageTrendOptions {
  /** The history of a volume key, oldest first. */
  history: (key: string) => readonly UsagePoint[];
  /** Shortest history for claim.over-provisioned, ms (default OVER_PROVISIONED_MIN_MS; tests shorten it). */
  overProvisionedMinMs?: number;
  /** Between polls, ms: said in the evidence of how the history was kept. */
  intervalMs?: number;
}

const SOURCE = (node: string) => `/api/v1/nodes/${node}/proxy/stats/summary`;
const ref = (v: VolumeUsage) => ({ kind: 'persistentvolumeclaims' as const, namespace: v.namespace, name: v.claim ?? '' });
const minutesOf = (ms: number) => Math.max(1, Math.round(ms / 60_000));

function historyEvidence(v: VolumeUsage, points: readonly UsagePoint[], spanMs: number, intervalMs: number | undefined) {
  const minutes = minutesOf(spanMs);
  const every = intervalMs ? Math.round(intervalMs / 1000) : undefined;
  return evidence(t('History seen', 'Увиденная история'), '', {
    source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}].usedBytes`,
    note: t(
      `${counted(points.length, MEASUREMENTS).en} over ${minutes} min${every ? `, one every ${every} s` : ''}, kept in this app's memory since it started watching (nothing older is known)`,
      `${counted(points.length, MEASUREMENTS).ru} за ${minutes} мин${every ? `, раз в ${every} с` : ''}, хранятся в памяти приложения с начала наблюдения (более старое неизвестно)`,
    ),
    ...(points[0] ? { at: points[0].time } : {}),
  });
}

function predictedFull(v: VolumeUsage, points: readonly UsagePoint[], options: UsageTrendOptions): Finding[] {
  const trend = usageTrend(points);
  if (trend?.secondsToFull === undefined || trend.capacityBytes === undefined) return [];
  // Already full is claim.nearly-full's to say; beyond a day is what the details' "full in about N days" says.
  if (trend.secondsToFull <= 0 || trend.secondsToFull > PREDICTED_FULL_WITHIN_S) return [];
  const hours = Math.max(1, Math.ceil(trend.secondsToFull / 3600));
  const perHour = formatBytes(Math.round(trend.bytesPerSecond * 3600));
  const perHourRu = formatBytesIn(Math.round(trend.bytesPerSecond * 3600), 'ru');
  const minutes = minutesOf(trend.spanMs);
  return [
    finding({
      code: 'claim.predicted-full',
      object: ref(v),
      cause: t(
        `Claim ${verbatim(v.claim)} grew by about ${verbatim(perHour)} an hour over the last ${minutes} min: at that rate it is full in about ${hours} h (${verbatim(formatBytes(trend.lastUsedBytes))} of ${verbatim(formatBytes(trend.capacityBytes))} now).`,
        `Заявка ${verbatim(v.claim)} росла примерно на ${verbatim(perHourRu)} в час за последние ${minutes} мин: при таком темпе она заполнится примерно через ${hours} ч (сейчас ${verbatim(formatBytesIn(trend.lastUsedBytes, 'ru'))} из ${verbatim(formatBytesIn(trend.capacityBytes, 'ru'))}).`,
      ),
      evidence: [
        // Derived, not observed: the figures are words in each language (no value), «188 МиБ в час», «около 9 ч».
        evidence(t('Rate', 'Темп'), '', {
          source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}].usedBytes`,
          note: t(`about ${perHour} an hour: a least-squares line through the kept history`, `около ${perHourRu} в час: прямая наименьших квадратов по сохранённой истории`),
        }),
        evidence(t('Full in', 'Заполнится через'), '', { source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}].usedBytes, capacityBytes`, note: t(`about ${hours} h; a warning when within ${PREDICTED_FULL_WITHIN_S / 3600} h`, `около ${hours} ч; предупреждение, если меньше ${PREDICTED_FULL_WITHIN_S / 3600} ч`) }),
        sizeEvidence(t('Used', 'Занято'), trend.lastUsedBytes, { source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}].usedBytes`, at: new Date(trend.lastAt).toISOString() }),
        sizeEvidence(t('Capacity', 'Ёмкость'), trend.capacityBytes, { source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}].capacityBytes` }),
        historyEvidence(v, points, trend.spanMs, options.intervalMs),
      ],
      fix: [
        step(t('Find what writes so much (logs without rotation, a growing queue or cache) and stop it or clean up', 'Найдите, что столько пишет (журналы без ротации, растущая очередь или кэш), и остановите это или уберите данные')),
        growClaimStep(v.namespace, v.claim ?? '', trend.capacityBytes),
      ],
    }),
  ];
}

function overProvisioned(v: VolumeUsage, points: readonly UsagePoint[], options: UsageTrendOptions): Finding[] {
  // A cheap pass first (most volumes are not over-provisioned: one measurement at 10 % or more ends it); the
  // exact integer comparison below runs only for the few that pass.
  for (const p of points) if (p.capacityBytes !== undefined && p.usedBytes * 100 >= p.capacityBytes * (OVER_PROVISIONED_PERCENT - 0.5)) return [];
  const measured = points.filter((p) => p.capacityBytes !== undefined && p.capacityBytes > 0 && Number.isFinite(pointTime(p)));
  if (measured.length < 2) return [];
  const spanMs = pointTime(measured[measured.length - 1]!) - pointTime(measured[0]!);
  if (spanMs < (options.overProvisionedMinMs ?? OVER_PROVISIONED_MIN_MS)) return [];
  // Whole percents in integers, as usePercent: sizes are never compared as floats.
  const most = measured.reduce((a, p) => (BigInt(p.usedBytes) * BigInt(a.capacityBytes!) > BigInt(a.usedBytes) * BigInt(p.capacityBytes!) ? p : a));
  const percent = Number((BigInt(most.usedBytes) * 100n) / BigInt(most.capacityBytes!));
  if (percent >= OVER_PROVISIONED_PERCENT) return [];
  const minutes = minutesOf(spanMs);
  return [
    finding({
      code: 'claim.over-provisioned',
      object: ref(v),
      cause: t(
        `Claim ${verbatim(v.claim)} used at most ${percent} % of its ${verbatim(formatBytes(most.capacityBytes!))} (${verbatim(formatBytes(most.usedBytes))}) over the ${minutes} min of measurements the app has of it. How full it was before them is unknown: a live cluster's history is kept in memory only, while the app runs, and a recording's is what it recorded.`,
        `Заявка ${verbatim(v.claim)} занимала не больше ${percent} % из ${verbatim(formatBytesIn(most.capacityBytes!, 'ru'))} (${verbatim(formatBytesIn(most.usedBytes, 'ru'))}) за ${minutes} мин измерений, которые есть у приложения. Сколько было занято раньше, неизвестно: история живого кластера хранится только в памяти, пока приложение работает, а у записи — та, что в неё попала.`,
      ),
      evidence: [
        sizeEvidence(t('Most used', 'Максимум занятого'), most.usedBytes, { source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}].usedBytes`, at: most.time, note: t(`${percent} %; info below ${OVER_PROVISIONED_PERCENT} % at every measurement`, `${percent} %; сведение, если каждое измерение ниже ${OVER_PROVISIONED_PERCENT} %`) }),
        sizeEvidence(t('Capacity', 'Ёмкость'), most.capacityBytes!, { source: `${SOURCE(v.node)} pods[].volume[pvcRef.name=${v.claim}].capacityBytes` }),
        historyEvidence(v, measured, spanMs, options.intervalMs),
      ],
      fix: [
        step(t('Watch it longer (a monthly job may fill it) before acting; a claim cannot shrink', 'Понаблюдайте дольше (её может заполнять ежемесячная задача), прежде чем что-то делать; уменьшить заявку нельзя'),
          command`kubectl -n ${v.namespace} get pvc ${v.claim} -o 'jsonpath={.status.capacity.storage}'`),
        step(t('To give the space back, copy the data to a new, smaller claim, point the workload at it and delete this one', 'Чтобы вернуть место, скопируйте данные в новую заявку меньшего размера, переключите на неё приложение и удалите эту')),
      ],
    }),
  ];
}

/** The trend findings of one claim volume (none for emptyDirs: their findings are about the sizeLimit). */
export function diagnoseUsageTrend(v: VolumeUsage, options: UsageTrendOptions): Finding[] {
  if (v.kind !== 'claim' || !v.claim) return [];
  const points = options.history(v.key);
  return [...predictedFull(v, points, options), ...overProvisioned(v, points, options)];
}

/**
 * `kse df`: one line per volume (claims and emptyDirs) with capacity, used, available, use % and inodes %, like
 * `kubectl df-pv`; the nodes whose usage is unknown after the table, each named. Pure, for the CLI.
 */
import type { Lang } from '../model/findings';
import type { UsageReport, VolumeUsage } from '../model/usage';
import { formatBytes } from '../quantity';
import { inodesPercent, usePercent } from './summary';
import { USAGE_PROBLEM_PERCENT } from './thresholds';

export interface DfRow {
  namespace: string;
  /** Claim name; absent for an emptyDir. */
  claim?: string;
  /** A claim's PersistentVolume name; an emptyDir's `<pod>/<volume>`. */
  volume: string;
  kind: VolumeUsage['kind'];
  node: string;
  capacityBytes?: number;
  usedBytes?: number;
  availableBytes?: number;
  /** An emptyDir's sizeLimit: its use % is against it. */
  sizeLimitBytes?: number;
  usePercent?: number;
  inodesPercent?: number;
}

export type DfSort = 'name' | 'use';

/** Rows of the report; `pvOf` names a claim's PersistentVolume. */
export function dfRows(report: UsageReport, pvOf: (namespace: string, claim: string) => string | undefined, sort: DfSort = 'name'): DfRow[] {
  const rows = report.volumes.map((v): DfRow => {
    const use = usePercent(v);
    const inodes = inodesPercent(v);
    const volume = v.kind === 'claim' ? (pvOf(v.namespace, v.claim ?? '') ?? '') : `${v.pod}/${v.volume}`;
    return {
      namespace: v.namespace, volume, kind: v.kind, node: v.node,
      ...(v.claim !== undefined ? { claim: v.claim } : {}),
      ...(v.capacityBytes !== undefined ? { capacityBytes: v.capacityBytes } : {}),
      ...(v.usedBytes !== undefined ? { usedBytes: v.usedBytes } : {}),
      ...(v.availableBytes !== undefined ? { availableBytes: v.availableBytes } : {}),
      ...(v.sizeLimitBytes !== undefined ? { sizeLimitBytes: v.sizeLimitBytes } : {}),
      ...(use !== undefined ? { usePercent: use } : {}),
      ...(inodes !== undefined ? { inodesPercent: inodes } : {}),
    };
  });
  const byName = (a: DfRow, b: DfRow) => a.namespace.localeCompare(b.namespace) || (a.claim ?? '').localeCompare(b.claim ?? '') || a.volume.localeCompare(b.volume);
  return rows.sort(sort === 'use' ? (a, b) => (b.usePercent ?? -1) - (a.usePercent ?? -1) || byName(a, b) : byName);
}

/** 1 when a volume (bytes or inodes) is at or over the problem threshold (default 95 %, the user's setting), else 0. */
export function dfExitCode(rows: readonly DfRow[], problemPercent: number = USAGE_PROBLEM_PERCENT): number {
  return rows.some((r) => (r.usePercent ?? 0) >= problemPercent || (r.inodesPercent ?? 0) >= problemPercent) ? 1 : 0;
}

const HEADERS: Record<Lang, string[]> = {
  en: ['NAMESPACE', 'CLAIM', 'VOLUME', 'NODE', 'CAPACITY', 'USED', 'AVAILABLE', 'USE %', 'INODES %'],
  ru: ['ПРОСТРАНСТВО ИМЁН', 'ЗАЯВКА', 'ТОМ', 'УЗЕЛ', 'ЁМКОСТЬ', 'ЗАНЯТО', 'СВОБОДНО', 'ЗАНЯТО %', 'ИНОДЫ %'],
};

const TEXT = {
  none: { en: 'No volume usage reported (no running pod mounts a claim or an emptyDir).', ru: 'Данных о заполнении томов нет (ни один работающий под не монтирует заявку или emptyDir).' },
  unknown: { en: (node: string) => `Usage unknown on node ${node}`, ru: (node: string) => `Заполнение неизвестно на узле ${node}` },
  limit: { en: (limit: string) => `of sizeLimit ${limit}`, ru: (limit: string) => `от sizeLimit ${limit}` },
};

/** The table as text, then a line per node whose usage is unknown. `table` aligns columns (cli/format.ts). */
export function formatDf(report: UsageReport, rows: readonly DfRow[], lang: Lang, table: (headers: string[], rows: string[][]) => string): string {
  const bytes = (n: number | undefined) => (n === undefined ? '?' : formatBytes(n));
  const pct = (n: number | undefined) => (n === undefined ? '?' : `${n}%`);
  const lines = rows.map((r) => [
    r.namespace, r.claim ?? '-', r.volume, r.node,
    r.sizeLimitBytes !== undefined ? `${bytes(r.capacityBytes)} (${TEXT.limit[lang](formatBytes(r.sizeLimitBytes))})` : bytes(r.capacityBytes),
    bytes(r.usedBytes), bytes(r.availableBytes), pct(r.usePercent), pct(r.inodesPercent),
  ]);
  let out = rows.length > 0 ? table(HEADERS[lang], lines) : `${TEXT.none[lang]}\n`;
  for (const n of report.nodes.filter((x) => x.state === 'error')) out += `${TEXT.unknown[lang](n.node)}: ${n.error ?? ''}\n`;
  return out;
}

/**
 * What a report file describes: one cluster (or one namespace, or one object of it) at one moment, its findings
 * and provisioner verdicts, and what could not be read. Plain data: the core builds it from a redacted snapshot
 * of the cluster (src/main/core/report.ts), so a report holds exactly what the same snapshot would, and
 * render-markdown.ts / render-html.ts turn it into a file. Pure, no Node imports: the UI may render it too.
 */
import type { Resource } from '../kube/resource-registry';
import type { Finding, Lang } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import type { ProvisionerRow } from '../model/rows';
import type { KindSyncState } from '../model/status';

export const REPORT_FORMATS = ['markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What part of the cluster a report is about. */
export interface ReportScope {
  namespace?: string;
  object?: ObjectRef;
}

/** A kind the report could not look at, and why. */
export interface UnreadKind {
  kind: Resource;
  /** forbidden: no permission; error: the last read failed; syncing/idle: not read yet when the report was made. */
  state: KindSyncState;
  /** The reason in English (from the sync status), when known. */
  message?: string;
}

/** Kinds a cluster serves but that could not be read (a kind the cluster does not serve is not missing). */
export function unreadKindsOf(kinds: readonly { kind: Resource; state: KindSyncState; message?: string }[]): UnreadKind[] {
  return kinds
    .filter((k) => k.state === 'forbidden' || k.state === 'error' || k.state === 'syncing' || k.state === 'idle')
    .map((k) => ({ kind: k.kind, state: k.state, ...(k.message !== undefined ? { message: k.message } : {}) }));
}

/** A lesson section the report's findings link to, carried along so the file explains itself offline. */
export interface ReportLesson {
  id: string;
  title: string;
  /** The section's Markdown, from resources/lessons (ours, not the cluster's). */
  markdown: string;
}

export interface ClusterReport {
  /** The cluster's name as the app lists it (the kubeconfig context, or the snapshot's). */
  cluster: string;
  /** Kubernetes version of the API server, when known. */
  serverVersion?: string;
  /** The moment the report describes (ISO 8601): when it was made, or a snapshot's capture time. */
  capturedAt: string;
  scope: ReportScope;
  /** Kinds that could not be read: findings about them could not be made. */
  unreadKinds: UnreadKind[];
  findings: Finding[];
  provisioners: ProvisionerRow[];
  /** How many values the snapshot redaction removed before the findings were made. */
  redactedValues: number;
  /** The lessons the findings link to, in the report's language. */
  lessons: ReportLesson[];
  /** The app's version that made the report. */
  appVersion: string;
}

/** A rendered report, ready to save. */
export interface ReportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** A report's file name: kse-report-<cluster>[-<namespace>]-<date>.<ext>, safe on every file system. */
export function reportFileName(report: Pick<ClusterReport, 'cluster' | 'capturedAt' | 'scope'>, format: ReportFormat): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60);
  const parts = [safe(report.cluster) || 'cluster', report.scope.namespace ?? report.scope.object?.namespace, report.scope.object?.name].filter((p): p is string => !!p).map(safe).filter(Boolean);
  const stamp = report.capturedAt.slice(0, 19).replace(/[:T]/g, '-');
  return `kse-report-${parts.join('-')}-${stamp}.${format === 'html' ? 'html' : 'md'}`;
}

export const REPORT_MIME: Record<ReportFormat, string> = { markdown: 'text/markdown;charset=utf-8', html: 'text/html;charset=utf-8' };

export type { Lang };

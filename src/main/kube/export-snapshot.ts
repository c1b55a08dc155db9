/**
 * Builds a snapshot file from a cluster's objects so that a customer can hand it to support without handing
 * over a secret: redaction by allow-list (redact/kept-fields.ts keeps only the fields the app reads; free text
 * and command lines are scrubbed by redact/scrub.ts; annotations are dropped unless the app reads them).
 * Secrets are never watched, so never exported. Pure: lists of objects in, a snapshot out (the CLI and the app
 * share it); the input objects are not modified. The snapshot says how many values were removed, per path.
 */
import type { UsageReport } from '../../shared/model/usage';
import type { Resource } from '../../shared/kube/resource-registry';
import type { KubeObject, StorageClass } from '../../shared/kube/objects';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, type SnapshotKind } from '../../shared/snapshot-format';
import { Redactor } from './redact/redactor';

export { REDACTED } from './redact/scrub';
export const REDACTION_POLICY = 'allow-list';

export interface SnapshotInput {
  context: string;
  serverVersion?: string;
  /** Defaults to now. */
  capturedAt?: string;
  kinds: Partial<Record<Resource, SnapshotKind>>;
  limitedToNamespaces?: string[];
  /** A redactor that already redacted other parts of the same file (a recording's events); default a fresh one. */
  redactor?: Redactor;
  /** The usage report the app had at capture time (its free-text messages are scrubbed like state messages). */
  usage?: UsageReport;
}

/** The provisioner names of a capture's StorageClasses (env values naming one are kept). */
export function provisionerNames(kinds: Partial<Record<Resource, SnapshotKind>>): string[] {
  return (kinds.storageclasses?.items ?? []).flatMap((c) => {
    const provisioner = (c as StorageClass).provisioner;
    return typeof provisioner === 'string' ? [provisioner] : [];
  });
}

export function buildSnapshot(input: SnapshotInput): Snapshot {
  const redactor = input.redactor ?? new Redactor(provisionerNames(input.kinds));
  const kinds: Partial<Record<Resource, SnapshotKind>> = {};
  for (const [kind, entry] of Object.entries(input.kinds) as [Resource, SnapshotKind][]) {
    kinds[kind] = {
      state: entry.state,
      items: entry.items.map((item) => redactor.object(kind, item)),
      ...(entry.message !== undefined ? { message: redactor.text(`${kind}: (state message)`, entry.message) } : {}),
    };
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    capturedAt: input.capturedAt ?? new Date().toISOString(),
    context: input.context,
    ...(input.serverVersion !== undefined ? { serverVersion: input.serverVersion } : {}),
    kinds,
    ...(input.limitedToNamespaces ? { limitedToNamespaces: input.limitedToNamespaces } : {}),
    ...(input.usage ? { usage: redactedUsage(input.usage, redactor) } : {}),
    redaction: { policy: REDACTION_POLICY, removed: redactor.report() },
  };
}

/** The usage as captured: numbers and names kept, the API server's error texts scrubbed as state messages are. */
function redactedUsage(usage: UsageReport, redactor: Redactor): UsageReport {
  return {
    access: usage.access,
    intervalMs: usage.intervalMs,
    ...(usage.message !== undefined ? { message: redactor.text('usage: message', usage.message) } : {}),
    nodes: usage.nodes.map((n) => ({ ...n, ...(n.error !== undefined ? { error: redactor.text('usage: nodes[].error', n.error) } : {}) })),
    volumes: usage.volumes.map((v) => ({ ...v })),
  };
}

/** A redacted copy of one object, with a fresh redactor (its counts are not kept). */
export function redactObject(kind: Resource, object: KubeObject, provisioners: Iterable<string> = []): KubeObject {
  return new Redactor(provisioners).object(kind, object);
}

/** "37 values (pods: spec.containers[].env[].value 20, events: message 3, ...)": for the CLI's export message. */
export function describeRedaction(snapshot: Pick<Snapshot, 'redaction'>): string {
  const redaction = snapshot.redaction;
  if (typeof redaction !== 'object') return 'no redaction report';
  const entries = Object.entries(redaction.removed).sort(([, a], [, b]) => b - a);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return 'no values needed removing';
  const top = entries.slice(0, 6).map(([path, n]) => `${path} ${n}`);
  return `${total} value${total === 1 ? '' : 's'} removed (${top.join(', ')}${entries.length > top.length ? `, and ${entries.length - top.length} more paths` : ''})`;
}

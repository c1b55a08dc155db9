/**
 * When a cluster's findings are brought up to date: on each query (prepare), ahead of it in slices that yield to
 * the event loop (settle), and when time alone made something due (provisioner health past its refresh interval,
 * findings with time thresholds). While kinds are still listing, findings wait (up to MAX_DEFER_MS) so that each
 * kind landing does not re-diagnose the whole cluster. ClusterStore owns one; this keeps the store to indices,
 * changes and queries.
 */
import type { DirtySink } from './change-reach';
import type { FindingsCache } from './findings-cache';
import type { ObjectStore } from './object-store';
import type { RowCache } from './row-cache';

/** How often findings that depend on time alone are re-examined (on the next query), in ms. */
const TIME_SWEEP_MS = 60_000;

/** Longest time (ms) findings wait for a sync to finish before they are computed anyway. */
const MAX_DEFER_MS = 20_000;

/**
 * settle() diagnoses in slices of about this many ms, yielding to the event loop between them, so IPC, the web
 * host and the watch keep flowing while 10,000 claims are diagnosed (issue 13: no stall over 50 ms).
 */
export const SETTLE_SLICE_MS = 8;

/** settle() gives up slicing after this long (ms) and leaves the rest to the query itself, whole. */
const SETTLE_LIMIT_MS = 15_000;

/** What the schedule works on: the store's parts, and its revision counter. */
export interface ScheduledStore {
  readonly objects: ObjectStore;
  readonly findings: FindingsCache;
  readonly rows: RowCache;
  /** The store's current revision. */
  revision(): number;
  /** A verdict changed: the store moves to a new revision. */
  bumpRevision(): void;
}

export class FindingsSchedule {
  private lastProvisionerRefresh = Number.NEGATIVE_INFINITY;
  private lastTimeSweep = Number.NEGATIVE_INFINITY;
  private deferringSince: number | undefined;
  private settling: Promise<void> | undefined;
  /** A query re-assessed provisioners and a verdict changed: the store's refresh timer announces it. */
  private unannouncedVerdicts = false;

  /**
   * @param refreshMs how often provisioner health is re-assessed (ms)
   * @param sliceMs settle()'s slice length (ms; 0 in tests: a slice per 16 objects)
   */
  constructor(private readonly store: ScheduledStore, private readonly refreshMs: number, private readonly sliceMs: number) {}

  /**
   * Diagnoses what changed in slices of about `sliceMs`, yielding to the event loop between them, so that the
   * query that follows finds little or nothing left to do. Concurrent callers share one run. Resolves (never
   * rejects) when nothing is dirty, when findings wait for a sync, or after SETTLE_LIMIT_MS (the query then
   * finishes the rest itself).
   */
  settle(): Promise<void> {
    this.settling ??= this.settleInSlices().finally(() => {
      this.settling = undefined;
    });
    return this.settling;
  }

  /**
   * Brings findings (and through badges, rows) up to date, unless kinds are still syncing and the query is not
   * `force`d (exact queries such as listFindings force it).
   */
  prepare(force = false): void {
    if (this.deferFindings(force)) return;
    this.markDue();
    this.store.findings.flush(this.rowSink());
  }

  /** Re-assesses every provisioner (a new revision when a verdict changed); tells nobody. Returns whether one did. */
  reassessProvisioners(): boolean {
    const { findings, objects } = this.store;
    const before = new Map(findings.provisionerRows().map((r) => [r.name, r.verdict]));
    findings.refreshProvisioners(this.rowSink());
    this.lastProvisionerRefresh = objects.now();
    const changed = findings.provisionerRows().some((r) => before.get(r.name) !== r.verdict);
    if (changed) this.store.bumpRevision();
    return changed;
  }

  /** Whether a query changed a verdict that was not announced yet; reading it clears it. */
  takeUnannouncedVerdicts(): boolean {
    const v = this.unannouncedVerdicts;
    this.unannouncedVerdicts = false;
    return v;
  }

  private async settleInSlices(): Promise<void> {
    const deadline = performance.now() + SETTLE_LIMIT_MS;
    for (;;) {
      if (this.deferFindings(false)) return;
      this.markDue();
      // Findings first: a row shows its object's badge.
      if (this.store.findings.flushSlice(this.rowSink(), this.sliceMs, this.store.revision()) && this.store.rows.refreshSlice(this.sliceMs)) return;
      if (performance.now() >= deadline) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** True while findings wait for kinds still listing; never for a forced (exact) query. */
  private deferFindings(force: boolean): boolean {
    // While kinds are still listing, every kind that lands would re-diagnose the whole cluster: rows are served
    // with the badges they have, and findings catch up on the first query after the sync (a notice announces it).
    // Not for long, though (a kind may stay syncing), and never for listFindings, which must be exact.
    if (!force && this.store.objects.anyKindIn('syncing')) {
      this.deferringSince ??= performance.now();
      return performance.now() - this.deferringSince < MAX_DEFER_MS;
    }
    this.deferringSince = undefined;
    return false;
  }

  /** Marks what time alone made due: provisioner health past its refresh interval, time-sensitive findings. */
  private markDue(): void {
    const now = this.store.objects.now();
    if (now - this.lastProvisionerRefresh >= this.refreshMs && this.reassessProvisioners()) this.unannouncedVerdicts = true;
    if (now - this.lastTimeSweep >= TIME_SWEEP_MS) {
      // The first query after a load already examines everything.
      if (this.lastTimeSweep !== Number.NEGATIVE_INFINITY) this.store.findings.markTimeSensitive();
      this.lastTimeSweep = now;
    }
  }

  /** Where re-diagnosed objects and provisioners mark their rows. */
  rowSink(): DirtySink {
    const rows = this.store.rows;
    return { object: (kind, key) => rows.markObject(kind, key), provisioner: (name) => rows.markProvisioner(name) };
  }
}

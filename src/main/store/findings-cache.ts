/**
 * Findings per object and provisioner health, recomputed lazily: a change marks objects (and provisioners)
 * dirty, and the next query re-diagnoses only those. The rules themselves live in src/shared/diagnose; this
 * cache does not know which rules exist, only which objects they are about.
 */
import { CHANGES_WITH_TIME, diagnoseAll, diagnoseObject, provisionerHealth, startDiagnosis, type DiagnosedKind, type DiagnoseSession } from '../../shared/diagnose/index';
import type { ClusterView } from '../../shared/diagnose/view';
import type { KubeObject } from '../../shared/kube/objects';
import { DIAGNOSED_RESOURCES, type Resource } from '../../shared/kube/resource-registry';
import { DESCRIPTOR_OF_RESOURCE } from '../../shared/kube/resource-registry';
import { SEVERITY_ORDER, type Finding, type FindingBadge } from '../../shared/model/findings';
import type { ObjectRef } from '../../shared/model/refs';
import type { ProvisionerRow } from '../../shared/model/rows';
import { markProvisionerDependents, type DirtySink } from './change-reach';
import type { ObjectStore } from './object-store';
import { idOf, nsKey, objectKey, splitId } from './object-keys';

/** Kinds the rules diagnose (their descriptors say so); findings of other kinds are never computed. */
export { DIAGNOSED_RESOURCES };

export function badgeOf(findings: readonly Finding[]): FindingBadge | undefined {
  const first = findings[0];
  if (!first) return undefined;
  const rank = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity);
  let top = first;
  for (const f of findings) if (rank(f) < rank(top)) top = f;
  return { severity: top.severity, count: findings.length, code: top.code };
}

function sameBadge(a: FindingBadge | undefined, b: FindingBadge | undefined): boolean {
  return a?.severity === b?.severity && a?.count === b?.count && a?.code === b?.code;
}

export class FindingsCache {
  private readonly findings = new Map<string, Finding[]>();
  private readonly badges = new Map<string, FindingBadge>();
  private readonly dirty = new Set<string>();
  private readonly provisioners = new Map<string, ProvisionerRow>();
  private readonly dirtyProvisioners = new Set<string>();
  private sorted: Finding[] | undefined;
  /** The diagnosis session flushSlice shares across slices, and the store revision it was started at. */
  private slicing: { session: DiagnoseSession; revision: number } | undefined;
  /** Counts every recomputation that changed something, so callers can cache what they derive. */
  version = 0;

  /**
   * @param bulkLimit Past this many dirty objects, one diagnoseAll run replaces per-object calls: it shares the
   *   costly per-provisioner work across all objects (diagnoseObject assesses the provisioner on every call).
   */
  constructor(
    private readonly store: ObjectStore,
    private readonly bulkLimit = 100,
  ) {}

  markObject(kind: Resource, key: string): void {
    if (DIAGNOSED_RESOURCES.has(kind)) this.dirty.add(idOf(kind, key));
  }

  markProvisioner(name: string): void {
    this.dirtyProvisioners.add(name);
  }

  /** Everything is examined again (after a relist, or when time moved on for every verdict). */
  markAll(): void {
    for (const kind of DIAGNOSED_RESOURCES) for (const key of this.store.table(kind).keys()) this.dirty.add(idOf(kind, key));
    // Objects that are gone still hold findings until they are examined once more.
    for (const id of this.findings.keys()) this.dirty.add(id);
    for (const name of this.store.provisionerNames()) this.dirtyProvisioners.add(name);
    for (const name of this.provisioners.keys()) this.dirtyProvisioners.add(name);
  }

  /**
   * Marks the objects whose findings can change with time alone: claims not bound (or deleting, or resizing)
   * turn from "waiting" to "slow", init containers from running to stuck, and events age out of "recent".
   * Healthy objects are skipped, so the cost follows the number of unhealthy objects.
   */
  markTimeSensitive(): void {
    // What may change with time is the rules' knowledge, declared beside them (CHANGES_WITH_TIME).
    for (const kind of Object.keys(CHANGES_WITH_TIME) as DiagnosedKind[]) {
      const changes = CHANGES_WITH_TIME[kind] as false | ((view: ClusterView, object: KubeObject) => boolean);
      if (!changes) continue;
      for (const object of this.store.list(kind)) if (changes(this.store, object)) this.dirty.add(idOf(kind, objectKey(object)));
    }
  }

  get pending(): boolean {
    return this.dirty.size > 0 || this.dirtyProvisioners.size > 0;
  }

  /**
   * Recomputes what is dirty. `rows` hears about objects whose badge changed and provisioners whose row
   * changed, so their table rows are rebuilt.
   */
  flush(rows: DirtySink): void {
    if (!this.pending) return;
    this.flushProvisioners(rows);
    if (this.dirty.size === 0) return;
    if (this.dirty.size > this.bulkLimit || this.costlyDirty() > this.bulkLimit / 10) this.recomputeAll(rows);
    else {
      const ids = [...this.dirty];
      this.dirty.clear();
      // One session for the batch: the store does not change while it is diagnosed.
      const session = startDiagnosis(this.store);
      for (const id of ids) this.recompute(id, rows, session);
    }
    this.sorted = undefined;
    this.version += 1;
  }

  /**
   * Recomputes dirty objects for about `budgetMs` (ms) and stops; returns true when nothing is left dirty.
   * Slices share one diagnosis session (its per-provisioner work, which makes diagnoseAll cheap) while the store's
   * `revision` is unchanged; a change in between starts a new session, and the change itself marked what it
   * reached dirty again. The findings are the same as flush's: diagnoseAll is the union of per-object diagnoses.
   */
  flushSlice(rows: DirtySink, budgetMs: number, revision: number): boolean {
    const start = performance.now();
    this.flushProvisioners(rows);
    if (this.dirty.size === 0) {
      this.slicing = undefined;
      return true;
    }
    if (this.slicing?.revision !== revision) this.slicing = { session: startDiagnosis(this.store), revision };
    const { session } = this.slicing;
    let done = 0;
    for (const id of this.dirty) {
      // Deleting the entry being visited is safe in a Set's iteration.
      this.dirty.delete(id);
      this.recompute(id, rows, session);
      done += 1;
      if (done % 16 === 0 && performance.now() - start >= budgetMs) break;
    }
    this.sorted = undefined;
    this.version += 1;
    if (this.dirty.size > 0) return false;
    this.slicing = undefined;
    return true;
  }

  /**
   * Re-assesses every provisioner now (their health depends on time: a lease that stops being renewed). Objects a
   * changed verdict reaches are only marked dirty: the next flush or slice diagnoses them.
   */
  refreshProvisioners(rows: DirtySink): void {
    for (const name of this.store.provisionerNames()) this.dirtyProvisioners.add(name);
    this.flushProvisioners(rows);
  }

  private flushProvisioners(rows: DirtySink): void {
    if (this.dirtyProvisioners.size === 0) return;
    const names = [...this.dirtyProvisioners];
    this.dirtyProvisioners.clear();
    const existing = new Set(this.store.provisionerNames());
    for (const name of names) {
      const before = this.provisioners.get(name);
      if (!existing.has(name)) {
        if (before) {
          this.provisioners.delete(name);
          rows.provisioner(name);
        }
        continue;
      }
      const after = safely(() => provisionerHealth(this.store, name), undefined);
      if (!after) continue;
      this.provisioners.set(name, after);
      rows.provisioner(name);
      // A verdict change reaches the classes and the claims that wait for this provisioner.
      if (before?.verdict !== after.verdict) this.markProvisionerDependents(name);
    }
    this.version += 1;
  }

  /** A verdict change reaches what the rules that read provisioner health declared (change-reach.ts). */
  private markProvisionerDependents(name: string): void {
    markProvisionerDependents(this.store, name, { object: (kind, key) => this.dirty.add(idOf(kind, key)), provisioner: () => undefined });
  }

  /** Dirty claims that are not bound: each costs a provisioner assessment when diagnosed on its own. */
  private costlyDirty(): number {
    let n = 0;
    const claims = this.store.table('persistentvolumeclaims');
    for (const id of this.dirty) {
      if (!id.startsWith('persistentvolumeclaims|')) continue;
      const claim = claims.get(splitId(id).key);
      if (claim && claim.status?.phase !== 'Bound') n += 1;
    }
    return n;
  }

  /** Every object at once, with one shared diagnosis run. */
  private recomputeAll(rows: DirtySink): void {
    const all = safely(() => diagnoseAll(this.store), undefined);
    if (!all) {
      // One malformed object broke the shared run: examine objects one by one, so only that one goes without findings.
      const ids = [...this.dirty];
      this.dirty.clear();
      for (const id of ids) this.recompute(id, rows);
      return;
    }
    this.dirty.clear();
    const next = new Map<string, Finding[]>();
    for (const f of all) {
      const kind = f.object.kind;
      const id = idOf(kind, DESCRIPTOR_OF_RESOURCE[kind].namespaced ? nsKey(f.object.namespace ?? '', f.object.name) : f.object.name);
      const list = next.get(id);
      if (list) list.push(f);
      else next.set(id, [f]);
    }
    const ids = new Set([...this.findings.keys(), ...next.keys()]);
    this.findings.clear();
    for (const [id, list] of next) this.findings.set(id, list);
    for (const id of ids) {
      const before = this.badges.get(id);
      const badge = badgeOf(next.get(id) ?? []);
      if (badge) this.badges.set(id, badge);
      else this.badges.delete(id);
      if (!sameBadge(before, badge)) {
        const { kind, key } = splitId(id);
        rows.object(kind, key);
      }
    }
  }

  private recompute(id: string, rows: DirtySink, session?: DiagnoseSession): void {
    const { kind, key } = splitId(id);
    const obj = this.store.table(kind).get(key);
    const before = this.badges.get(id);
    if (!obj) {
      this.findings.delete(id);
      this.badges.delete(id);
    } else {
      const ref: ObjectRef = { kind, name: obj.metadata?.name ?? '' };
      if (DESCRIPTOR_OF_RESOURCE[kind].namespaced && obj.metadata?.namespace) ref.namespace = obj.metadata.namespace;
      if (obj.metadata?.uid) ref.uid = obj.metadata.uid;
      const list = safely(() => diagnoseObject(this.store, ref, session), []);
      if (list.length > 0) this.findings.set(id, list);
      else this.findings.delete(id);
      const badge = badgeOf(list);
      if (badge) this.badges.set(id, badge);
      else this.badges.delete(id);
    }
    if (!sameBadge(before, this.badges.get(id))) rows.object(kind, key);
  }

  /** Findings of one object, most severe first (computes them now if dirty). */
  of(kind: Resource, key: string): Finding[] {
    const id = idOf(kind, key);
    if (this.dirty.has(id)) {
      this.dirty.delete(id);
      this.recompute(id, { object: () => {}, provisioner: () => {} });
      this.sorted = undefined;
    }
    return this.findings.get(id) ?? [];
  }

  badge(kind: Resource, key: string): FindingBadge | undefined {
    return this.badges.get(idOf(kind, key));
  }

  provisioner(name: string): ProvisionerRow | undefined {
    return this.provisioners.get(name);
  }

  provisionerRows(): ProvisionerRow[] {
    return [...this.provisioners.values()];
  }

  /** Every finding, most severe first, then by namespace, name and code. Call flush first. */
  all(): readonly Finding[] {
    if (!this.sorted) {
      const out: Finding[] = [];
      for (const list of this.findings.values()) out.push(...list);
      this.sorted = out.sort(compareFindings);
    }
    return this.sorted;
  }
}

/** Most severe first, then namespace, name, kind and code: the order of listFindings and the overview. */
export function compareFindings(a: Finding, b: Finding): number {
  const rank = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  if (rank !== 0) return rank;
  return (
    cmp(a.object.namespace ?? '', b.object.namespace ?? '') ||
    cmp(a.object.name, b.object.name) ||
    cmp(a.object.kind, b.object.kind) ||
    cmp(a.code, b.code) ||
    cmp(a.id, b.id)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rules read untrusted data (snapshot files): a rule that throws on one object must not take the store down. */
function safely<T, F>(run: () => T, fallback: F): T | F {
  try {
    return run();
  } catch {
    return fallback;
  }
}

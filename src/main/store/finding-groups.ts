/**
 * Findings grouped by cause over every finding of a cluster (not a top slice): one line per code, severity and
 * subject, with the number of objects and the first few of them. Also the set of objects a group stands for, so
 * a table can be filtered to exactly them (ListRequest.finding).
 *
 * The subject is read from the evidence the rules already give (src/shared/diagnose): a provisioner named by a
 * "Provisioner" evidence line or a provisioner health line, otherwise a StorageClass the evidence points at.
 * Codes whose evidence names neither (a lost claim, an emptyDir) group by code and severity alone.
 */
import { FINDING_CODES, isFindingCode } from '../../shared/diagnose/catalog';
import { DESCRIPTOR_OF_RESOURCE } from '../../shared/kube/resource-registry';
import { findingGroupId, GROUP_MEMBER_LIMIT, type FindingFilter, type FindingGroup, type FindingSubject } from '../../shared/model/finding-groups';
import { SEVERITY_ORDER, type Finding } from '../../shared/model/findings';
import { refKey, sameRef } from '../../shared/model/refs';
import { idOf } from './object-keys';

/**
 * Evidence sources that name a provisioner: the class's provisioner field with the class linked (value = its name;
 * a class's own health rows link no class, so a class finding has no provisioner subject) and "provisioner <name>".
 */
const PROVISIONER_SOURCE = /^provisioner (.+)$/;

/** The provisioner or class a finding's cause is about, when its evidence names one. */
export function findingSubject(f: Finding): FindingSubject | undefined {
  for (const e of f.evidence) {
    if ((e.source === 'provisioner' || e.source === 'StorageClass.provisioner') && e.value && e.ref?.kind === 'storageclasses') return { type: 'provisioner', name: e.value };
    const named = e.source ? PROVISIONER_SOURCE.exec(e.source) : null;
    if (named?.[1]) return { type: 'provisioner', name: named[1] };
  }
  for (const e of f.evidence) {
    if (e.ref?.kind === 'storageclasses' && !sameRef(e.ref, f.object)) return { type: 'class', name: e.ref.name };
  }
  return undefined;
}

function sameSubject(a: FindingSubject | undefined, b: FindingSubject | undefined): boolean {
  return a?.type === b?.type && a?.name === b?.name;
}

/** Whether a finding belongs to the group a filter selects (severity and subject only when the filter gives them). */
export function matchesFinding(f: Finding, filter: FindingFilter): boolean {
  if (f.code !== filter.code) return false;
  if (filter.severity !== undefined && f.severity !== filter.severity) return false;
  if (filter.subject !== undefined && !sameSubject(findingSubject(f), filter.subject)) return false;
  return true;
}

/** The store id ("kind|key") of the object a finding is about. */
export function findingObjectId(f: Finding): string {
  const ref = f.object;
  return idOf(ref.kind, DESCRIPTOR_OF_RESOURCE[ref.kind].namespaced ? refKey(ref) : ref.name);
}

/** Ids ("kind|key") of the objects that have a finding of the filter's group. */
export function objectsWithFinding(findings: readonly Finding[], filter: FindingFilter): Set<string> {
  const out = new Set<string>();
  for (const f of findings) if (matchesFinding(f, filter)) out.add(findingObjectId(f));
  return out;
}

function catalogOf(code: string): { title: FindingGroup['title']; lesson: string } {
  if (isFindingCode(code)) return { title: FINDING_CODES[code].title, lesson: FINDING_CODES[code].lesson };
  return { title: { en: code, ru: code }, lesson: '' };
}

/**
 * Every finding grouped by severity, code and subject. Groups come most severe first, then largest first, then by
 * code and subject name; members keep the order of `sorted` (most severe, then namespace and name). Counts are of
 * objects, not findings: a pod with two emptyDir volumes counts once.
 *
 * @param sorted every finding of the cluster, as FindingsCache.all() gives them.
 */
export function groupFindings(sorted: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup & { seen: Set<string> }>();
  for (const f of sorted) {
    const subject = findingSubject(f);
    const id = findingGroupId({ code: f.code, severity: f.severity, ...(subject ? { subject } : {}) });
    let group = groups.get(id);
    if (!group) {
      group = { id, code: f.code, severity: f.severity, kind: f.object.kind, ...catalogOf(f.code), count: 0, members: [], seen: new Set() };
      if (subject) group.subject = subject;
      groups.set(id, group);
    }
    const objectId = findingObjectId(f);
    if (group.seen.has(objectId)) continue;
    group.seen.add(objectId);
    group.count += 1;
    if (group.members.length < GROUP_MEMBER_LIMIT) group.members.push({ object: f.object, cause: f.cause, findingId: f.id });
  }
  const rank = (g: FindingGroup) => SEVERITY_ORDER.indexOf(g.severity);
  return [...groups.values()]
    .map(({ seen: _seen, ...group }) => group)
    .sort((a, b) => rank(a) - rank(b) || b.count - a.count || cmp(a.code, b.code) || cmp(a.subject?.name ?? '', b.subject?.name ?? ''));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

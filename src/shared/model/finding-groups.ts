/**
 * Findings grouped by cause, for the overview: 302 claims waiting for one provisioner are one line ("A volume is
 * being provisioned, provisioner X: 302 claims"), not 302. A group is keyed by finding code, severity and the
 * shared thing the cause names (its subject: a provisioner or a StorageClass), and a table can be filtered to
 * exactly the objects of one group (ListRequest.finding).
 */
import type { Resource } from '../kube/resource-registry';
import type { Localized, Severity } from './findings';
import type { ObjectRef } from './refs';

/** What many findings of one code can have in common: the provisioner or the class their cause names. */
export interface FindingSubject {
  type: 'provisioner' | 'class';
  name: string;
}

/** Selects the findings of one group: this code, and when given, this severity and subject. */
export interface FindingFilter {
  code: string;
  severity?: Severity;
  subject?: FindingSubject;
}

/** One object of a group, with its own one-line cause (it may name durations or volumes of its own). */
export interface FindingGroupMember {
  object: ObjectRef;
  cause: Localized;
  findingId: string;
}

export interface FindingGroup {
  /** Stable id: severity, code and subject (see findingGroupId). */
  id: string;
  code: string;
  severity: Severity;
  subject?: FindingSubject;
  /** The kind of the objects (one code is always about one kind). */
  kind: Resource;
  /** Title of the code from the catalog, in every UI language. */
  title: Localized;
  /** Lesson section anchor of the code. */
  lesson: string;
  /** How many objects have a finding of this group. */
  count: number;
  /** The first objects (most severe first, then by namespace and name); at most GROUP_MEMBER_LIMIT. */
  members: FindingGroupMember[];
}

/** How many members a group carries to the UI; the rest are one click away in the filtered table. */
export const GROUP_MEMBER_LIMIT = 25;

/** The id of the group a filter selects: "severity|code|type:name". */
export function findingGroupId(filter: FindingFilter): string {
  const subject = filter.subject ? `${filter.subject.type}:${filter.subject.name}` : '';
  return `${filter.severity ?? ''}|${filter.code}|${subject}`;
}

/** A group's filter, as a list request or a URL carries it. */
export function groupFilter(group: Pick<FindingGroup, 'code' | 'severity' | 'subject'>): FindingFilter {
  const filter: FindingFilter = { code: group.code, severity: group.severity };
  if (group.subject) filter.subject = { ...group.subject };
  return filter;
}

/**
 * Provisioners table: one row per provisioner some StorageClass names, from the health assessment of the
 * diagnosis rules. Its badge mirrors the verdict, so "problems only" shows dead provisioners too.
 */
import type { FindingBadge } from '../../../shared/model/findings';
import type { ProvisionerRow, ProvisionerVerdict } from '../../../shared/model/rows';
import { badgeColumn, joinText, timeValue, type TableSpec } from './table-spec';
import { plainText } from '../../../shared/verbatim';

const VERDICT_BADGE: Partial<Record<ProvisionerVerdict, FindingBadge>> = {
  dead: { severity: 'problem', count: 1, code: 'class.provisioner-dead' },
  degraded: { severity: 'warning', count: 1, code: 'class.provisioner-degraded' },
  unknown: { severity: 'info', count: 1, code: 'class.provisioner-unknown' },
};

/** Verdicts from worst to best, for sorting. */
const VERDICT_ORDER: readonly ProvisionerVerdict[] = ['dead', 'degraded', 'unknown', 'alive', 'static'];

export function provisionerRow(health: ProvisionerRow): ProvisionerRow {
  const badge = VERDICT_BADGE[health.verdict];
  return badge ? { ...health, badge } : { ...health };
}

export const provisionersTable: TableSpec<ProvisionerRow> = {
  namespace: (r) => r.leaseNamespace,
  namespaced: false,
  text: (r) => joinText([r.name, r.type, r.verdict, r.classes.join(' '), r.leaseHolder, r.leaseNamespace, r.lastEventReason, ...r.reasons.flatMap((reason) => [plainText(reason.en), plainText(reason.ru)])]),
  columns: {
    name: { sort: (r) => r.name },
    type: { sort: (r) => r.type },
    verdict: { sort: (r) => VERDICT_ORDER.indexOf(r.verdict), filter: (r) => r.verdict },
    classes: { sort: (r) => r.classes.length, filter: (r) => r.classes.join(',') },
    registered: { sort: (r) => r.registeredNodes.length, filter: (r) => String(r.registeredNodes.length) },
    lease: { sort: (r) => timeValue(r.leaseRenewedAt), filter: (r) => r.leaseHolder ?? '' },
    pods: { sort: (r) => r.podsReady, filter: (r) => (r.podsTotal === undefined ? '' : `${r.podsReady ?? 0}/${r.podsTotal}`) },
    lastEvent: { sort: (r) => timeValue(r.lastEventAt), filter: (r) => r.lastEventReason ?? '' },
    badge: badgeColumn(),
  },
};

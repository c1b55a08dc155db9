/** Cell decorations shared by several tables: finding badges, phase chips, object links. */
import type { FindingBadge as Badge, Severity } from '../../../shared/model/findings';
import type { ColumnContext } from './column';

const SEVERITY_ICON: Record<Severity, string> = {
  problem: '●',
  warning: '▲',
  'expected-wait': '◔',
  info: 'ℹ',
};

export function badgeText(badge: Badge | undefined, ctx: ColumnContext): string {
  if (!badge) return '';
  const label = ctx.t(`severity.${badge.severity}`);
  return badge.count > 1 ? `${label} ×${badge.count}` : label;
}

export function SeverityChip({ severity, label }: { severity: Severity; label: string }) {
  return (
    <span className={`chip sev-${severity}`} data-testid="severity-chip" data-severity={severity}>
      <span aria-hidden="true">{SEVERITY_ICON[severity]}</span> {label}
    </span>
  );
}

export function BadgeCell({ badge, ctx }: { badge: Badge | undefined; ctx: ColumnContext }) {
  if (!badge) return null;
  return (
    <span title={badge.code}>
      <SeverityChip severity={badge.severity} label={badgeText(badge, ctx)} />
    </span>
  );
}

/** Phases colour-coded: healthy green, waiting amber, broken red. */
const PHASE_TONE: Record<string, string> = {
  Bound: 'ok',
  Available: 'ok',
  Running: 'ok',
  Succeeded: 'ok',
  Pending: 'wait',
  Released: 'wait',
  Terminating: 'wait',
  Lost: 'bad',
  Failed: 'bad',
};

export function phaseTone(phase: string): string {
  if (phase.startsWith('Init:') && /Err|BackOff|Fail/.test(phase)) return 'bad';
  if (/CrashLoopBackOff|Error|ImagePullBackOff|ErrImagePull/.test(phase)) return 'bad';
  if (phase.startsWith('Init:')) return 'wait';
  return PHASE_TONE[phase] ?? 'neutral';
}

export function PhaseChip({ phase }: { phase: string }) {
  if (!phase) return null;
  return <span className={`phase tone-${phaseTone(phase)}`}>{phase}</span>;
}

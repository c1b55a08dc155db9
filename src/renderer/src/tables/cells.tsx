/** Cell decorations shared by several tables: finding badges, phase chips, object links. */
import type { ReactNode } from 'react';
import { FINDING_CODES } from '../../../shared/diagnose/catalog';
import type { FindingBadge as Badge, Lang, Severity } from '../../../shared/model/findings';
import type { ProvisionerVerdict } from '../../../shared/model/rows';
import type { Translate } from '../i18n/i18n';
import type { Column, ColumnContext } from './column';

const SEVERITY_ICON: Record<Severity, string> = {
  problem: '●',
  warning: '▲',
  'expected-wait': '◔',
  info: 'ℹ',
};

export function badgeText(badge: Badge | undefined, ctx: ColumnContext): string {
  if (!badge) return '';
  const label = ctx.t(`severity.${badge.severity}`);
  return badge.count > 1 ? ctx.t('severity.count', { severity: label, n: badge.count }) : label;
}

/**
 * What a findings chip draws, for measuring: its icon, a space for the gap and its text (the chip's 12 px of padding
 * is BADGE_DECORATION). The ◔ of an expected wait is wider than the ℹ of info, so the icon is measured too.
 */
export function badgeShown(badge: Badge | undefined, ctx: ColumnContext): string {
  return badge ? `${SEVERITY_ICON[badge.severity]} ${badgeText(badge, ctx)}` : '';
}

/** A findings chip's padding (6 px a side, controls.css .chip), px. */
export const BADGE_DECORATION = 12;

/** What a finding code means, in the UI language (the code itself for a code this build does not know). */
export function findingTitle(code: string, lang: Lang): string {
  return (FINDING_CODES as Record<string, { title: Record<Lang, string> } | undefined>)[code]?.title[lang] ?? code;
}

/**
 * A severity chip: icon, label, and optionally a count. In a narrow column the label is cut with an ellipsis; the
 * icon and the count are never cut, so the chip is never an empty coloured shape (its title has the whole text).
 */
export function SeverityChip({ severity, label, count, about }: { severity: Severity; label: string; count?: number; about?: string }) {
  const whole = count !== undefined && count > 1 ? `${label} ×${count}` : label;
  return (
    <span className={`chip sev-${severity}`} data-testid="severity-chip" data-severity={severity} title={about ? `${whole}: ${about}` : whole}>
      <span className="chip-icon" aria-hidden="true">
        {SEVERITY_ICON[severity]}
      </span>
      <span className="chip-label">{label}</span>
      {count !== undefined && count > 1 && <span className="chip-count">×{count}</span>}
    </span>
  );
}

export function BadgeCell({ badge, ctx }: { badge: Badge | undefined; ctx: ColumnContext }) {
  if (!badge) return null;
  // The tooltip says what the most severe finding is, in words (its code means nothing to a reader).
  return <SeverityChip severity={badge.severity} label={ctx.t(`severity.${badge.severity}`)} count={badge.count} about={findingTitle(badge.code, ctx.lang)} />;
}

/**
 * The Findings column every diagnosed table ends with: its most severe finding as a chip that is never cut
 * (keepWhole: a cut "Предупре…" says nothing), measured in the chip's font with its icon and padding.
 */
export function findingsColumn<R extends { badge?: Badge }>(): Column<R> {
  return {
    id: 'badge',
    label: 'col.findings',
    width: 96,
    essential: true,
    floor: 56,
    keepWhole: true,
    chip: true,
    uiText: true,
    value: (r, ctx) => badgeText(r.badge, ctx),
    shown: (r, ctx) => badgeShown(r.badge, ctx),
    decoration: BADGE_DECORATION,
    render: (r, ctx) => <BadgeCell badge={r.badge} ctx={ctx} />,
  };
}

/** A provisioner's health as a chip; it never shrinks (a cut verdict chip would be an empty colour). */
export function VerdictChip({ verdict, t }: { verdict: ProvisionerVerdict; t: Translate }) {
  return (
    <span className={`verdict v-${verdict}`} data-testid="verdict-chip" data-verdict={verdict} title={verdict === 'static' ? t('verdict.staticAbout') : undefined}>
      {t(`verdict.${verdict}`)}
    </span>
  );
}

/** A chip followed by cluster text: the text is cut first, the chip stays whole. */
export function ChipThenText({ chip, text }: { chip: ReactNode; text: string }) {
  return (
    <span className="chip-then-text">
      {chip}
      <span className="truncate" translate="no">
        {text}
      </span>
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
  return (
    <span className={`phase tone-${phaseTone(phase)}`} translate="no">
      {phase}
    </span>
  );
}

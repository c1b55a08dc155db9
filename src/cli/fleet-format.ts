/**
 * Text of `kse doctor --all-contexts` / `--contexts A,B`: one section per context (the single-context doctor's
 * text, or why the context could not be checked and what to do), then a summary line per context. Pure.
 * Exit code for a pipeline: 2 when any context could not be checked, else 1 when any has a problem, else 0.
 */
import { doctorExitCode, formatDoctor } from '../shared/doctor-format';
import { DESCRIPTOR_OF_RESOURCE } from '../shared/kube/resource-registry';
import type { UnreadKind } from '../shared/report/report-model';
import { type Finding, type Lang, type Severity } from '../shared/model/findings';
import type { ProvisionerRow } from '../shared/model/rows';
import { UNREAD_STATE_WORDS } from '../shared/report/report-words';
import { sanitizeForTerminal } from '../shared/terminal-text';
import { formatTable } from './format';

export { unreadKindsOf } from '../shared/report/report-model';

/** One context's outcome, the same in the text and in --json. */
export interface ContextCheck {
  context: string;
  /**
   * checked: synced and diagnosed. unreachable: did not sync within its time limit (or its connection failed).
   * unusable: no such context, or its kubeconfig entry cannot be used.
   */
  state: 'checked' | 'unreachable' | 'unusable';
  /** Seconds the check took, to a tenth. */
  seconds: number;
  serverVersion?: string;
  /** Kinds that could not be read (no permission, an error): the findings could not look at them. */
  unreadKinds?: UnreadKind[];
  findings?: Finding[];
  provisioners?: ProvisionerRow[];
  /** What went wrong (unreachable, unusable). */
  error?: string;
  /** What to do about it. */
  todo?: string;
}

export function fleetExitCode(checks: readonly ContextCheck[]): number {
  if (checks.some((c) => c.state !== 'checked')) return 2;
  return checks.some((c) => doctorExitCode(c.findings ?? []) === 1) ? 1 : 0;
}

const WORDS = {
  context: { en: 'Context', ru: 'Контекст' },
  notChecked: { en: 'Could not be checked', ru: 'Проверить не удалось' },
  todo: { en: 'What to do', ru: 'Что сделать' },
  unread: { en: 'Could not read', ru: 'Не удалось прочитать' },
  summary: { en: 'Summary', ru: 'Итог' },
  server: { en: 'server', ru: 'сервер' },
} satisfies Record<string, Record<Lang, string>>;

const STATES: Record<ContextCheck['state'], Record<Lang, string>> = {
  checked: { en: 'checked', ru: 'проверен' },
  unreachable: { en: 'unreachable', ru: 'недоступен' },
  unusable: { en: 'unusable', ru: 'непригоден' },
};
const COLUMNS: Record<Lang, string[]> = {
  en: ['CONTEXT', 'STATE', 'PROBLEMS', 'WARNINGS', 'SECONDS'],
  ru: ['КОНТЕКСТ', 'СОСТОЯНИЕ', 'ПРОБЛЕМЫ', 'ПРЕДУПРЕЖДЕНИЯ', 'СЕКУНДЫ'],
};

const count = (findings: readonly Finding[] | undefined, severity: Severity): number => (findings ?? []).filter((f) => f.severity === severity).length;

export function formatFleet(checks: readonly ContextCheck[], options: { lang: Lang; color?: boolean }): string {
  const { lang } = options;
  const s = sanitizeForTerminal;
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[0m` : text);
  const red = (text: string) => (options.color ? `\u001b[31m${text}\u001b[0m` : text);
  const sections = checks.map((check) => {
    const head = bold(`══ ${WORDS.context[lang]} ${s(check.context)}: ${STATES[check.state][lang]}${check.serverVersion ? ` (${WORDS.server[lang]} ${s(check.serverVersion)})` : ''} ══`);
    if (check.state !== 'checked') {
      return [head, red(`${WORDS.notChecked[lang]}: ${(check.error ?? '').split('\n').map(s).join('\n  ')}`), `${WORDS.todo[lang]}: ${s(check.todo ?? '')}`, ''].join('\n');
    }
    const unread = (check.unreadKinds ?? []).map((k) => `${DESCRIPTOR_OF_RESOURCE[k.kind].label} (${UNREAD_STATE_WORDS[k.state]?.[lang] ?? k.state})`);
    const lines = [head];
    if (unread.length > 0) lines.push(`${WORDS.unread[lang]}: ${unread.join(', ')}`);
    // The cluster's name is the section's: the doctor text below starts at its counts.
    lines.push(formatDoctor({ findings: check.findings ?? [], provisioners: check.provisioners ?? [] }, { lang, ...(options.color ? { color: true } : {}) }));
    return lines.join('\n');
  });
  const rows = checks.map((c) => [
    c.context,
    STATES[c.state][lang],
    c.state === 'checked' ? String(count(c.findings, 'problem')) : '—',
    c.state === 'checked' ? String(count(c.findings, 'warning')) : '—',
    c.seconds.toFixed(1),
  ]);
  return `${sections.join('\n')}\n${bold(WORDS.summary[lang].toUpperCase())}\n${formatTable(COLUMNS[lang], rows)}`;
}



/**
 * Plain-text report of findings for `kse doctor`: problems first, each with its cause, evidence, fix steps
 * (copyable commands) and lesson, in English or Russian. Pure: the CLI decides where the text goes.
 * Everything that came from the cluster is made safe for a terminal first (no escape sequences, no bidi tricks).
 */
import { DESCRIPTOR_OF_RESOURCE } from './kube/resource-registry';
import type { Finding, Lang, Severity } from './model/findings';
import { SEVERITY_ORDER } from './model/findings';
import { refKey } from './model/refs';
import { plainText } from './verbatim';
import type { ProvisionerRow } from './model/rows';
import { sanitizeForTerminal } from './terminal-text';

export interface DoctorReport {
  /** Name of the cluster (context) the findings are about. */
  cluster?: string;
  findings: Finding[];
  /** Provisioner verdicts, one per provisioner named by a class. */
  provisioners?: ProvisionerRow[];
}

export interface DoctorFormatOptions {
  lang: Lang;
  /** ANSI colours (only when writing to a terminal). */
  color?: boolean;
  /** Least severe findings to print in full; fewer severe ones are only counted. Default: expected-wait. */
  minSeverity?: Severity;
}

/** Severity headings (also the report files', src/shared/report). */
export const HEADINGS: Record<Severity, Record<Lang, string>> = {
  problem: { en: 'Problems', ru: 'Проблемы' },
  warning: { en: 'Warnings', ru: 'Предупреждения' },
  'expected-wait': { en: 'Expected waits', ru: 'Ожидание по плану' },
  info: { en: 'Info', ru: 'Для сведения' },
};
const MARKS: Record<Severity, string> = { problem: '✗', warning: '!', 'expected-wait': '…', info: 'i' };
const COLORS: Record<Severity, string> = { problem: '31', warning: '33', 'expected-wait': '36', info: '2' };
/** Words of the doctor's text (also the report files'). */
export const WORDS = {
  evidence: { en: 'Evidence', ru: 'Факты' },
  fix: { en: 'Fix', ru: 'Что сделать' },
  lesson: { en: 'Lesson', ru: 'Урок' },
  event: { en: 'event', ru: 'событие' },
  provisioners: { en: 'Provisioners', ru: 'Провизионеры' },
  classes: { en: 'classes', ru: 'классы' },
  none: { en: 'No findings.', ru: 'Замечаний нет.' },
  hidden: { en: 'findings of lower severity not shown', ru: 'не показано замечаний меньшей важности' },
  cluster: { en: 'Cluster', ru: 'Кластер' },
} satisfies Record<string, Record<Lang, string>>;
// "label: n" rather than "n labels": no plural forms to get wrong in Russian.
export const COUNT_WORDS: Record<Severity, Record<Lang, string>> = {
  problem: { en: 'problems', ru: 'проблемы' },
  warning: { en: 'warnings', ru: 'предупреждения' },
  'expected-wait': { en: 'expected waits', ru: 'ожидание по плану' },
  info: { en: 'info', ru: 'для сведения' },
};
/** Provisioner verdicts in words. */
export const VERDICTS: Record<string, Record<Lang, string>> = {
  alive: { en: 'alive', ru: 'работает' },
  degraded: { en: 'degraded', ru: 'с перебоями' },
  dead: { en: 'dead', ru: 'не работает' },
  unknown: { en: 'unknown', ru: 'неизвестно' },
  static: { en: 'static volumes, no provisioner', ru: 'статические тома, провизионера нет' },
};
const VERDICT_SEVERITY: Record<string, Severity> = { alive: 'info', degraded: 'warning', dead: 'problem', unknown: 'expected-wait', static: 'info' };

/** 1 when any finding is a problem (CI fails), else 0. */
export function doctorExitCode(findings: readonly Finding[]): number {
  return findings.some((f) => f.severity === 'problem') ? 1 : 0;
}

export function formatDoctor(report: DoctorReport, options: DoctorFormatOptions): string {
  const { lang } = options;
  const paint = (sev: Severity, text: string) => (options.color ? `\u001b[${COLORS[sev]}m${text}\u001b[0m` : text);
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[0m` : text);
  const s = sanitizeForTerminal;
  const shownUpTo = SEVERITY_ORDER.indexOf(options.minSeverity ?? 'expected-wait');
  const lines: string[] = [];

  if (report.cluster) lines.push(`${WORDS.cluster[lang]}: ${s(report.cluster)}`);
  const counts = SEVERITY_ORDER.map((sev) => [sev, report.findings.filter((f) => f.severity === sev).length] as const);
  lines.push(counts.map(([sev, n]) => paint(sev, `${COUNT_WORDS[sev][lang]}: ${n}`)).join(', '));
  if (report.findings.length === 0) lines.push('', WORDS.none[lang]);

  let hidden = 0;
  for (const [index, sev] of SEVERITY_ORDER.entries()) {
    const group = report.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    if (index > shownUpTo) {
      hidden += group.length;
      continue;
    }
    lines.push('', bold(paint(sev, HEADINGS[sev][lang].toUpperCase())));
    for (const f of group) lines.push(...formatFinding(f, lang, paint));
  }
  if (hidden > 0) lines.push('', `(${WORDS.hidden[lang]}: ${hidden})`);

  if (report.provisioners && report.provisioners.length > 0) {
    lines.push('', bold(WORDS.provisioners[lang].toUpperCase()));
    for (const p of report.provisioners) {
      const verdict = VERDICTS[p.verdict]?.[lang] ?? p.verdict;
      lines.push(`${paint(VERDICT_SEVERITY[p.verdict] ?? 'info', `${MARKS[VERDICT_SEVERITY[p.verdict] ?? 'info']} ${verdict}`)}  ${s(p.name)}  (${p.type}; ${WORDS.classes[lang]}: ${p.classes.map(s).join(', ') || '—'})`);
      for (const reason of p.reasons) lines.push(`    - ${s(plainText(reason[lang]))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatFinding(f: Finding, lang: Lang, paint: (sev: Severity, text: string) => string): string[] {
  const s = sanitizeForTerminal;
  const object = `${DESCRIPTOR_OF_RESOURCE[f.object.kind]?.kind ?? f.object.kind} ${refKey(f.object)}`;
  // Localized texts carry isolate marks around cluster values (see verbatim.ts): printed as plain text.
  const l = (text: string) => s(plainText(text));
  const out = [`${paint(f.severity, MARKS[f.severity])} ${s(object)}  [${f.code}]`, `  ${l(f.cause[lang])}`];
  if (f.evidence.length > 0) {
    out.push(`  ${WORDS.evidence[lang]}:`);
    for (const e of f.evidence) {
      const value = [e.value ? s(e.value) : '', e.note ? l(e.note[lang]) : ''].filter(Boolean).join(' ');
      const where = e.source ? s(e.source) : e.event ? `${WORDS.event[lang]} ${s(e.event)}` : '';
      out.push(`    - ${l(e.label[lang])}${value ? `: ${value}` : ''}${where ? `  (${where})` : ''}`);
      for (const fact of e.facts ?? []) out.push(`        ${l(fact.label[lang])}: ${[fact.value ? s(fact.value) : '', fact.note ? l(fact.note[lang]) : ''].filter(Boolean).join(' ')}`);
    }
  }
  if (f.fix.length > 0) {
    out.push(`  ${WORDS.fix[lang]}:`);
    f.fix.forEach((step, i) => {
      out.push(`    ${i + 1}. ${l(step.text[lang])}`);
      // A here-document's lines (a manifest) go out as they are, from the first column: indented, its closing
      // delimiter would not end it in the shell that the user pastes into.
      if (step.command) step.command.split('\n').forEach((line, n) => out.push(n === 0 ? `       $ ${s(line)}` : s(line)));
    });
  }
  out.push(`  ${WORDS.lesson[lang]}: ${f.lesson}`);
  return out;
}

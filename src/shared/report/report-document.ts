/**
 * A report as a Markdown syntax tree (mdast), in one language: the one document that render-markdown.ts and
 * render-html.ts serialise. Building a tree instead of concatenating text leaves every escape to the
 * serialisers (mdast-util-to-markdown, hast-util-to-html), which know their languages' rules; cluster values
 * only ever enter the tree as text or inline code, never as Markdown or HTML. Values are made visible first
 * (control, bidirectional and invisible characters as \uXXXX, as in the terminal: terminal-text.ts), so a name
 * cannot end a line, reorder a sentence or hide a difference in the file either.
 */
import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { COUNT_WORDS, HEADINGS, VERDICTS, WORDS } from '../doctor-format';
import { DESCRIPTOR_OF_RESOURCE } from '../kube/resource-registry';
import { SEVERITY_ORDER, type Finding, type Lang, type Severity } from '../model/findings';
import { refKey } from '../model/refs';
import { sanitizeForTerminal } from '../terminal-text';
import { plainText } from '../verbatim';
import type { ClusterReport, ReportLesson } from './report-model';
import { REPORT_WORDS, UNREAD_STATE_WORDS } from './report-words';

const MARKS: Record<Severity, string> = { problem: '✗', warning: '!', 'expected-wait': '…', info: 'i' };

/** A cluster value (or a text holding some) as a reader should see it: no isolate marks, nothing invisible. */
export function visible(text: string): string {
  return sanitizeForTerminal(plainText(text));
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value: visible(value) });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const list = (items: BlockContent[][], ordered = false): List => ({
  type: 'list',
  ordered,
  spread: false,
  children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children })),
});
/** A heading; `id` and `className` reach the HTML (mdast-util-to-hast reads data.hProperties). */
function heading(depth: 1 | 2 | 3 | 4, children: PhrasingContent[], props: { id?: string; className?: string[] } = {}): Heading {
  return { type: 'heading', depth, children, ...(props.id || props.className ? { data: { hProperties: props } } : {}) };
}

export const lessonElementId = (anchor: string): string => `lesson-${anchor.replace(/[^a-z0-9-]/g, '')}`;

/** "1 December 2026 at 01:02:03 UTC", in the report's language; the ISO time too, for exactness. */
export function reportTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (!Number.isFinite(date.getTime())) return iso;
  const words = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' }).format(date);
  return `${words} (${date.toISOString()})`;
}

function scopeOf(report: ClusterReport, lang: Lang): PhrasingContent[] {
  const { object, namespace } = report.scope;
  if (object) return [text(`${REPORT_WORDS.object[lang]} `), code(`${DESCRIPTOR_OF_RESOURCE[object.kind]?.kind ?? object.kind} ${refKey(object)}`)];
  if (namespace) return [text(`${REPORT_WORDS.namespace[lang]} `), code(namespace)];
  return [text(REPORT_WORDS.wholeCluster[lang])];
}

function header(report: ClusterReport, lang: Lang): RootContent[] {
  const facts: PhrasingContent[][] = [
    [strong(`${WORDS.cluster[lang]}:`), text(' '), code(report.cluster)],
    [strong(`${REPORT_WORDS.scope[lang]}:`), text(' '), ...scopeOf(report, lang)],
    [strong(`${REPORT_WORDS.serverVersion[lang]}:`), text(' '), report.serverVersion ? code(report.serverVersion) : text(REPORT_WORDS.unknown[lang])],
    [strong(`${REPORT_WORDS.time[lang]}:`), text(` ${reportTime(report.capturedAt, lang)}`)],
    [strong(`${REPORT_WORDS.madeBy[lang]}:`), text(` Kube Storage Explorer ${visible(report.appVersion)}`)],
  ];
  return [
    heading(1, [text(`${REPORT_WORDS.title[lang]}: `), code(report.cluster)]),
    list(facts.map((children) => [paragraph(...children)])),
    paragraph(text(`${REPORT_WORDS.redaction[lang]} ${report.redactedValues}.`)),
  ];
}

function unread(report: ClusterReport, lang: Lang): RootContent[] {
  if (report.unreadKinds.length === 0) return [paragraph(text(REPORT_WORDS.allRead[lang]))];
  return [
    heading(2, [text(REPORT_WORDS.unread[lang])], { className: ['sev-warning'] }),
    paragraph(text(REPORT_WORDS.unreadNote[lang])),
    list(
      report.unreadKinds.map((k) => [
        paragraph(
          strong(DESCRIPTOR_OF_RESOURCE[k.kind]?.label ?? k.kind),
          text(`: ${UNREAD_STATE_WORDS[k.state]?.[lang] ?? k.state}`),
          ...(k.message ? [text(` (${visible(k.message)})`)] : []),
        ),
      ]),
    ),
  ];
}

function finding(f: Finding, lang: Lang, lessons: ReadonlyMap<string, ReportLesson>): RootContent[] {
  const l = (t: Record<Lang, string>) => visible(t[lang]);
  const out: RootContent[] = [
    heading(3, [text(`${MARKS[f.severity]} ${DESCRIPTOR_OF_RESOURCE[f.object.kind]?.kind ?? f.object.kind} `), code(refKey(f.object))], { className: [`sev-${f.severity}`] }),
    paragraph(text(l(f.cause)), text(' '), { type: 'emphasis', children: [text(`(${REPORT_WORDS.code[lang]} ${f.code})`)] }),
  ];
  if (f.evidence.length > 0) {
    out.push(paragraph(strong(`${WORDS.evidence[lang]}:`)));
    out.push(
      list(
        f.evidence.map((e) => {
          const parts: PhrasingContent[] = [text(l(e.label))];
          if (e.value) parts.push(text(': '), code(e.value));
          if (e.note) parts.push(text(`${e.value ? ' ' : ': '}${l(e.note)}`));
          if (e.source) parts.push(text(` (${REPORT_WORDS.source[lang]} `), code(e.source), text(')'));
          else if (e.event) parts.push(text(` (${WORDS.event[lang]} `), code(e.event), text(')'));
          // The object's fields, one per line under it: label, value, words about an empty one.
          const facts = (e.facts ?? []).map((f) => [paragraph(text(`${l(f.label)}: `), ...(f.value ? [code(f.value)] : []), ...(f.note ? [text(`${f.value ? ' ' : ''}${l(f.note)}`)] : []))]);
          return facts.length > 0 ? [paragraph(...parts), list(facts)] : [paragraph(...parts)];
        }),
      ),
    );
  }
  if (f.fix.length > 0) {
    out.push(paragraph(strong(`${WORDS.fix[lang]}:`)));
    out.push(
      list(
        f.fix.map((step) => [paragraph(text(l(step.text))), ...(step.command ? [{ type: 'code', lang: 'sh', value: step.command.split('\n').map(visible).join('\n') } as const] : [])]),
        true,
      ),
    );
  }
  const lesson = lessons.get(f.lesson);
  out.push(
    paragraph(
      strong(`${WORDS.lesson[lang]}:`),
      text(' '),
      lesson ? { type: 'link', url: `#${lessonElementId(lesson.id)}`, children: [text(visible(lesson.title))] } : code(f.lesson),
    ),
  );
  return out;
}

function provisioners(report: ClusterReport, lang: Lang): RootContent[] {
  if (report.provisioners.length === 0) return [];
  return [
    heading(2, [text(WORDS.provisioners[lang])]),
    list(
      report.provisioners.map((p) => {
        const verdict = VERDICTS[p.verdict]?.[lang] ?? p.verdict;
        const line = paragraph(strong(verdict), text(' '), code(p.name), text(` (${p.type}; ${WORDS.classes[lang]}: ${p.classes.map(visible).join(', ') || '—'})`));
        return p.reasons.length > 0 ? [line, list(p.reasons.map((r) => [paragraph(text(visible(r[lang])))]))] : [line];
      }),
    ),
  ];
}

/** A lesson section: its Markdown (ours) parsed, its headings moved under the report's "Lessons" heading. */
function lessonSection(lesson: ReportLesson): RootContent[] {
  const body = fromMarkdown(lesson.markdown).children;
  for (const node of body) if (node.type === 'heading') node.depth = Math.min(6, node.depth + 3) as Heading['depth'];
  return [heading(3, [text(lesson.title)], { id: lessonElementId(lesson.id) }), ...body];
}

/** The report's document in one language. */
export function reportDocument(report: ClusterReport, lang: Lang): Root {
  const lessons = new Map(report.lessons.map((l) => [l.id, l]));
  const counts = SEVERITY_ORDER.map((sev) => `${COUNT_WORDS[sev][lang]}: ${report.findings.filter((f) => f.severity === sev).length}`).join(', ');
  const children: RootContent[] = [...header(report, lang), ...unread(report, lang), heading(2, [text(REPORT_WORDS.summary[lang])]), paragraph(text(counts))];
  if (report.findings.length === 0) children.push(paragraph(text(WORDS.none[lang])));
  for (const sev of SEVERITY_ORDER) {
    const group = report.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    children.push(heading(2, [text(HEADINGS[sev][lang])], { className: [`sev-${sev}`] }));
    for (const f of group) children.push(...finding(f, lang, lessons));
  }
  children.push(...provisioners(report, lang));
  const linked = report.lessons.filter((l) => report.findings.some((f) => f.lesson === l.id));
  if (linked.length > 0) {
    children.push(heading(2, [text(REPORT_WORDS.lessons[lang])]));
    for (const lesson of linked) children.push(...lessonSection(lesson));
  }
  return { type: 'root', children };
}

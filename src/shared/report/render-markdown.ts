/**
 * A report as a Markdown file. mdast-util-to-markdown (unified's serialiser, the one remark uses) escapes
 * whatever a text could otherwise start (links, HTML, emphasis, lists, headings) and picks code fences longer
 * than any backtick run in a value, so a hostile name stays text; report-markdown.test.ts parses the output
 * back and checks each value returns unchanged.
 */
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Lang } from '../model/findings';
import { reportDocument } from './report-document';
import type { ClusterReport } from './report-model';

export function renderReportMarkdown(report: ClusterReport, lang: Lang): string {
  return toMarkdown(reportDocument(report, lang), { bullet: '-', fences: true, rule: '-', listItemIndent: 'one' });
}

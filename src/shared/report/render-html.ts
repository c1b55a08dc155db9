/**
 * A report as one HTML page to save, mail or print: no script, no external resource (styles inline, a CSP that
 * forbids everything but inline styles), readable offline. The document tree (report-document.ts) is turned into
 * HTML by mdast-util-to-hast and hast-util-to-html (unified's, the pair rehype uses): every text and attribute is
 * escaped by them, and no raw HTML node is ever created, so a cluster value cannot become markup.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import type { Lang } from '../model/findings';
import { reportDocument, visible } from './report-document';
import type { ClusterReport } from './report-model';
import { REPORT_WORDS } from './report-words';

/** Readable on screen (light and dark) and on paper; severity colours also carry a mark, for grey print. */
const STYLE = `
:root { color-scheme: light dark; --fg: #1d1f23; --bg: #ffffff; --muted: #5b6270; --code: #f2f4f7; --line: #d8dce3;
  --problem: #b3261e; --warning: #8a5a00; --wait: #0b6b8a; --info: #5b6270; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8eb; --bg: #16181c; --muted: #a3aab5; --code: #23262c; --line: #363a42;
  --problem: #ff8a80; --warning: #f0c060; --wait: #7fd0ea; --info: #a3aab5; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg);
  max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: var(--code); border-radius: 4px; }
code { padding: .05em .3em; } pre { padding: .6rem .8rem; white-space: pre-wrap; } pre code { padding: 0; background: none; }
.sev-problem { color: var(--problem); } .sev-warning { color: var(--warning); } .sev-expected-wait { color: var(--wait); } .sev-info { color: var(--info); }
a { color: inherit; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2, h3 { break-after: avoid; } pre, li { break-inside: avoid; }
  :root { --fg: #000; --bg: #fff; --code: #f2f2f2; } }
`;

const element = (tagName: string, properties: Element['properties'], children: Element['children']): Element => ({ type: 'element', tagName, properties, children });

export function renderReportHtml(report: ClusterReport, lang: Lang): string {
  const body = toHast(reportDocument(report, lang)) as HastRoot;
  const title = `${REPORT_WORDS.title[lang]}: ${visible(report.cluster)}`;
  const page: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', { lang }, [
        element('head', {}, [
          element('meta', { charSet: 'utf-8' }, []),
          // No script, no fetch, no frame, even if one slipped in: only the inline style below may apply.
          element('meta', { httpEquiv: ['Content-Security-Policy'], content: "default-src 'none'; style-src 'unsafe-inline'; img-src data:" }, []),
          element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }, []),
          element('meta', { name: 'generator', content: `Kube Storage Explorer ${visible(report.appVersion)}` }, []),
          element('title', {}, [{ type: 'text', value: title }]),
          element('style', {}, [{ type: 'text', value: STYLE }]),
        ]),
        element('body', {}, body.children as Element['children']),
      ]),
    ],
  };
  return `${toHtml(page)}\n`;
}

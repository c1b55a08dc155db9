/**
 * YAML highlighting for the details' YAML tab and the lessons' examples. Only the YAML grammar of highlight.js is
 * bundled. highlight.js escapes the source before wrapping tokens in spans, so its output is safe to set as HTML
 * (no script can come through, and the CSP forbids inline scripts anyway).
 */
import hljs from 'highlight.js/lib/core';
import yaml from 'highlight.js/lib/languages/yaml';

hljs.registerLanguage('yaml', yaml);

/** Past this size highlighting costs more than it helps; the text is shown plain. */
const HIGHLIGHT_LIMIT = 200_000;

/** Highlighted HTML of a YAML text (escaped by highlight.js), or undefined when it is too large to bother. */
export function highlightYaml(source: string): string | undefined {
  return source.length <= HIGHLIGHT_LIMIT ? hljs.highlight(source, { language: 'yaml', ignoreIllegals: true }).value : undefined;
}

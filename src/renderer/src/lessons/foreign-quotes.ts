/**
 * A rehype plugin for lessons in a language other than English: an English fragment inside the prose, a quoted
 * cluster message («no persistent volumes available...») or a term given in the original ("(dynamic
 * provisioning)"), is wrapped in <span lang="en" translate="no">. Screen readers then pronounce it as English,
 * browser translators leave it alone, and the Russian text scan of the journeys treats it as the citation it is.
 * A fragment is English when it has Latin letters and no Cyrillic, and stands in «guillemets» or (parentheses).
 */
import type { Element, ElementContent, Root, Text } from 'hast';

const FRAGMENT = /«([^«»]*)»|\(([^()]*)\)/g;
const LATIN = /[A-Za-z]/;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Splits one text into text and marked English fragments (the quote marks and parentheses stay outside). */
export function markForeignFragments(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(FRAGMENT)) {
    const inner = match[1] ?? match[2] ?? '';
    if (!LATIN.test(inner) || CYRILLIC.test(inner)) continue;
    const start = (match.index ?? 0) + 1;
    const end = start + inner.length;
    if (start > last) out.push({ type: 'text', value: value.slice(last, start) });
    out.push({ type: 'element', tagName: 'span', properties: { lang: 'en', translate: 'no' }, children: [{ type: 'text', value: inner }] });
    last = end;
  }
  if (last === 0) return [{ type: 'text', value }];
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

function walk(node: Root | Element): void {
  if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) return;
  const children: (typeof node.children)[number][] = [];
  for (const child of node.children) {
    if (child.type === 'text') children.push(...markForeignFragments((child as Text).value));
    else {
      if (child.type === 'element') walk(child);
      children.push(child);
    }
  }
  node.children = children as typeof node.children;
}

/** The plugin: `rehypePlugins={[rehypeForeignFragments]}`. */
export function rehypeForeignFragments() {
  return (tree: Root) => walk(tree);
}

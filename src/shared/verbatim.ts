/**
 * Values from the cluster inside bilingual texts. A diagnosis text such as "Заявка просит StorageClass
 * «fast-ssd», которого нет" mixes translated words with a name that must stay as it is. The name is wrapped in
 * Unicode isolates (U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE), as Project Fluent does
 * with its placeables: invisible, they also keep a right-to-left name from reordering the sentence around it.
 * The UI renders such segments as verbatim (translate="no"); the CLI prints the plain text.
 */

const FSI = '\u2068';
const PDI = '\u2069';

/** A value from the cluster (name, message, quantity) to embed in a Localized text. */
export function verbatim(value: string | number | undefined | null): string {
  // Isolates inside the value itself would end the segment early: they are written as visible marks, as the UI
  // shows every other bidirectional control in cluster text (components/BidiText.tsx), so nothing hides.
  return `${FSI}${String(value ?? '').replace(/\u2068/g, '⟨FSI⟩').replace(/\u2069/g, '⟨PDI⟩')}${PDI}`;
}

/** One piece of a text: translated words, or a verbatim value. */
export interface TextSegment {
  text: string;
  verbatim: boolean;
}

/** Splits a text into translated and verbatim segments (empty segments are left out). */
export function splitVerbatim(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf(FSI);
    const end = start < 0 ? -1 : rest.indexOf(PDI, start + 1);
    if (start < 0 || end < 0) {
      out.push({ text: rest.replace(/[\u2068\u2069]/g, ''), verbatim: false });
      break;
    }
    if (start > 0) out.push({ text: rest.slice(0, start).replace(/\u2069/g, ''), verbatim: false });
    out.push({ text: rest.slice(start + 1, end), verbatim: true });
    rest = rest.slice(end + 1);
  }
  return out.filter((s) => s.text.length > 0);
}

/** The text without its isolate marks, as a person reads it (terminal output, aria-label, JSON for scripts). */
export function plainText(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}

/**
 * A check of how a built text reads (trial 5 of issue 8, N-D9): no white space before closing punctuation
 * ("5Gi )", "name ,", "found :"), which a template leaves when an interpolated piece is empty or brings its own
 * trailing space, and which the eye reads as a stray space (or a line that starts with the punctuation alone).
 * Values from the cluster inside a text (shared/verbatim.ts) are the cluster's own: spaces inside them are not
 * the text's.
 */
import { splitVerbatim } from './verbatim';

/** Closing punctuation that never follows a space in English or Russian prose. */
const STRAY_SPACE = /\s+([),.:;])(?=$|[\s)\]»"'”,.:;])/gu;

/**
 * Excerpts of `text` where white space stands before ')', ',', '.', ':' or ';' (a '.' that starts a word, such
 * as ".yaml", is no punctuation). Empty when it reads right.
 */
export function strayPunctuationSpaces(text: string): string[] {
  // Spaces inside a verbatim value are masked; an empty value leaves nothing, so "( )" from an empty name shows.
  const own = splitVerbatim(text)
    .map((s) => (s.verbatim ? s.text.replace(/\s/g, '_') : s.text))
    .join('');
  return [...own.matchAll(STRAY_SPACE)].map((m) => own.slice(Math.max(0, m.index - 16), m.index + m[0].length + 4));
}

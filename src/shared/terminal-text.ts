/**
 * Text from a cluster (or from a snapshot someone sent) made safe to print in a terminal, and the invisible
 * characters the UI marks. Pure: the CLI's output sink and its formatters, and the renderer, share these lists.
 *
 * What a terminal would act on or hide, and so is never printed raw:
 * - C0 controls (U+0000-U+001F: ESC starts every escape sequence that clears the screen, sets the title or
 *   writes an OSC 8 hyperlink) and DEL;
 * - C1 controls (U+0080-U+009F: U+009B is a one-character CSI, U+009D an OSC in 8-bit terminals);
 * - bidirectional controls (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates, U+200E/U+200F and
 *   U+061C marks), which make a line read differently from what it is ("Trojan Source", CVE-2021-42574);
 * - line and paragraph separators U+2028/U+2029, which some terminals and editors treat as newlines;
 * - zero-width and other invisible format characters (U+200B-U+200D, U+2060-U+2064, U+FEFF, U+180E, U+00AD,
 *   U+206A-U+206F, U+FFF9-U+FFFB), which hide a difference between two names that look equal;
 * - lone UTF-16 surrogates, which are not text at all.
 * Each is shown as a visible `\uXXXX` escape instead, so nothing is lost and nothing is acted on.
 */

/** Bidirectional formatting characters (Unicode UAX #9): embeddings, overrides, isolates and marks. */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Newlines (and tabs) are kept by the output sink: the text it writes is ours, laid out in lines.
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** An SGR sequence (colours, bold): the only escape sequence the CLI itself writes. */
// eslint-disable-next-line no-control-regex
const OWN_SGR = /\u001b\[[0-9;]{0,16}m/g;

function escape(ch: string): string {
  if (ch === '\n') return '\\n';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** True when the text holds any character listed above (a control, a bidi control, an invisible one). */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/**
 * One value from a cluster (a name, a message, a command), safe for one line of a terminal: every character
 * listed above becomes a visible `\uXXXX` escape (a newline `\n`).
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * What the CLI's output sink applies to everything it writes, stdout and stderr, errors included: the same
 * escapes, but newlines and tabs stay (the layout is ours). With `ownColours`, the SGR colour sequences the
 * formatter wrote stay too; the formatter has already escaped every ESC that came from the cluster, so no other
 * sequence can be in the text. Escapes are valid inside JSON strings, so `--json` output stays valid JSON that
 * parses to the same data.
 */
export function terminalSafe(text: string, options: { ownColours?: boolean } = {}): string {
  if (!options.ownColours) return text.replace(UNSAFE_KEEP_LINES, escape);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(OWN_SGR)) {
    out += text.slice(last, match.index).replace(UNSAFE_KEEP_LINES, escape) + match[0];
    last = match.index + match[0].length;
  }
  return out + text.slice(last).replace(UNSAFE_KEEP_LINES, escape);
}

/** A piece of text for the UI: plain text, or one bidirectional control to be shown as a visible mark. */
export type MarkedPiece = { text: string } | { control: string; name: string };

const BIDI_NAMES: Record<string, string> = {
  '\u061c': 'ALM',
  '\u200e': 'LRM',
  '\u200f': 'RLM',
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

/**
 * Splits text at its bidirectional controls, so the UI can show each one as a visible mark (e.g. "RLO") instead
 * of letting it reorder what follows. Text without any is one piece.
 */
export function splitBidiControls(text: string): MarkedPiece[] {
  if (!BIDI_CONTROLS.test(text)) return [{ text }];
  const pieces: MarkedPiece[] = [];
  let current = '';
  for (const ch of text) {
    const name = BIDI_NAMES[ch];
    if (name === undefined) {
      current += ch;
      continue;
    }
    if (current) pieces.push({ text: current });
    current = '';
    pieces.push({ control: ch, name });
  }
  if (current) pieces.push({ text: current });
  return pieces;
}

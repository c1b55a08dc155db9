/**
 * Where a monospace value from the cluster (a name, a path, a field path, a command, a YAML line) may break onto the
 * next line: at its spaces, and right after a '/', '=', ',' or ':' (a run of them stays together: "https://"), or
 * after a '.' that a letter follows (a field path or a domain: "metadata." / "annotations[volume.kubernetes." /
 * "io/"). Never after a '-' or between two letters: Chromium breaks a word longer than its box after a hyphen or
 * anywhere at all, which read as «storage-example-com-» / «absent» and «/var/run/secrets/k» / «ubernetes.io»
 * (trial 5 of issue 8, N-D10). A dot between digits stays whole (1.5Gi, v1.31.0).
 *
 * The pieces joined give the text back unchanged (copying and find-in-page see the value as it is).
 */

/** Characters after which a line may break. */
const BREAK_AFTER = new Set(['/', '=', ',', ':']);

/**
 * The text cut into pieces: runs of white space are pieces of their own, and a line may break between any two
 * pieces; never inside one.
 */
export function breakPieces(text: string): string[] {
  const out: string[] = [];
  for (const run of text.split(/(\s+)/)) {
    if (run === '') continue;
    if (/^\s+$/.test(run)) {
      out.push(run);
      continue;
    }
    let start = 0;
    for (let i = 0; i < run.length; i++) {
      const c = run[i]!;
      const next = run[i + 1];
      if (next === undefined) break;
      const breakHere = (BREAK_AFTER.has(c) && !BREAK_AFTER.has(next)) || (c === '.' && /\p{L}/u.test(next));
      if (breakHere) {
        out.push(run.slice(start, i + 1));
        start = i + 1;
      }
    }
    out.push(run.slice(start));
  }
  return out;
}

/** Whether a piece is white space (a line may break inside it, and it is shown as it is). */
export function isSpace(piece: string): boolean {
  return /^\s+$/.test(piece);
}

/**
 * The same pieces in highlighted HTML (highlight.js output: escaped text and <span> tags): each non-space piece of
 * its text is wrapped in `<span class="brk-text">` (inline, no wrapping inside) with a `<wbr>` between pieces, so a
 * wrapped YAML line breaks at the same places as any other value; a piece longer than the line scrolls with its
 * <pre>. Tags and character references (`&quot;`) are kept whole.
 */
export function breakableHtml(html: string): string {
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_, tag: string | undefined, text: string | undefined) => {
    if (tag) return tag;
    const pieces = breakPieces(text ?? '');
    let out = '';
    let previous = false;
    for (const piece of pieces) {
      if (isSpace(piece)) {
        out += piece;
        previous = false;
        continue;
      }
      out += `${previous ? '<wbr>' : ''}<span class="brk-text">${piece}</span>`;
      previous = true;
    }
    return out;
  });
}

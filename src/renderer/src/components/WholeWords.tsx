/**
 * A value from the cluster (a name, a path, a field path, an event message, a command) that breaks onto the next
 * line only at sensible places: its spaces, and after a '/', '=', ',', ':' or a '.' before a letter
 * (break-points.ts). Chromium also breaks after every '-' and, in a word longer than its box, anywhere at all:
 * «lab-» / «hostpath» (trial 4, defect 17), «storage-example-com-» / «absent» and «/var/run/secrets/k» /
 * «ubernetes.io» (trial 5, N-D10). No CSS property turns that off short of `nowrap`, so each piece is a span that
 * never wraps (styles/controls.css .brk-text), with a <wbr> between pieces. Pieces stay inline: an inline block
 * lets the line break right after it, so «5Gi» / «)» wrapped apart in the too-big headline (N-D9). Only a piece
 * long enough to be wider than a narrow box (LONG_PIECE) is an inline block that ends in an ellipsis rather than
 * break inside (.brk); hovering it shows the whole value. Copying gives the text unchanged (no joiner characters:
 * the pieces are the text as it is).
 */
import { Fragment, type MouseEvent } from 'react';
import { BidiText } from './BidiText';
import { breakPieces, isSpace } from './break-points';

/**
 * Characters from which a piece may be wider than the narrowest box a value is shown in (the details panel's value
 * column, about 250 px: some 34 monospace characters at 12 px): such a piece is cut with an ellipsis, not run out
 * of its box.
 */
export const LONG_PIECE = 28;

/** On hover, a piece cut by its ellipsis gets the whole value as its tooltip. */
function showWholeIfCut(event: MouseEvent<HTMLSpanElement>, text: string): void {
  const piece = (event.target as HTMLElement).closest?.('.brk');
  if (piece instanceof HTMLElement && piece.scrollWidth > piece.clientWidth && !piece.title) piece.title = text;
}

/**
 * `tail`: punctuation of the text around that follows the value («, обновлён…»), kept on the line of its last piece:
 * after an inline block (a long piece) a line may break, so «…9f63» / «, обновлён» (N-D9) unless they are one
 * unbreakable span.
 */
export function WholeWords({ text, tail }: { text: string; tail?: string }) {
  const pieces = breakPieces(text);
  const last = pieces.length - 1;
  return (
    <span className="brk-value" onMouseOver={(e) => showWholeIfCut(e, text)}>
      {pieces.map((piece, i) => {
        if (isSpace(piece)) return <Fragment key={i}>{piece}</Fragment>;
        const shown = (
          <span className={piece.length >= LONG_PIECE ? 'brk' : 'brk-text'}>
            <BidiText text={piece} />
          </span>
        );
        return (
          <Fragment key={i}>
            {i > 0 && !isSpace(pieces[i - 1]!) && <wbr />}
            {i === last && tail ? (
              <span className="brk-text">
                {shown}
                {tail}
              </span>
            ) : (
              shown
            )}
          </Fragment>
        );
      })}
      {tail && (last < 0 || isSpace(pieces[last]!)) ? tail : null}
    </span>
  );
}

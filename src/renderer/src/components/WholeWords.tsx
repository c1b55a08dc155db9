/**
 * A value from the cluster (a name, a path, a field path, an event message, a command) that breaks onto the next
 * line only at sensible places: its spaces, and after a '/', '=', ',', ':' or a '.' before a letter
 * (break-points.ts). Chromium also breaks after every '-' and, in a word longer than its box, anywhere at all:
 * «lab-» / «hostpath» (trial 4, defect 17), «storage-example-com-» / «absent» and «/var/run/secrets/k» /
 * «ubernetes.io» (trial 5, N-D10). No CSS property turns that off short of `nowrap`, so each piece is an inline
 * block that never wraps (styles/controls.css .brk), with a <wbr> between pieces. A piece longer than the whole
 * box ends in an ellipsis rather than break inside; hovering it shows the whole value, and copying the text gives it
 * unchanged (no joiner characters: the pieces are the text as it is).
 */
import { Fragment, type MouseEvent } from 'react';
import { BidiText } from './BidiText';
import { breakPieces, isSpace } from './break-points';

/** On hover, a piece cut by its ellipsis gets the whole value as its tooltip. */
function showWholeIfCut(event: MouseEvent<HTMLSpanElement>, text: string): void {
  const piece = (event.target as HTMLElement).closest?.('.brk');
  if (piece instanceof HTMLElement && piece.scrollWidth > piece.clientWidth && !piece.title) piece.title = text;
}

export function WholeWords({ text }: { text: string }) {
  const pieces = breakPieces(text);
  return (
    <span className="brk-value" onMouseOver={(e) => showWholeIfCut(e, text)}>
      {pieces.map((piece, i) =>
        isSpace(piece) ? (
          <Fragment key={i}>{piece}</Fragment>
        ) : (
          <Fragment key={i}>
            {i > 0 && !isSpace(pieces[i - 1]!) && <wbr />}
            <span className="brk">
              <BidiText text={piece} />
            </span>
          </Fragment>
        ),
      )}
    </span>
  );
}

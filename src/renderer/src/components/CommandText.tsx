/**
 * A shell command that breaks only at its spaces: browsers also break after a hyphen, so `kubectl … -n lab-stuck`
 * wrapped as "-" / "n lab-stuck" and read as another command (trial 3 of issue 8, defect 16). Each word is an
 * inline block, so a line breaks between words; a word longer than the whole line still wraps inside itself
 * rather than run out of its box. The text copied by selection is the command as it is.
 */
import { Fragment } from 'react';
import { BidiText } from './BidiText';

export function CommandText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\s+)/).map((piece, i) =>
        piece === '' ? null : /^\s+$/.test(piece) ? (
          <Fragment key={i}>{piece}</Fragment>
        ) : (
          <span key={i} className="cmd-word">
            <BidiText text={piece} />
          </span>
        ),
      )}
    </>
  );
}

/**
 * Cluster text in prose (a class name in a finding's cause, a list of classes in its evidence) that breaks only at
 * its spaces: never after a '-' inside a name («lab-/hostpath», trial 4 of issue 8, defect 17). Chromium treats a
 * hyphen as a line-break opportunity and no CSS property turns that off short of `nowrap`, so each space-free word
 * is an inline block (styles/controls.css .whole-word): it moves to the next line whole, and only a word longer than
 * the whole line breaks inside (overflow-wrap: anywhere). Copying the text gives it unchanged: no joiner characters.
 */
import { Fragment } from 'react';
import { BidiText } from './BidiText';

export function WholeWords({ text }: { text: string }) {
  // Split keeps the separators (odd indexes): spaces stay plain text, where lines may break.
  return (
    <>
      {text.split(/(\s+)/).map((part, i) =>
        i % 2 === 1 || part === '' ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <span key={i} className="whole-word">
            <BidiText text={part} />
          </span>
        ),
      )}
    </>
  );
}

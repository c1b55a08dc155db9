/**
 * A text built in src/shared (a diagnosis cause, a fix step, a provisioner reason) in the UI language: its words
 * as they are, the cluster values inside it (marked by shared/verbatim.ts) as <Verbatim>, with any
 * bidirectional control in them shown as a mark rather than obeyed (BidiText).
 */
import { Fragment } from 'react';
import { splitVerbatim } from '../../../shared/verbatim';
import { Verbatim } from '../i18n/Verbatim';
import { WholeWords } from './WholeWords';

/** Closing punctuation that reads with the value before it («5Gi)», «…9f63,»): never the start of a line. */
const CLOSING = /^[)\]},.:;!?»”…]+/u;

export function LocalizedText({ text }: { text: string }) {
  const segments = splitVerbatim(text);
  return (
    <>
      {segments.map((segment, i) => {
        if (segment.verbatim) {
          const next = segments[i + 1];
          const tail = next && !next.verbatim ? CLOSING.exec(next.text)?.[0] : undefined;
          return (
            <Verbatim key={i}>
              <WholeWords text={segment.text} tail={tail} />
            </Verbatim>
          );
        }
        const previous = segments[i - 1];
        // Punctuation given to the value before it as its tail is not repeated.
        const own = previous?.verbatim ? segment.text.replace(CLOSING, '') : segment.text;
        return <Fragment key={i}>{own}</Fragment>;
      })}
    </>
  );
}

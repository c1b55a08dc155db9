/**
 * A text built in src/shared (a diagnosis cause, a fix step, a provisioner reason) in the UI language: its words
 * as they are, the cluster values inside it (marked by shared/verbatim.ts) as <Verbatim>, with any
 * bidirectional control in them shown as a mark rather than obeyed (BidiText).
 */
import { Fragment } from 'react';
import { splitVerbatim } from '../../../shared/verbatim';
import { Verbatim } from '../i18n/Verbatim';
import { WholeWords } from './WholeWords';

export function LocalizedText({ text }: { text: string }) {
  return (
    <>
      {splitVerbatim(text).map((segment, i) =>
        segment.verbatim ? (
          <Verbatim key={i}>
            <WholeWords text={segment.text} />
          </Verbatim>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * Cluster text cut in the middle to fit `room` px ("data-postgres-…-replica-17", see format/fit-text.ts), but
 * only for the eye: the whole text stays in the DOM as the element's text for find-in-page (Ctrl+F), screen
 * readers and copying, in a visually hidden span; the cut form beside it is aria-hidden. Text that fits is shown
 * as it is.
 */
import { fitMiddle, type Measure } from '../format/fit-text';
import { BidiText } from './BidiText';

export function MiddleText({ text, room, measure }: { text: string; room: number; measure?: Measure | undefined }) {
  const cut = fitMiddle(text, room, measure);
  if (cut === text) return <BidiText text={text} />;
  return (
    <span className="middle-text" data-full-text={text}>
      <span className="sr-only">
        <BidiText text={text} />
      </span>
      <span className="middle-cut" aria-hidden="true">
        <BidiText text={cut} />
      </span>
    </span>
  );
}

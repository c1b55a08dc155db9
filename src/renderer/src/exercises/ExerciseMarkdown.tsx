/**
 * The words of an exercise (goal, step, hint, solution) are Markdown written in resources/exercises/<lang>/: shown
 * without raw HTML, code never translated, English fragments in Russian prose marked as such (as in the lessons).
 */
import ReactMarkdown, { type Components } from 'react-markdown';
import type { Lang } from '../../../shared/model/findings';
import { rehypeForeignFragments } from '../lessons/foreign-quotes';
import { WholeWords } from '../components/WholeWords';

const COMPONENTS: Components = {
  code: ({ className, children }) => (
    <code className={className} translate="no">
      {/* Commands, paths and names break only at spaces, '/', '=' and the like, never after a '-' (WholeWords). */}
      {typeof children === 'string' ? <WholeWords text={children} /> : children}
    </code>
  ),
  pre: ({ children }) => <pre translate="no">{children}</pre>,
  // Exercise texts link nowhere outside the app; a link stays text rather than a way out.
  a: ({ children }) => <span>{children}</span>,
};

/** `inline`: one paragraph's worth, without the paragraph's margins (a step's title). */
export function ExerciseMarkdown({ text, lang, inline }: { text: string; lang: Lang; inline?: boolean }) {
  return (
    <div className={inline ? 'exercise-md inline' : 'exercise-md'} lang={lang}>
      <ReactMarkdown skipHtml components={COMPONENTS} rehypePlugins={lang === 'en' ? [] : [rehypeForeignFragments]}>
        {text}
      </ReactMarkdown>
    </div>
  );
}

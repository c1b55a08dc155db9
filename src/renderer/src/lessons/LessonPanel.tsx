/**
 * The lesson book beside the view, open at a section, in English or Russian (its own switch, defaulting to
 * the UI language). Markdown is rendered without raw HTML. Code blocks have Copy buttons; the contents follow
 * the section being read; each section ends with links to the previous and next one. Sections that list example
 * kinds show live objects of the open cluster.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import type { LessonSection } from '../../../shared/contract';
import { LANGS, type Lang } from '../../../shared/model/findings';
import { useApi } from '../api/api-context';
import { lessonsQuery } from '../api/queries';
import { CopyButton } from '../components/CopyButton';
import { PaneProvider } from '../components/pane-context';
import { SidePanel } from '../components/SidePanel';
import { errorText, StateMessage } from '../components/StateMessage';
import { useI18n } from '../i18n/i18n';
import { LESSON_PANEL, MIN_PANES_BESIDE_LESSON } from '../state/frame-layout';
import { useView } from '../state/view-store';
import { highlightYaml } from '../components/highlight-yaml';
import { rehypeForeignFragments } from './foreign-quotes';
import { LessonContents } from './LessonContents';
import { LessonExamples } from './LessonExamples';
import { useSectionInView } from './use-section-in-view';
import { WholeWords } from '../components/WholeWords';

/** The text of a rendered Markdown node (hast), for the Copy button of a code block. */
export function hastText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { type?: string; value?: unknown; children?: unknown[] };
  if (n.type === 'text' && typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(hastText).join('');
}

/**
 * `minContent`: the least width the panes keep beside the docked lesson (below it, the lesson overlays them, unless
 * `mayOverlay` is false: then it stays docked at its minimum; state/frame-layout.ts lessonMayOverlay).
 */
export function LessonPanel({
  anchor,
  minContent = () => MIN_PANES_BESIDE_LESSON,
  mayOverlay = true,
}: {
  anchor: string;
  minContent?: (containerWidth: number) => number;
  mayOverlay?: boolean;
}) {
  const { t, lang: uiLang } = useI18n();
  const { state, update } = useView();
  const lang: Lang = state.lessonLang ?? uiLang;
  const book = useQuery(lessonsQuery(useApi(), lang));
  const clusterId = state.panes[0]?.cluster;
  const bodyRef = useRef<HTMLDivElement>(null);
  // Set when the anchor follows the reader's scrolling (below): then it is no new section to open.
  const followed = useRef<string | undefined>(undefined);
  const open = useCallback(
    (id: string) => {
      followed.current = undefined;
      update((s) => ({ ...s, lesson: id }));
    },
    [update],
  );
  const close = () => update((s) => ({ ...s, lesson: undefined }));
  const sections = book.data?.sections ?? [];
  const reading = useSectionInView(bodyRef, sections.length) ?? anchor;
  // Until the reader scrolls, the contents show the section that was opened.
  const [scrolled, setScrolled] = useState(false);
  useEffect(() => {
    if (followed.current !== anchor) setScrolled(false);
  }, [anchor]);
  const shownInContents = scrolled ? reading : anchor;
  // The URL follows the section being read (replacing the entry), so a copied link opens where the reader is;
  // that change of anchor must not scroll the body back to the section's start.
  // Only a change of the section read counts: opening another section (Next, a link) changes the anchor first,
  // and must not be taken back to the section that was in view a moment before.
  const lastReading = useRef(reading);
  useEffect(() => {
    if (reading === lastReading.current) return;
    lastReading.current = reading;
    if (!scrolled || !reading || reading === anchor) return;
    followed.current = reading;
    update((s) => (s.lesson ? { ...s, lesson: reading } : s), 'replace');
  }, [scrolled, reading, anchor, update]);

  useEffect(() => {
    if (followed.current === anchor) return;
    const target = Array.from(bodyRef.current?.querySelectorAll<HTMLElement>('[data-anchor]') ?? []).find((el) => el.dataset.anchor === anchor);
    // Only the lesson body scrolls: the frame around it clips (styles/layout.css), so the page cannot move.
    target?.scrollIntoView?.({ block: 'start' });
  }, [anchor, book.data]);

  // In-lesson links (#anchor) move within the book; other links open outside the app (main allow-lists them).
  // Memoised: a new object would be new component types, and React would remount every code block (and its Copy
  // button, mid-click) whenever the panel re-renders, e.g. as the reader scrolls.
  const components = useMemo<Components>(() => ({
    // YAML examples get the same highlighting as the object viewer; other code stays plain.
    code: ({ className, children }) => {
      const html = className === 'language-yaml' && typeof children === 'string' ? highlightYaml(children) : undefined;
      // Code (commands, YAML, field names) is never translated.
      return html === undefined ? (
        <code className={className} translate="no">
          {/* Inline code in prose (a field path, an annotation) breaks only at sensible places, never after a '-'
              (WholeWords); a block scrolls in its <pre>. */}
          {typeof children === 'string' && !children.includes('\n') ? <WholeWords text={children} /> : children}
        </code>
      ) : (
        <code className="hljs" translate="no" dangerouslySetInnerHTML={{ __html: html }} />
      );
    },
    pre: ({ node, children }) => (
      <div className="code-block">
        <pre translate="no">{children}</pre>
        <CopyButton text={hastText(node).replace(/\n$/, '')} label={t('lessons.copyCode')} />
      </div>
    ),
    a: ({ href, children }) =>
      href?.startsWith('#') ? (
        <a href={href} onClick={(e) => (e.preventDefault(), open(href.slice(1)))}>
          {children}
        </a>
      ) : (
        <a href={href} target="_blank" rel="noreferrer noopener">
          {children}
        </a>
      ),
  }), [open, t]);

  let body;
  if (book.isLoading) body = <StateMessage kind="loading" text={t('state.loading', { what: t('lessons.label') })} />;
  else if (!book.data)
    body = <StateMessage kind="error" text={t('state.error', { what: t('lessons.label') })} detail={errorText(book.error, uiLang)} onRetry={() => void book.refetch()} />;
  else
    body = (
      <div className="lesson-layout">
        <LessonContents sections={sections} current={shownInContents} onOpen={open} />
        {/* Focusable (not a Tab stop): a click in the text puts focus here, so Escape closes this panel, not the one beside it. */}
        <div className="lesson-body" ref={bodyRef} lang={lang} tabIndex={-1} {...userScrollHandlers(() => setScrolled(true))} data-testid="lesson-body">
          {sections.map((s, i) => (
            <section key={s.id} id={`lesson-${s.id}`} data-anchor={s.id} className={s.id === anchor ? 'lesson-section current' : 'lesson-section'} data-testid="lesson-section" aria-labelledby={`lesson-h-${s.id}`}>
              <h2 id={`lesson-h-${s.id}`}>{s.title}</h2>
              <ReactMarkdown skipHtml components={components} rehypePlugins={lang === 'en' ? [] : [rehypeForeignFragments]}>
                {s.markdown}
              </ReactMarkdown>
              {s.examples && s.examples.length > 0 && s.id === anchor && clusterId && (
                <PaneProvider index={0} clusterId={clusterId}>
                  <LessonExamples clusterId={clusterId} kinds={s.examples} search={s.exampleSearch} />
                </PaneProvider>
              )}
              <SectionSteps previous={sections[i - 1]} next={sections[i + 1]} onOpen={open} />
            </section>
          ))}
        </div>
      </div>
    );

  return (
    <SidePanel
      id="lesson"
      limits={LESSON_PANEL}
      minContent={minContent}
      mayOverlay={mayOverlay}
      className="lesson-panel"
      label={t('lessons.label')}
      testId="lesson-panel"
      attributes={{ 'data-lang': lang }}
    >
      <header className="panel-head">
        <h2 className="panel-title">{t('lessons.label')}</h2>
        <span className="segmented" role="group" aria-label={t('lessons.language')}>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={l === lang}
              aria-label={t(`lang.${l}`)}
              // Each language is named in itself ("English", «Русский»), as in the UI language menu.
              lang={l}
              translate="no"
              onClick={() => update((s) => ({ ...s, lessonLang: l }), 'replace')}
              data-testid={`lesson-lang-${l}`}
            >
              {t(`lang.short.${l}`)}
            </button>
          ))}
        </span>
        <button type="button" className="icon-button" aria-label={t('lessons.close')} title={t('lessons.close')} onClick={close} data-testid="lesson-close">
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {body}
    </SidePanel>
  );
}

/** Marks the reader's own scrolling (wheel, touch, keys, scrollbar), not the scroll that opening a section does. */
function userScrollHandlers(onUserScroll: () => void) {
  return { onWheel: onUserScroll, onTouchMove: onUserScroll, onKeyDown: onUserScroll, onPointerDown: onUserScroll };
}

/** "Previous: ..." and "Next: ..." at the end of a section. */
function SectionSteps({ previous, next, onOpen }: { previous?: LessonSection; next?: LessonSection; onOpen(id: string): void }) {
  const { t } = useI18n();
  if (!previous && !next) return null;
  return (
    <nav className="lesson-steps" aria-label={t('lessons.steps')}>
      {previous ? (
        <button type="button" className="link-button" onClick={() => onOpen(previous.id)} data-testid="lesson-previous">
          <span aria-hidden="true">← </span>
          {t('lessons.previous', { title: previous.title })}
        </button>
      ) : (
        <span />
      )}
      {next && (
        <button type="button" className="link-button lesson-next" onClick={() => onOpen(next.id)} data-testid="lesson-next">
          {t('lessons.next', { title: next.title })}
          <span aria-hidden="true"> →</span>
        </button>
      )}
    </nav>
  );
}

/**
 * The lesson book beside the view, open at a section, in English or Russian (its own switch, defaulting to
 * the UI language). Markdown is rendered without raw HTML. Sections that list example kinds show live
 * objects of the open cluster.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import { LANGS, type Lang } from '../../../shared/model/findings';
import { useApi } from '../api/api-context';
import { lessonsQuery } from '../api/queries';
import { PaneProvider } from '../components/pane-context';
import { errorText, StateMessage } from '../components/StateMessage';
import { useI18n } from '../i18n/i18n';
import { useView } from '../state/view-store';
import { highlightYaml } from '../details/YamlView';
import { LessonExamples } from './LessonExamples';

export function LessonPanel({ anchor }: { anchor: string }) {
  const { t, lang: uiLang } = useI18n();
  const { state, update } = useView();
  const lang: Lang = state.lessonLang ?? uiLang;
  const book = useQuery(lessonsQuery(useApi(), lang));
  const clusterId = state.panes[0]?.cluster;
  const bodyRef = useRef<HTMLDivElement>(null);
  const open = (id: string) => update((s) => ({ ...s, lesson: id }));
  const close = () => update((s) => ({ ...s, lesson: undefined }));

  useEffect(() => {
    const target = Array.from(bodyRef.current?.querySelectorAll<HTMLElement>('[data-anchor]') ?? []).find((el) => el.dataset.anchor === anchor);
    target?.scrollIntoView?.({ block: 'start' });
  }, [anchor, book.data]);

  // In-lesson links (#anchor) move within the book; other links open outside the app (main allow-lists them).
  const components: Components = {
    // YAML examples get the same highlighting as the object viewer; other code stays plain.
    code: ({ className, children }) => {
      const html = className === 'language-yaml' && typeof children === 'string' ? highlightYaml(children) : undefined;
      return html === undefined ? <code className={className}>{children}</code> : <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />;
    },
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
  };

  let body;
  if (book.isLoading) body = <StateMessage kind="loading" text={t('state.loading', { what: t('lessons.label') })} />;
  else if (!book.data)
    body = <StateMessage kind="error" text={t('state.error', { what: t('lessons.label') })} detail={errorText(book.error)} onRetry={() => void book.refetch()} />;
  else
    body = (
      <div className="lesson-layout">
        <div className="lesson-toc">
          <label className="muted small-text" htmlFor="lesson-contents">
            {t('lessons.contents')}
          </label>
          <select id="lesson-contents" className="select" value={anchor} onChange={(e) => open(e.target.value)} data-testid="lesson-contents">
            {book.data.sections.map((s, i) => (
              <option key={s.id} value={s.id}>
                {i + 1}. {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="lesson-body" ref={bodyRef} lang={lang}>
          {book.data.sections.map((s) => (
            <section key={s.id} id={`lesson-${s.id}`} data-anchor={s.id} className={s.id === anchor ? 'lesson-section current' : 'lesson-section'} data-testid="lesson-section" aria-labelledby={`lesson-h-${s.id}`}>
              <h2 id={`lesson-h-${s.id}`}>{s.title}</h2>
              <ReactMarkdown skipHtml components={components}>
                {s.markdown}
              </ReactMarkdown>
              {s.examples && s.examples.length > 0 && s.id === anchor && clusterId && (
                <PaneProvider index={0} clusterId={clusterId}>
                  <LessonExamples clusterId={clusterId} kinds={s.examples} />
                </PaneProvider>
              )}
            </section>
          ))}
        </div>
      </div>
    );

  return (
    <aside className="side-panel lesson-panel" aria-label={t('lessons.label')} data-testid="lesson-panel" data-lang={lang}>
      <header className="panel-head">
        <h2 className="panel-title">{t('lessons.label')}</h2>
        <span className="segmented" role="group" aria-label={t('lessons.language')}>
          {LANGS.map((l) => (
            <button key={l} type="button" aria-pressed={l === lang} onClick={() => update((s) => ({ ...s, lessonLang: l }), 'replace')} data-testid={`lesson-lang-${l}`}>
              {l.toUpperCase()}
            </button>
          ))}
        </span>
        <button type="button" className="icon-button" aria-label={t('lessons.close')} onClick={close} data-testid="lesson-close">
          ×
        </button>
      </header>
      {body}
    </aside>
  );
}

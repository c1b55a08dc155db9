/**
 * A lesson book's contents: a button that says where the reader is («Содержание · 26 из 34») and opens the list of
 * every section, titles whole and wrapped, the current one marked and focused. A native select cut the open
 * section's title mid-word in a 470 px panel («26. Как поменять производительность тома: Vol»; trial 6 of issue 8,
 * T6-9), and its closed form can show nothing but that cut title.
 */
import type { LessonSection } from '../../../shared/contract';
import { PopoverButton } from '../components/Popover';
import { useI18n } from '../i18n/i18n';

export interface LessonContentsProps {
  sections: readonly LessonSection[];
  /** The anchor of the section being read. */
  current: string | undefined;
  onOpen(anchor: string): void;
}

export function LessonContents({ sections, current, onOpen }: LessonContentsProps) {
  const { t, lang } = useI18n();
  const index = sections.findIndex((s) => s.id === current);
  const where = index >= 0 ? t('lessons.contentsAt', { n: (index + 1).toLocaleString(lang), total: sections.length.toLocaleString(lang) }) : undefined;
  return (
    <div className="lesson-toc" data-testid="lesson-contents" data-current={current ?? ''}>
      <PopoverButton label={where ? `${t('lessons.contents')} · ${where}` : t('lessons.contents')} title={t('lessons.contents')} testId="lesson-contents-button" initialFocus='[aria-current="true"]'>
        {(close) => (
          <ol className="lesson-toc-list">
            {sections.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="lesson-toc-item"
                  aria-current={s.id === current ? 'true' : undefined}
                  data-anchor={s.id}
                  onClick={() => {
                    onOpen(s.id);
                    close();
                  }}
                >
                  {s.title}
                </button>
              </li>
            ))}
          </ol>
        )}
      </PopoverButton>
    </div>
  );
}

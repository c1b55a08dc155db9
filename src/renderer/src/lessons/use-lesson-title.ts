/** The title of a lesson section in the UI language (the anchor until the book has loaded). */
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { lessonsQuery } from '../api/queries';
import { useI18n } from '../i18n/i18n';

export function useLessonTitles(): (anchor: string) => string {
  const { lang } = useI18n();
  const book = useQuery(lessonsQuery(useApi(), lang));
  return (anchor) => book.data?.sections.find((s) => s.id === anchor)?.title ?? anchor;
}

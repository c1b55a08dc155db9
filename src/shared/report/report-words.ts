/** Words of a report file in each language; the doctor's own words (doctor-format.ts) are reused for the rest. */
import type { KindSyncState } from '../model/status';
import type { Lang } from '../model/findings';

export const REPORT_WORDS = {
  title: { en: 'Storage report', ru: 'Отчёт о хранилище' },
  scope: { en: 'Scope', ru: 'Охват' },
  wholeCluster: { en: 'the whole cluster', ru: 'весь кластер' },
  namespace: { en: 'namespace', ru: 'пространство имён' },
  object: { en: 'object', ru: 'объект' },
  serverVersion: { en: 'Kubernetes version', ru: 'Версия Kubernetes' },
  unknown: { en: 'unknown', ru: 'неизвестна' },
  time: { en: 'State as of', ru: 'Состояние на' },
  madeBy: { en: 'Made by', ru: 'Создан' },
  redaction: {
    en: 'Redacted as a snapshot is: only the fields Kube Storage Explorer reads are kept, credentials in free text are removed. Values removed:',
    ru: 'Очищен так же, как снимок: оставлены только поля, которые читает Kube Storage Explorer, учётные данные в тексте удалены. Удалено значений:',
  },
  unread: { en: 'Could not be read', ru: 'Не удалось прочитать' },
  unreadNote: {
    en: 'Findings about these kinds could not be made: the report may miss problems there.',
    ru: 'По этим видам объектов замечания построить нельзя: проблемы в них могли остаться незамеченными.',
  },
  allRead: { en: 'Every kind was read.', ru: 'Все виды объектов прочитаны.' },
  summary: { en: 'Summary', ru: 'Итог' },
  source: { en: 'field', ru: 'поле' },
  lessons: { en: 'Lessons', ru: 'Уроки' },
  code: { en: 'code', ru: 'код' },
} satisfies Record<string, Record<Lang, string>>;

/** Why a kind was not read, in words. */
export const UNREAD_STATE_WORDS: Partial<Record<KindSyncState, Record<Lang, string>>> = {
  forbidden: { en: 'no permission', ru: 'нет прав' },
  error: { en: 'error', ru: 'ошибка' },
  syncing: { en: 'not synced', ru: 'не синхронизирован' },
  idle: { en: 'not started', ru: 'не запущен' },
};

/**
 * A small typed i18n: every UI text has a key in `en` and `ru` (the typecheck and a unit test enforce it).
 * The language defaults to the system's (navigator.language), can be switched, and is remembered.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../../shared/model/findings';
import { en, type MessageKey } from './en';
import { ru } from './ru';

export type { MessageKey };
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, ru };
const STORAGE_KEY = 'kse.lang';

export type Params = Record<string, string | number>;

/** Fills {name} placeholders. Unknown placeholders are left visible so a missing parameter is noticed. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return format(DICTIONARIES[lang][key], params);
}

/** 'ru' for any Russian locale (ru, ru-RU...), 'en' otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ru') return saved;
  } catch {
    // Storage can be unavailable (privacy settings); the system language still applies.
  }
  return langFromLocale(typeof navigator === 'undefined' ? undefined : navigator.language);
}

export type Translate = (key: MessageKey, params?: Params) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixed ?? initialLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across restarts, but switched for this session.
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

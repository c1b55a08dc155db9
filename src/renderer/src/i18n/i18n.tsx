/**
 * Typed i18n over ICU MessageFormat (intl-messageformat): every UI text has a key in `en` (the source of keys)
 * and in `ru` (typed against it; a unit test also checks arguments and plural forms). Messages use ICU syntax:
 * `{name}` for a value, `{n, number}` for a number in the UI language, and `{n, plural, one {...} few {...}
 * many {...} other {...}}` for counts (Russian needs one/few/many/other, English one/other).
 * The language defaults to the system's (navigator.language), can be switched, and is remembered.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createContext, Fragment, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../../shared/model/findings';
import { en, type MessageKey } from './en';
import { ru } from './ru';
import { cached } from '../format/cached';

export type { MessageKey };
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, ru };
const STORAGE_KEY = 'kse.lang';

/** Values of a message's arguments: numbers stay numbers so that plurals and `{n, number}` can use them. */
export type Params = Record<string, string | number>;

/** A compiled message and the names of its arguments used only plainly (`{n}`: no number, plural or select). */
interface Compiled {
  message: IntlMessageFormat;
  plain: ReadonlySet<string>;
}

/** Compiled messages, one per language and key (compiling parses the ICU text once). */
const compiled = new Map<string, Compiled>();

/** Adds the names of `elements`' plain and formatted arguments, nested options included. */
function collectArguments(elements: readonly MessageFormatElement[], plain: Set<string>, formatted: Set<string>): void {
  for (const element of elements) {
    if (element.type === TYPE.argument) plain.add(element.value);
    else if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) formatted.add(element.value);
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      formatted.add(element.value);
      for (const option of Object.values(element.options)) collectArguments(option.value, plain, formatted);
    } else if (element.type === TYPE.tag) collectArguments(element.children, plain, formatted);
  }
}

function compile(lang: Lang, key: MessageKey): Compiled {
  const id = `${lang}:${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    // ignoreTag: texts such as "<namespace>" are literal text here, not rich-text tags.
    const message = new IntlMessageFormat(DICTIONARIES[lang][key], lang, undefined, { ignoreTag: true });
    const plain = new Set<string>();
    const formatted = new Set<string>();
    collectArguments(message.getAst(), plain, formatted);
    for (const name of formatted) plain.delete(name);
    entry = { message, plain };
    compiled.set(id, entry);
  }
  return entry;
}

/** Every digit kept (a plain argument is not rounded), grouped as the language groups. */
const grouped = cached((lang) => new Intl.NumberFormat(lang, { maximumFractionDigits: 20 }));

/** Arguments that hold identifiers, written as they are: a uid (1000), an exit code, an HTTP status. */
const IDENTIFIER_ARGUMENTS: ReadonlySet<string> = new Set(['uid', 'code', 'status']);

/**
 * `params` with each number given to a plain `{n}` written in the UI language («3 013», "3,013"): ICU writes a
 * plain argument with String(), so a count said "3013" in both languages wherever a message forgot `{n, number}`
 * (trial 8 of issue 8, T8-18). Arguments a plural or `{n, number}` reads stay numbers, and identifiers
 * (IDENTIFIER_ARGUMENTS: "uid 1000", not "uid 1,000") stay as they are.
 */
function withGroupedNumbers<V>(lang: Lang, plain: ReadonlySet<string>, params: Record<string, V | number> | undefined): Record<string, V | number | string> | undefined {
  if (!params || plain.size === 0) return params;
  let out: Record<string, V | number | string> | undefined;
  for (const name of plain) {
    if (IDENTIFIER_ARGUMENTS.has(name)) continue;
    const value = params[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    out ??= { ...params };
    out[name] = grouped(lang).format(value);
  }
  return out ?? params;
}

/**
 * The text of `key` in `lang` with its arguments filled in. A missing argument is a bug the dictionary test
 * should have caught; rather than blank a view it is reported on the console and the key is shown, so a
 * person can still name what is wrong.
 */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  try {
    const { message, plain } = compile(lang, key);
    return String(message.format(withGroupedNumbers(lang, plain, params)));
  } catch (error) {
    console.error(`i18n: cannot format ${lang}:${key}`, error);
    return key;
  }
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

/** Arguments that may be elements, e.g. a cluster-sourced name wrapped in <Verbatim>. */
export type RichParams = Record<string, ReactNode>;

/**
 * Like translate, for texts whose arguments are elements: the message is formatted around them, so word order
 * stays the translation's while a name keeps its own element (and its translate="no").
 */
export function translateRich(lang: Lang, key: MessageKey, params: RichParams): ReactNode {
  let parts: ReactNode;
  try {
    const { message, plain } = compile(lang, key);
    parts = message.format<ReactNode>(withGroupedNumbers(lang, plain, params as Record<string, ReactNode>)) as ReactNode;
  } catch (error) {
    console.error(`i18n: cannot format ${lang}:${key}`, error);
    return key;
  }
  return Array.isArray(parts) ? parts.map((part, i) => <Fragment key={i}>{part}</Fragment>) : parts;
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /** Translate with element arguments (see translateRich). */
  tr(key: MessageKey, params: RichParams): ReactNode;
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
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params), tr: (key, params) => translateRich(lang, key, params) }),
    [lang, setLang],
  );
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/**
 * Messages of its subtree read under other keys (key -> key used instead), e.g. a snapshot's pane says «4 мин до
 * снимка» where a live one says «4 мин назад»: every freshness label inside reads the right words without each
 * caller knowing where it is drawn. Empty `swap`: the surrounding i18n unchanged. Pass a constant (it is a
 * dependency of the value).
 */
export function SwappedMessages({ swap, children }: { swap: Partial<Record<MessageKey, MessageKey>>; children: ReactNode }) {
  const outer = useI18n();
  const active = Object.keys(swap).length > 0;
  const value = useMemo<I18n>(
    () =>
      active
        ? { ...outer, t: (key, params) => outer.t(swap[key] ?? key, params), tr: (key, params) => outer.tr(swap[key] ?? key, params) }
        : outer,
    [outer, active, swap],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

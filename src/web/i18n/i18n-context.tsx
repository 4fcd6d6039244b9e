/**
 * The UI language: chosen from ?lang=, then localStorage, then the browser's languages, and
 * applied to <html lang dir> so fonts, hyphenation and mirroring follow. Also the place where
 * dates and numbers are formatted, so every page formats them the same way.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { isLang, LANGUAGES, RTL_LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { CATALOGUE, interpolate, type MessageKey, type Translate } from './messages.js';

const STORAGE_KEY = 'pillars.lang';

export interface I18n {
  readonly lang: Lang;
  readonly dir: 'ltr' | 'rtl';
  readonly t: Translate;
  // Function-valued properties, not methods: pages destructure them from the context.
  readonly setLang: (lang: Lang) => void;
  /** `2026-04-27` → "27 April 2026" in the UI language (dates are calendar days, so UTC). */
  readonly formatDate: (isoDate: string) => string;
  readonly formatDateRange: (start: string, end: string) => string;
  readonly formatNumber: (value: number) => string;
  readonly compare: (a: string, b: string) => number;
}

export function dirOf(lang: Lang): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
}

/**
 * Intl locale for a UI language. UN Arabic documents write numbers in Western digits, and UN
 * English writes dates day-first ("27 April 2026"), as en-GB does.
 */
const LOCALES: Readonly<Record<Lang, string>> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-Hans-CN',
  en: 'en-GB',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};
export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; the choice then lasts for the visit only
  }
}

export function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl !== null && isLang(fromUrl)) return fromUrl;
  const stored = readStorage();
  if (stored !== null && isLang(stored)) return stored;
  for (const tag of navigator.languages) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLang(base)) return base;
  }
  return 'en';
}

const toDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * Chromium's ICU data gives Chinese date ranges in numeric form ("2023/7/31 – 2023/8/11") even
 * when long dates are asked for, so Chinese ranges are composed the way UN documents write them:
 * 2023年7月31日至8月11日.
 */
function chineseRange(start: string, end: string): string {
  const full = new Intl.DateTimeFormat('zh-Hans-CN', { dateStyle: 'long', timeZone: 'UTC' });
  const monthDay = new Intl.DateTimeFormat('zh-Hans-CN', {
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${full.format(toDate(start))}至${(sameYear ? monthDay : full).format(toDate(end))}`;
}

function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  const messages = CATALOGUE[lang];
  const dates = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(localeOf(lang));
  const collator = new Intl.Collator(localeOf(lang), { sensitivity: 'base' });
  const t = ((key: MessageKey, params?: Readonly<Record<string, string | number>>) =>
    params === undefined ? messages[key] : interpolate(messages[key], params)) as Translate;
  return {
    lang,
    dir: dirOf(lang),
    t,
    setLang,
    formatDate: (isoDate) => dates.format(toDate(isoDate)),
    formatDateRange: (start, end) => {
      if (start === end) return dates.format(toDate(start));
      if (lang === 'zh') return chineseRange(start, end);
      return dates.formatRange(toDate(start), toDate(end));
    },
    formatNumber: (value) => numbers.format(value),
    compare: (a, b) => collator.compare(a, b),
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered across visits; nothing else to do
    }
    // A ?lang= in the address would win over the new choice on reload, so drop it.
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.delete('lang');
      window.history.replaceState(window.history.state, '', url);
    }
  }, []);

  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);

  // Layout effect: the direction flips before the first paint, not after a flash of LTR.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dirOf(lang);
  }, [lang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

/**
 * Attributes for text in `textLang` shown in the UI language: always its `lang`, and its `dir`
 * when that differs from the page's, which also isolates it so an English title inside Arabic
 * text keeps its word order across line breaks.
 */
export function useTextAttrs(): (textLang: Lang) => { lang: Lang; dir?: 'ltr' | 'rtl' } {
  const { dir } = useI18n();
  return (textLang) => {
    const textDir = dirOf(textLang);
    return textDir === dir ? { lang: textLang } : { lang: textLang, dir: textDir };
  };
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside I18nProvider');
  return value;
}

export { LANGUAGES };

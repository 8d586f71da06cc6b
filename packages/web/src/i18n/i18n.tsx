import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { en, type MessageKey } from './en.js';
import { ja } from './ja.js';

/**
 * A tiny typed dictionary rather than an i18n framework: two languages, no plural rules beyond
 * what `Intl` gives, and the compiler checks that Japanese has every English key. Dates and
 * numbers go through `Intl` with the chosen language.
 */
export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];
const DICTS: Record<Lang, Record<MessageKey, string>> = { en, ja };
const STORAGE_KEY = 'culprit.lang';

export function detectLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored === 'en' || stored === 'ja') return stored;
  for (const l of browser) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return DICTS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A message key built at run time (`solutionKind_${k}`); falls back to `fallback` when unknown. */
  tk(key: string, fallback: string, vars?: Record<string, string | number>): string;
  number(n: number): string;
  percent(fraction: number): string;
  bytes(n: number): string;
  date(iso: string | number | Date): string;
  day(iso: string | number | Date): string;
  /** Picks the language's text from `{en, ja?}`, English when the other is missing. */
  pick(text: { en: string; ja?: string } | string | undefined | null): string;
}

function makeI18n(lang: Lang, setLang: (l: Lang) => void): I18n {
  const num = new Intl.NumberFormat(lang);
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const dt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const dd = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  return {
    lang,
    setLang,
    t: (key, vars) => translate(lang, key, vars),
    tk: (key, fallback, vars) => (key in en ? translate(lang, key as MessageKey, vars) : fallback),
    number: (n) => num.format(n),
    percent: (f) => pct.format(f),
    bytes(n) {
      let i = 0;
      let v = n;
      while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
      }
      return new Intl.NumberFormat(lang, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(v);
    },
    date: (d) => dt.format(new Date(d)),
    day: (d) => dd.format(new Date(d)),
    pick: (text) => (text == null ? '' : typeof text === 'string' ? text : lang === 'ja' && text.ja ? text.ja : text.en),
  };
}

const I18nContext = createContext<I18n>(makeI18n('en', () => {}));

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(() => detectLang(localStorage.getItem(STORAGE_KEY), navigator.languages ?? [navigator.language]));
  const value = useMemo(
    () =>
      makeI18n(lang, (l) => {
        localStorage.setItem(STORAGE_KEY, l);
        setLangState(l);
      }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);

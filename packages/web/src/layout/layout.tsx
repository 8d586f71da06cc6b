import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useRef } from 'preact/hooks';
import { LANGS, useI18n, type Lang } from '../i18n/i18n.js';
import { useSession } from '../session/session.js';
import type { MessageKey } from '../i18n/en.js';

const NAV: { href: string; key: MessageKey }[] = [
  { href: '/', key: 'navReport' },
  { href: '/crashers', key: 'navCrashers' },
  { href: '/symbols', key: 'navSymbols' },
  { href: '/vendor', key: 'navVendor' },
];

const LANG_NAMES: Record<Lang, string> = { en: 'English', ja: '日本語' };

/** Header (navigation, language, sign-in state) and the main landmark every page renders into. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t, lang, setLang } = useI18n();
  const { token, me, signOut } = useSession();
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  // After client-side navigation, move focus to the new page so screen readers announce it.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);
  return (
    <>
      <a class="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header class="top">
        <a href="/" class="brand">
          {t('appName')}
        </a>
        <nav aria-label={t('mainNav')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <a href={n.href} aria-current={path === n.href ? 'page' : undefined}>
                  {t(n.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="tools">
          <label>
            <span class="visually-hidden">{t('language')}</span>
            <select value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)} data-testid="lang">
              {LANGS.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANG_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          {token ? (
            <>
              <span class="who">{t('signedInAs', { role: me?.vendor ? `${me.role}: ${me.vendor.name}` : (me?.role ?? '…') })}</span>
              <button type="button" onClick={signOut}>
                {t('signOut')}
              </button>
            </>
          ) : (
            <a href="/sign-in">{t('navSignIn')}</a>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

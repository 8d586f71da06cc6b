import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/i18n.js';

/** Shown instead of a page that needs a token when none is signed in. */
export function NeedsToken({ message }: { message?: string }) {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <p class="card">
      {message ?? t('needsToken')} <a href={`/sign-in?next=${encodeURIComponent(path)}`}>{t('navSignIn')}</a>
    </p>
  );
}

export function LoadError({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <p role="alert" class="error">
      {t('error', { message: error.message })}
    </p>
  );
}

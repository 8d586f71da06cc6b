import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from './session.js';

export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { route, query } = useLocation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const me = await signIn(token.trim());
      // A vendor's home is the portal; staff start at the top crashers.
      route(query.next && query.next.startsWith('/') && !query.next.startsWith('//') ? query.next : me.role === 'vendor' ? '/vendor' : '/crashers');
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('badToken') : t('error', { message: (err as Error).message }));
    }
  };
  return (
    <>
      <h1>{t('signInTitle')}</h1>
      <form onSubmit={submit} class="card narrow">
        <p class="hint" id="token-help">
          {t('signInHelp')}
        </p>
        <label>
          {t('tokenLabel')}
          <input type="password" name="token" autocomplete="off" required aria-describedby="token-help" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {t('signInButton')}
        </button>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </>
  );
}

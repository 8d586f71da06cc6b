import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { apiGet, ApiError } from '../api/client.js';
import type { Me } from '../api/types.js';

/**
 * The signed-in token, kept in localStorage so a reload stays signed in; `/api/me` says what it
 * may do. Services without `/api/me` (before the vendor work) still work: the role is then
 * unknown and each page finds out from the API's 401/403 answers.
 */
const STORAGE_KEY = 'culprit.token';

export interface Session {
  token: string | null;
  me: Me | null;
  signIn(token: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<Session>({ token: null, me: null, signIn: async () => {}, signOut: () => {} });

export const storedToken = (): string | null => localStorage.getItem(STORAGE_KEY);

async function whoAmI(token: string): Promise<Me> {
  try {
    return await apiGet<Me>('/api/me', token);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      // No /api/me on this service: check the token against an endpoint every role may read.
      await apiGet('/api/buckets?days=1&limit=1', token);
      return { role: 'unknown' };
    }
    throw err;
  }
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [token, setToken] = useState<string | null>(storedToken);
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    if (!token) return setMe(null);
    whoAmI(token).then(setMe, () => setMe(null));
  }, [token]);
  const signIn = useCallback(async (t: string) => {
    const m = await whoAmI(t);
    localStorage.setItem(STORAGE_KEY, t);
    setMe(m);
    setToken(t);
  }, []);
  const signOut = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    setToken(null);
  }, []);
  const value = useMemo(() => ({ token, me, signIn, signOut }), [token, me, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);

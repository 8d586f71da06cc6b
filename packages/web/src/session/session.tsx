import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { apiGet } from '../api/client.js';
import type { Me } from '../api/types.js';

/**
 * The signed-in token, kept in localStorage so a reload stays signed in; `/api/me` says what it
 * may do (its role, and its vendor for a vendor token).
 */
const STORAGE_KEY = 'culprit.token';

export interface Session {
  token: string | null;
  me: Me | null;
  /** Checks the token with `/api/me`, keeps it, and says who it is. */
  signIn(token: string): Promise<Me>;
  signOut(): void;
}

const SessionContext = createContext<Session>({ token: null, me: null, signIn: async () => ({ role: 'read' }), signOut: () => {} });

export const storedToken = (): string | null => localStorage.getItem(STORAGE_KEY);

const whoAmI = (token: string): Promise<Me> => apiGet<Me>('/api/me', token);

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
    return m;
  }, []);
  const signOut = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    setToken(null);
  }, []);
  const value = useMemo(() => ({ token, me, signIn, signOut }), [token, me, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);

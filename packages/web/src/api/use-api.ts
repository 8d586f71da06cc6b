import { useEffect, useState } from 'preact/hooks';
import { apiGet } from './client.js';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  reload(): void;
}

/** GETs `path` with the session token whenever `path` or the token changes (null path: nothing). */
export function useApi<T>(path: string | null, token: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setError(null);
    apiGet<T>(path, token).then(
      (d) => live && setData(d),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [path, token, n]);
  return { data, error, reload: () => setN((x) => x + 1) };
}

/** Fetch wrappers for the service's JSON API: the token goes as a bearer header, errors as `ApiError`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function send<T>(path: string, init: RequestInit, token: string | null | undefined): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers });
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string };
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? (typeof body === 'string' && body ? body : res.statusText));
  }
  return body as T;
}

export const apiGet = <T>(path: string, token?: string | null): Promise<T> => send<T>(path, { method: 'GET' }, token);

export const apiJson = <T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, token?: string | null): Promise<T> =>
  send<T>(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }, token);

export const apiForm = <T>(path: string, form: FormData, token?: string | null): Promise<T> => send<T>(path, { method: 'POST', body: form }, token);

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

import { useState } from 'preact/hooks';
import { apiForm } from '../api/client.js';
import type { MissingSymbol } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { LoadError, NeedsToken } from '../layout/needs-token.js';
import { useSession } from '../session/session.js';
import { DropZone } from '../submit/drop-zone.js';

interface SymbolStore {
  path: string;
  uploads: boolean;
  exists: boolean;
  symFiles: number;
  bytes: number;
  partial: boolean;
}

interface UploadResult {
  stored: { debugFile: string; debugId: string; path: string }[];
  skipped: string[];
  requeued: number;
}

/**
 * Symbols: the stores searched (developer, admin), upload .sym files or zips (`POST /api/symbols`,
 * developer), and the missing-symbols list.
 */
export function SymbolsPage() {
  const { t, number, bytes } = useI18n();
  const { token, me } = useSession();
  const developer = me?.role === 'admin' || me?.role === 'developer';
  const stores = useApi<{ stores: SymbolStore[] }>(token && developer ? '/api/symbols/stores' : null, token);
  const missing = useApi<{ modules: MissingSymbol[] }>(token ? '/api/symbols/missing' : null, token);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!token) return <NeedsToken />;
  const upload = async (e: Event) => {
    e.preventDefault();
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    // symupload's field name; the service takes every file part of the form.
    for (const f of files) form.append('symbol_file', f, f.name);
    try {
      setResult(await apiForm<UploadResult>('/api/symbols', form, token));
      missing.reload();
      stores.reload();
    } catch (err) {
      setError(t('error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('symbolsTitle')}</h1>
      {developer && (
        <section aria-labelledby="stores-h">
          <h2 id="stores-h">{t('storesTitle')}</h2>
          <p>{t('storesIntro')}</p>
          {stores.error && <LoadError error={stores.error} />}
          {stores.data && (
            <div class="scroll">
              <table data-testid="stores">
                <thead>
                  <tr>
                    <th scope="col">{t('storeFolder')}</th>
                    <th scope="col" class="num">
                      {t('storeFiles')}
                    </th>
                    <th scope="col" class="num">
                      {t('fileSize')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stores.data.stores.map((s) => (
                    <tr key={s.path}>
                      <td class="wrap">
                        <code>{s.path}</code>
                        {s.uploads && <span class="tag">{t('storeUploads')}</span>}
                        {!s.exists && <span class="tag">{t('storeMissing')}</span>}
                      </td>
                      <td class="num">{s.partial ? t('atLeast', { n: number(s.symFiles) }) : number(s.symFiles)}</td>
                      <td class="num">{bytes(s.bytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <form class="card" onSubmit={upload} aria-labelledby="up-h">
        <h2 id="up-h">{t('uploadSymbols')}</h2>
        <p class="hint">{t('needsDeveloper')}</p>
        <DropZone onFile={setFiles} multiple accept=".sym,.zip" label={t('symbolFiles')} />
        {files.length > 0 && (
          <ul>
            {files.map((f) => (
              <li key={f.name}>{f.name}</li>
            ))}
          </ul>
        )}
        <button type="submit" class="primary" disabled={busy || files.length === 0}>
          {busy ? t('uploading') : t('upload')}
        </button>
        <div aria-live="polite">
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          {result && (
            <>
              <p class="notice">{t('uploaded', { n: number(result.stored.length), r: number(result.requeued) })}</p>
              {result.skipped.length > 0 && <p>{t('skippedFiles', { list: result.skipped.join(', ') })}</p>}
              <ul>
                {result.stored.map((s) => (
                  <li key={s.path}>
                    <code>{s.path}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </form>
      <section aria-labelledby="missing-h">
        <h2 id="missing-h">{t('missingTitle')}</h2>
        <p>{t('missingIntro')}</p>
        {missing.error && <LoadError error={missing.error} />}
        {missing.data && missing.data.modules.length === 0 && <p>{t('noMissing')}</p>}
        {missing.data && missing.data.modules.length > 0 && (
          <div class="scroll">
            <table data-testid="missing">
              <thead>
                <tr>
                  <th scope="col">{t('debugFile')}</th>
                  <th scope="col">{t('debugId')}</th>
                  <th scope="col">{t('codeFile')}</th>
                  <th scope="col">{t('version')}</th>
                  <th scope="col" class="num">
                    {t('reports')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {missing.data.modules.map((m) => (
                  <tr key={`${m.debugFile}/${m.debugId}`}>
                    <td>{m.debugFile}</td>
                    <td>
                      <code>{m.debugId}</code>
                    </td>
                    <td class="wrap">{m.codeFile}</td>
                    <td>{m.version ?? ''}</td>
                    <td class="num">{number(m.reports)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

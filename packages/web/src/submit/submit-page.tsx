import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { apiForm } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { ReportView } from '../report/report-view.js';
import type { ViewReport } from '../report/view-model.js';
import { AnswerHeadline } from '../answer/answer-summary.js';
import { DropZone } from './drop-zone.js';
import { analyzeFile, LOCAL_ANALYSIS_LIMIT, sniffFile } from './local-analysis.js';

type Phase = { at: 'pick' } | { at: 'review' } | { at: 'sending' } | { at: 'analysing' } | { at: 'local'; report: ViewReport } | { at: 'error'; message: string };

/**
 * Report a crash: pick or drop a file, see exactly what would be sent, then either send it
 * (`POST /submit`, the same multipart form Breakpad clients use) or analyse it here.
 */
export function SubmitPage() {
  const { t, tk, bytes } = useI18n();
  const { route } = useLocation();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<{ id: string; name: string } | null | undefined>(undefined);
  const [product, setProduct] = useState('');
  const [version, setVersion] = useState('');
  const [phase, setPhase] = useState<Phase>({ at: 'pick' });

  const pick = (files: File[]) => {
    const f = files[0]!;
    setFile(f);
    setFormat(undefined);
    setPhase({ at: 'review' });
    sniffFile(f).then(setFormat, () => setFormat(null));
  };

  const send = async () => {
    if (!file) return;
    setPhase({ at: 'sending' });
    const form = new FormData();
    if (product) form.append('prod', product);
    if (version) form.append('ver', version);
    form.append('upload_file_minidump', file, file.name);
    try {
      const id = (await apiForm<string>('/submit', form)).trim();
      route(`/r/${encodeURIComponent(id)}`);
    } catch (err) {
      setPhase({ at: 'error', message: t('sendFailed', { message: (err as Error).message }) });
    }
  };

  const analyseHere = async () => {
    if (!file) return;
    if (file.size > LOCAL_ANALYSIS_LIMIT) return setPhase({ at: 'error', message: t('localTooBig', { size: bytes(file.size) }) });
    setPhase({ at: 'analysing' });
    try {
      setPhase({ at: 'local', report: await analyzeFile(file) });
    } catch (err) {
      setPhase({ at: 'error', message: t('analyseFailed', { message: (err as Error).message }) });
    }
  };

  const busy = phase.at === 'sending' || phase.at === 'analysing';
  return (
    <>
      <h1>{t('submitTitle')}</h1>
      <p>{t('submitIntro')}</p>
      <DropZone onFile={pick} />
      {file && (
        <section aria-labelledby="review-h" class="card">
          <h2 id="review-h">{t('reviewTitle')}</h2>
          <dl class="facts">
            <dt>{t('fileName')}</dt>
            <dd data-testid="review-file">{file.name}</dd>
            <dt>{t('fileSize')}</dt>
            <dd>{bytes(file.size)}</dd>
            <dt>{t('detectedKind')}</dt>
            <dd data-testid="review-kind">{format === undefined ? t('detecting') : format === null ? t('unknownKind') : tk(`format_${format.id}`, format.name)}</dd>
            <dt>{t('destination')}</dt>
            <dd>
              <code>{location.origin}/submit</code>
            </dd>
          </dl>
          <fieldset>
            <legend>{t('annotations')}</legend>
            <p class="hint">{t('annotationsHelp')}</p>
            <div class="field-row">
              <label>
                {t('product')} <code>prod</code>
                <input value={product} onInput={(e) => setProduct(e.currentTarget.value)} autocomplete="off" />
              </label>
              <label>
                {t('version')} <code>ver</code>
                <input value={version} onInput={(e) => setVersion(e.currentTarget.value)} autocomplete="off" />
              </label>
            </div>
          </fieldset>
          <div class="actions">
            <button type="button" class="primary" disabled={busy || format === null} onClick={send}>
              {t('sendButton')}
            </button>
            <button type="button" disabled={busy || format === null} onClick={analyseHere}>
              {t('analyseHere')}
            </button>
          </div>
        </section>
      )}
      <div aria-live="polite">
        {phase.at === 'sending' && <p>{t('sending')}</p>}
        {phase.at === 'analysing' && <p>{t('analysing')}</p>}
        {phase.at === 'error' && (
          <p role="alert" class="error">
            {phase.message}
          </p>
        )}
      </div>
      {phase.at === 'local' && (
        <section aria-labelledby="local-h">
          <p class="notice" id="local-h" data-testid="nothing-sent">
            {t('nothingSent')}
          </p>
          {phase.report.culprit && <AnswerHeadline culprit={phase.report.culprit} />}
          <ReportView report={phase.report} />
        </section>
      )}
    </>
  );
}

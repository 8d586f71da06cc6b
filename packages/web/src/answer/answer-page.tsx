import { useEffect, useState } from 'preact/hooks';
import { apiGet, ApiError } from '../api/client.js';
import type { Answer, ReportDetail } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ReportView, AnnotationTable } from '../report/report-view.js';
import type { ViewReport } from '../report/view-model.js';
import { useSession } from '../session/session.js';
import { AnswerCard } from './answer-summary.js';
import { downloadRaw } from './raw-download.js';
import { VmGuestFacts } from './vm-guest-facts.js';

/** Poll interval while the report waits or is analysed; stops once it is processed or failed. */
const POLL_MS = 1000;

const fetchAnswer = (id: string): Promise<Answer> => apiGet<Answer>(`/api/reports/${encodeURIComponent(id)}/answer`);

/** `/r/<id>`: the answer first, then the processed report for signed-in readers. */
export function AnswerPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { token, me } = useSession();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [detail, setDetail] = useState<ReportDetail | null>(null);

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const a = await fetchAnswer(id);
        if (stop) return;
        setAnswer(a);
        setError(null);
        if (a.status === 'queued' || a.status === 'processing') timer = setTimeout(tick, POLL_MS);
      } catch (err) {
        if (stop) return;
        setError(err instanceof ApiError && err.status === 404 ? t('reportNotFound') : t('error', { message: (err as Error).message }));
      }
    };
    void tick();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [id]);

  const settled = answer?.status === 'processed' || answer?.status === 'failed';
  useEffect(() => {
    if (!token || !settled) return;
    apiGet<ReportDetail>(`/api/reports/${encodeURIComponent(id)}`, token).then(setDetail, () => setDetail(null));
  }, [id, token, settled]);

  return (
    <>
      <h1>{t('answerTitle', { id: id.slice(0, 8) })}</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!answer && !error && <p>{t('loading')}</p>}
      {answer && (
        <>
          <p class="status" aria-live="polite" data-testid="status">
            <span class={`badge status-${answer.status}`}>{t(`status_${answer.status}`)}</span>
            {!settled && <span> {t('updatesAuto')}</span>}
          </p>
          <AnswerCard answer={answer} />
          {!token && <p class="hint">{t('signInForDetails')}</p>}
          {token && !settled && <p class="hint">{t('detailsPending')}</p>}
          {detail && (
            <>
              {detail.vm && <VmGuestFacts vm={detail.vm} />}
              {detail.result ? <ReportView report={detail.result as ViewReport} /> : null}
              {Object.keys(detail.annotations).length > 0 && (
                <section aria-labelledby="sent-h">
                  <h2 id="sent-h">{t('annotations')} (/submit)</h2>
                  <AnnotationTable rows={Object.entries(detail.annotations).map(([key, value]) => ({ key, value }))} />
                </section>
              )}
              {me?.role === 'admin' && detail.dumpSize > 0 && (
                <p>
                  <button type="button" onClick={() => downloadRaw(id, token!)}>
                    {t('downloadRaw')}
                  </button>
                </p>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}

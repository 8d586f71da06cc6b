import { useI18n } from '../i18n/i18n.js';
import { reasonExplanationKey } from './reason-explanation.js';
import { StackTable } from './stack-table.js';
import { baseName, hex, type ViewReport } from './view-model.js';

/**
 * The full report below the answer: why it crashed, the crashing thread's stack, the other
 * threads (collapsed), modules with versions and symbol status, annotations, warnings.
 */
export function ReportView({ report }: { report: ViewReport }) {
  const { t, tk } = useI18n();
  const crashing = report.crashingThread !== null ? report.threads[report.crashingThread] : undefined;
  const others = report.threads.filter((th) => th !== crashing);
  return (
    <div class="report">
      {report.crash && (
        <section aria-labelledby="reason-h">
          <h2 id="reason-h">{t('crashReason')}</h2>
          <p>{t(reasonExplanationKey(report.kind, report.crash.reason))}</p>
          <dl class="facts">
            <dt>{t('reasonCode')}</dt>
            <dd>
              <code>{report.crash.reason}</code>
            </dd>
            {report.crash.address !== null && (
              <>
                <dt>{t('crashAddress')}</dt>
                <dd>
                  <code>{hex(report.crash.address)}</code>
                </dd>
              </>
            )}
            {report.crash.assertion && (
              <>
                <dt>{t('assertion')}</dt>
                <dd>{report.crash.assertion}</dd>
              </>
            )}
            <dt>{t('os')}</dt>
            <dd>{[report.system.os.platform, report.system.os.version, report.system.os.build].filter(Boolean).join(' ')}</dd>
            <dt>{t('cpu')}</dt>
            <dd>{[report.system.cpu.arch, report.system.cpu.description].filter(Boolean).join(' — ')}</dd>
          </dl>
          {report.crash.message && <pre class="message">{report.crash.message}</pre>}
        </section>
      )}
      {crashing && (
        <section aria-labelledby="stack-h">
          <h2 id="stack-h">
            {t('crashingThread')}: {crashing.name ? `${crashing.name} (${crashing.id})` : t('threadName', { id: crashing.id })}
          </h2>
          <StackTable thread={crashing} modules={report.modules} />
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="threads-h">
          <h2 id="threads-h">{t('otherThreads', { n: others.length })}</h2>
          {others.map((th) => (
            <details key={th.id} class="thread">
              <summary>{th.name ? `${th.name} (${th.id})` : t('threadName', { id: th.id })}</summary>
              <StackTable thread={th} modules={report.modules} />
            </details>
          ))}
        </section>
      )}
      <section aria-labelledby="modules-h">
        <h2 id="modules-h">{t('modules')}</h2>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('module')}</th>
                <th scope="col">{t('version')}</th>
                <th scope="col">{t('symbols')}</th>
                <th scope="col">{t('vendor')}</th>
              </tr>
            </thead>
            <tbody>
              {report.modules.map((m, i) => (
                <tr key={i}>
                  <td title={m.codeFile}>{baseName(m.codeFile)}</td>
                  <td>{m.version ?? ''}</td>
                  <td class={`sym sym-${m.symbols ?? 'unknown'}`}>{tk(`sym_${m.symbols ?? 'unknown'}`, m.symbols ?? '')}</td>
                  <td>{[m.vendor, ...(m.flags ?? [])].filter(Boolean).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="annotations-h">
        <h2 id="annotations-h">{t('annotations')}</h2>
        {report.annotations.length === 0 ? (
          <p>{t('noAnnotations')}</p>
        ) : (
          <AnnotationTable rows={report.annotations.map((a) => ({ key: a.module ? `${a.module}: ${a.key}` : a.key, value: a.value, source: a.source }))} />
        )}
      </section>
      {report.warnings.length > 0 && (
        <section aria-labelledby="warnings-h">
          <h2 id="warnings-h">{t('warnings')}</h2>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>{[w.code, w.message ?? w.detail].filter(Boolean).join(': ')}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function AnnotationTable({ rows }: { rows: { key: string; value: string; source?: string }[] }) {
  const { t } = useI18n();
  return (
    <div class="scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('annotationKey')}</th>
            <th scope="col">{t('annotationValue')}</th>
            {rows.some((r) => r.source) && <th scope="col">{t('annotationSource')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r.key}</td>
              <td class="wrap">{r.value}</td>
              {rows.some((x) => x.source) && <td>{r.source ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

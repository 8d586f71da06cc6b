import type { Solution } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/**
 * Solutions with their kind, status and delivery count; `actions` adds per-solution buttons. A
 * bucket's list also holds its culprit module's solutions, marked as such.
 */
export function SolutionList({ solutions, actions }: { solutions: Solution[]; actions?: (s: Solution) => preact.ComponentChildren }) {
  const { t, tk, pick, number, date } = useI18n();
  if (solutions.length === 0) return <p>{t('noSolution')}</p>;
  return (
    <ul class="solutions">
      {solutions.map((s) => (
        <li key={s.id} class={`solution status-${s.status}`} data-testid="solution">
          <span class="tag">{tk(`solutionKind_${s.kind}`, s.kind)}</span>
          <strong>{pick(s.title)}</strong>
          {s.fixedIn && <span> — {t('fixedIn', { version: s.fixedIn })}</span>}
          <span class="tag">{tk(`solutionStatus_${s.status}`, s.status)}</span>
          {s.bucketId === undefined && s.module && (
            <p class="hint">{t(s.versionRange ? 'forModuleRange' : 'forModule', { module: s.module, from: s.versionRange?.from ?? '…', to: s.versionRange?.to ?? '…' })}</p>
          )}
          <p>{pick(s.text)}</p>
          {s.link && /^https?:\/\//i.test(s.link) && (
            <a href={s.link} rel="noopener noreferrer" target="_blank">
              {t('moreInfo')}
            </a>
          )}
          <p class="hint" data-testid="delivered">
            {s.deliveredCount === 1 ? t('delivered_one') : t('delivered', { n: number(s.deliveredCount) })} · {t('byAuthor', { author: s.author, date: date(s.updatedAt) })}
          </p>
          {actions?.(s)}
        </li>
      ))}
    </ul>
  );
}

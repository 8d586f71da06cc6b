import type { Solution } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/** Solutions with their kind, status and delivery count; `actions` adds per-solution buttons. */
export function SolutionList({ solutions, actions }: { solutions: Solution[]; actions?: (s: Solution) => preact.ComponentChildren }) {
  const { t, tk, pick, number } = useI18n();
  if (solutions.length === 0) return <p>{t('noSolution')}</p>;
  return (
    <ul class="solutions">
      {solutions.map((s) => (
        <li key={s.id} class={`solution status-${s.status}`} data-testid="solution">
          <span class="tag">{tk(`solutionKind_${s.kind}`, s.kind)}</span>
          <strong>{pick(s.title)}</strong>
          {s.fixedIn && <span> — {t('fixedIn', { version: s.fixedIn })}</span>}
          <span class="tag">{tk(`solutionStatus_${s.status}`, s.status)}</span>
          <p>{pick(s.text)}</p>
          {s.link && /^https?:\/\//i.test(s.link) && (
            <a href={s.link} rel="noopener noreferrer" target="_blank">
              {t('moreInfo')}
            </a>
          )}
          {s.deliveredCount !== undefined && (
            <p class="hint" data-testid="delivered">
              {t('delivered', { n: number(s.deliveredCount) })}
            </p>
          )}
          {actions?.(s)}
        </li>
      ))}
    </ul>
  );
}

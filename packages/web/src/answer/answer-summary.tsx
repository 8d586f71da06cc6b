import { useI18n } from '../i18n/i18n.js';
import type { Answer, AnswerSolution } from '../api/types.js';

interface CulpritFacts {
  name: string;
  version?: string | null;
  vendor?: string;
  thirdParty?: boolean;
}

/** The culprit in one line: module or driver, version, vendor, and whether it is the system's own. */
export function AnswerHeadline({ culprit }: { culprit: CulpritFacts }) {
  const { t } = useI18n();
  return (
    <dl class="facts culprit" data-testid="culprit">
      <dt>{t('culprit')}</dt>
      <dd>
        <strong>{culprit.name}</strong>
        {culprit.version ? ` ${culprit.version}` : ''}
        {culprit.thirdParty === true && <span class="tag">{t('thirdParty')}</span>}
        {culprit.thirdParty === false && <span class="tag">{t('systemCode')}</span>}
      </dd>
      {culprit.vendor && (
        <>
          <dt>{t('vendor')}</dt>
          <dd>{culprit.vendor}</dd>
        </>
      )}
    </dl>
  );
}

/** The bucket count in either answer shape (the contract's `bucket`, the older `bucketReports`). */
export const bucketOf = (a: Answer): { id: number; count: number } | null =>
  a.bucket ? { id: a.bucket.id, count: a.bucket.count } : a.bucketId != null ? { id: a.bucketId, count: a.bucketReports ?? 0 } : null;

/** The answer first, in plain words: the verdict, what to do, whether it repeats. */
export function AnswerCard({ answer }: { answer: Answer }) {
  const { t, tk, pick } = useI18n();
  const bucket = bucketOf(answer);
  const fixedIn = answer.solutions.find((s) => s.fixedIn)?.fixedIn ?? '';
  const plain = tk(`verdict_${answer.verdict}`, pick(answer.text), { n: bucket?.count ?? 0, fixedIn });
  const headline = answer.headline ? pick(answer.headline) : plain;
  return (
    <section aria-labelledby="answer-h" class="card answer">
      <h2 id="answer-h" data-testid="verdict">
        {headline}
      </h2>
      {answer.headline && typeof answer.text !== 'string' && <p>{pick(answer.text)}</p>}
      {answer.culprit && <AnswerHeadline culprit={answer.culprit} />}
      {answer.reproducible !== undefined && <p>{answer.reproducible ? t('reproducible', { n: answer.repeatCount ?? 0 }) : t('notReproducedYet')}</p>}
      {answer.status === 'processed' && (
        <>
          <h3>{t('solutions')}</h3>
          {answer.solutions.length === 0 ? (
            <p>{t('noSolution')}</p>
          ) : (
            <ul class="solutions">
              {answer.solutions.map((s, i) => (
                <SolutionItem key={s.id ?? i} s={s} />
              ))}
            </ul>
          )}
        </>
      )}
      {bucket && (
        <p>
          <a href={`/buckets/${bucket.id}`}>{t('bucketLink', { n: bucket.count })}</a>
        </p>
      )}
    </section>
  );
}

function SolutionItem({ s }: { s: AnswerSolution }) {
  const { t, tk, pick } = useI18n();
  const link = s.link ?? s.url;
  return (
    <li class="solution" data-testid="solution">
      {s.kind && <span class="tag">{tk(`solutionKind_${s.kind}`, s.kind)}</span>}
      <strong>{pick(s.title)}</strong>
      {s.fixedIn && <span> — {t('fixedIn', { version: s.fixedIn })}</span>}
      {s.applies && <span class={`applies applies-${s.applies}`}> ({tk(`applies_${s.applies}`, s.applies)})</span>}
      {s.text && <p>{pick(s.text)}</p>}
      {link && /^https?:\/\//i.test(link) && (
        <a href={link} rel="noopener noreferrer" target="_blank">
          {t('moreInfo')}
        </a>
      )}
    </li>
  );
}

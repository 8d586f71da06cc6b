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

/** The answer first, in plain words: the verdict, what to do, whether it repeats. */
export function AnswerCard({ answer }: { answer: Answer }) {
  const { t, pick } = useI18n();
  const { bucket } = answer;
  return (
    <section aria-labelledby="answer-h" class="card answer">
      <h2 id="answer-h" data-testid="verdict" data-verdict={answer.verdict}>
        {pick(answer.headline)}
      </h2>
      <p>{pick(answer.text)}</p>
      {answer.culprit && <AnswerHeadline culprit={answer.culprit} />}
      {answer.status === 'processed' && <p>{answer.reproducible ? t('reproducible', { n: answer.repeatCount }) : t('notReproducedYet')}</p>}
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
  const link = s.link;
  return (
    <li class="solution" data-testid="solution">
      <span class="tag">{tk(`solutionKind_${s.kind}`, s.kind)}</span>
      <strong>{pick(s.title)}</strong>
      {s.fixedIn && <span> — {t('fixedIn', { version: s.fixedIn })}</span>}
      <span class={`applies applies-${s.applies}`}> ({tk(`applies_${s.applies}`, s.applies)})</span>
      <p>{pick(s.text)}</p>
      {link && /^https?:\/\//i.test(link) && (
        <a href={link} rel="noopener noreferrer" target="_blank">
          {t('moreInfo')}
        </a>
      )}
    </li>
  );
}

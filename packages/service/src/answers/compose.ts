import type { SolutionKind } from '../storage/schema.js';
import { MESSAGES, type Localized } from './messages.js';
import { matchSolution, type InstalledVersions, type Match } from './solution-match.js';

export type Verdict =
  | 'received'
  | 'new'
  | 'known'
  | 'update-available'
  | 'already-at-fixed-version'
  | 'version-unknown'
  | 'workaround'
  | 'information'
  | 'investigating'
  | 'failed';

export interface AnswerSolution {
  id: number;
  kind: SolutionKind;
  title: Localized;
  text: Localized;
  link?: string;
  fixedIn?: string;
  applies: Match['applies'];
}

/** `GET /api/reports/:id/answer` (see api-contract.md). */
export interface Answer {
  reportId: string;
  status: 'queued' | 'processing' | 'processed' | 'failed';
  verdict: Verdict;
  headline: Localized;
  text: Localized;
  culprit?: { name: string; version?: string; vendor?: string; thirdParty?: boolean };
  solutions: AnswerSolution[];
  reproducible: boolean;
  repeatCount: number;
  bucket?: { id: number; signature: string; count: number };
}

/** A published solution that is a candidate for the report (its bucket, or its culprit module). */
export interface CandidateSolution {
  id: number;
  kind: SolutionKind;
  title: { en: string; ja: string | null };
  text: { en: string; ja: string | null };
  link: string | null;
  fixedIn: string | null;
  from: string | null;
  to: string | null;
}

export interface AnswerInput {
  reportId: string;
  status: Answer['status'];
  error: string | null;
  culprit: { name: string; version: string | null; vendor: string | null; thirdParty: boolean | null } | null;
  installed: InstalledVersions;
  bucket: { id: number; signature: string; count: number; firstReportId: string } | null;
  repeatCount: number;
  solutions: CandidateSolution[];
}

/** From this repeat on, the same install crashing in the same bucket is reproducible. */
export const REPRODUCIBLE_AFTER = 3;

export interface Composed {
  answer: Answer;
  /** Solutions this crash contradicts: installed at or past their fixed version. */
  contradicted: number[];
}

/**
 * The answer for one report, from its stored facts: every report gets one. The order of the
 * checks is the order of usefulness to the person who crashed: a workaround first when the crash
 * keeps coming back, then an update that fixes it, then "you already have the fix, this is
 * something else", then a fix with an unknown installed version, then what else is known.
 */
export function composeAnswer(input: AnswerInput): Composed {
  const reproducible = input.repeatCount >= REPRODUCIBLE_AFTER;
  const base = { reportId: input.reportId, status: input.status, reproducible, repeatCount: input.repeatCount };
  const culprit = input.culprit ? culpritView(input.culprit) : undefined;
  const bucket = input.bucket ? { id: input.bucket.id, signature: input.bucket.signature, count: input.bucket.count } : undefined;
  const facts = {
    signature: input.bucket?.signature ?? '',
    module: input.culprit?.name ?? 'the module',
    installed: null as string | null,
    fixedIn: null as string | null,
    vendor: input.culprit?.vendor ?? null,
    bucketCount: input.bucket?.count ?? 0,
    repeatCount: input.repeatCount,
    title: null as Localized | null,
    error: input.error,
  };
  if (input.status === 'failed') return { answer: { ...base, verdict: 'failed', ...MESSAGES.failed!(facts), solutions: [] }, contradicted: [] };
  if (input.status !== 'processed' || !bucket) return { answer: { ...base, verdict: 'received', ...MESSAGES.received!(facts), solutions: [], ...(culprit && { culprit }) }, contradicted: [] };

  const matched = input.solutions.map((s) => ({ s, m: matchSolution({ kind: s.kind, fixedIn: s.fixedIn, from: s.from, to: s.to }, input.installed) }));
  const usable = (kind: SolutionKind, applies: Match['applies'][] = ['yes', 'unknown-version']) => matched.find((x) => x.s.kind === kind && applies.includes(x.m.applies));
  const workaround = usable('workaround');
  const update = usable('update', ['yes']);
  const pastFix = matched.find((x) => x.m.atOrPastFix && x.s.kind === 'update') ?? matched.find((x) => x.m.atOrPastFix);
  const unknownUpdate = usable('update', ['unknown-version']);
  const information = usable('information');
  const investigating = usable('investigating');

  let verdict: Verdict;
  let lead: (typeof matched)[number] | undefined;
  if (reproducible && workaround) [verdict, lead] = ['workaround', workaround];
  else if (update) [verdict, lead] = ['update-available', update];
  else if (pastFix) [verdict, lead] = ['already-at-fixed-version', pastFix];
  else if (unknownUpdate) [verdict, lead] = ['version-unknown', unknownUpdate];
  else if (workaround) [verdict, lead] = ['workaround', workaround];
  else if (information) [verdict, lead] = ['information', information];
  else if (investigating) [verdict, lead] = ['investigating', investigating];
  else verdict = input.bucket!.firstReportId === input.reportId ? 'new' : 'known';

  if (lead) {
    facts.installed = lead.m.installed?.text.replace(/^(timestamp|build-id):/, '') ?? null;
    facts.fixedIn = lead.s.fixedIn;
    facts.title = { en: trimStop(lead.s.title.en), ja: trimStop(lead.s.title.ja ?? lead.s.title.en) };
  }
  // The lead first, then what applies, then the rest; a reproducible crash sees workarounds early.
  const rank = (x: (typeof matched)[number]) => (x === lead ? 0 : x.m.applies === 'yes' ? 1 : x.m.applies === 'unknown-version' ? 2 : 3) - (reproducible && x.s.kind === 'workaround' ? 0.5 : 0);
  const solutions = [...matched].sort((a, b) => rank(a) - rank(b)).map(({ s, m }) => solutionView(s, m.applies));
  return {
    answer: { ...base, verdict, ...MESSAGES[verdict]!(facts), solutions, ...(culprit && { culprit }), bucket },
    contradicted: matched.filter((x) => x.m.atOrPastFix).map((x) => x.s.id),
  };
}

function culpritView(c: NonNullable<AnswerInput['culprit']>): NonNullable<Answer['culprit']> {
  const out: NonNullable<Answer['culprit']> = { name: c.name };
  if (c.version) out.version = c.version;
  if (c.vendor) out.vendor = c.vendor;
  if (c.thirdParty !== null) out.thirdParty = c.thirdParty;
  return out;
}

function solutionView(s: CandidateSolution, applies: Match['applies']): AnswerSolution {
  const out: AnswerSolution = { id: s.id, kind: s.kind, title: { en: s.title.en, ja: s.title.ja ?? s.title.en }, text: { en: s.text.en, ja: s.text.ja ?? s.text.en }, applies };
  if (s.link) out.link = s.link;
  if (s.fixedIn) out.fixedIn = s.fixedIn;
  return out;
}

const trimStop = (s: string): string => s.replace(/[.。]+$/, '');

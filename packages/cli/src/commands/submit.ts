import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SubmitCliOptions } from '../main.js';

/** How often `submit` asks for the answer while the report is being processed. */
const POLL_MS = 500;

/**
 * `culprit submit FILE --url URL`: uploads as Crashpad does (multipart, `upload_file_minidump`),
 * prints the report id, then waits for processing and prints the service's answer.
 */
export async function runSubmit(file: string, opts: SubmitCliOptions): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    process.stderr.write(`culprit: ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const base = opts.url.replace(/\/+$/, '');
  const form = new FormData();
  if (opts.product) form.append('prod', opts.product);
  if (opts.version) form.append('ver', opts.version);
  form.append('upload_file_minidump', new Blob([bytes]), basename(file));
  const headers: Record<string, string> = {};
  if (opts.key) headers['x-culprit-ingest-key'] = opts.key;

  let res: Response;
  try {
    res = await fetch(`${base}/submit`, { method: 'POST', body: form, headers });
  } catch (err) {
    process.stderr.write(`culprit: cannot reach ${base}: ${(err as Error).cause ?? (err as Error).message}\n`);
    return 1;
  }
  const text = (await res.text()).trim();
  if (!res.ok) {
    process.stderr.write(`culprit: the service refused the report (${res.status}): ${messageOf(text)}\n`);
    return 1;
  }
  process.stdout.write(`${text}\n`);
  if (opts.wait === false) return 0;

  const deadline = Date.now() + Number(opts.timeout ?? 120) * 1000;
  const lang: Lang = /^ja/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'ja' : 'en';
  while (Date.now() < deadline) {
    const a = await fetch(`${base}/api/reports/${encodeURIComponent(text)}/answer`);
    if (a.ok) {
      const answer = (await a.json()) as AnswerBody;
      if (answer.status === 'processed' || answer.status === 'failed') {
        process.stdout.write(formatAnswer(answer, lang, `${base}/r/${encodeURIComponent(text)}`));
        return answer.status === 'processed' ? 0 : 1;
      }
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  process.stderr.write('culprit: the report is stored but not processed yet; ask again later.\n');
  return 1;
}

type Lang = 'en' | 'ja';
interface AnswerBody {
  status: string;
  headline: Record<Lang, string>;
  text: Record<Lang, string>;
  solutions: { kind: string; title: Record<Lang, string>; text: Record<Lang, string>; link?: string; fixedIn?: string; applies: string }[];
}

/** The answer as the person who crashed reads it: headline, what to do, each solution, the page's address. */
export function formatAnswer(a: AnswerBody, lang: Lang, page: string): string {
  const lines = [a.headline[lang], a.text[lang]];
  for (const s of a.solutions.filter((x) => x.applies !== 'no')) {
    lines.push('', `- ${s.title[lang]}${s.fixedIn ? ` (${s.fixedIn})` : ''}`, `  ${s.text[lang]}`);
    if (s.link) lines.push(`  ${s.link}`);
  }
  lines.push('', page);
  return lines.join('\n') + '\n';
}

function messageOf(body: string): string {
  try {
    return (JSON.parse(body) as { message?: string }).message ?? body;
  } catch {
    return body;
  }
}

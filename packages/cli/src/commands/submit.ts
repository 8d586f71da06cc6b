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
  while (Date.now() < deadline) {
    const a = await fetch(`${base}/api/answers/${encodeURIComponent(text)}`);
    if (a.ok) {
      const answer = (await a.json()) as { status: string; text: string };
      if (answer.status === 'processed' || answer.status === 'failed') {
        process.stdout.write(`${answer.text}\n`);
        return answer.status === 'processed' ? 0 : 1;
      }
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  process.stderr.write('culprit: the report is stored but not processed yet; ask again later.\n');
  return 1;
}

function messageOf(body: string): string {
  try {
    return (JSON.parse(body) as { message?: string }).message ?? body;
  } catch {
    return body;
  }
}

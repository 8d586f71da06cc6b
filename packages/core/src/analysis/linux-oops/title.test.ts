// Titles against syzbot's own answers: every syzkaller/report_N.txt in the corpus states the
// bucket title syzkaller gives it (TITLE:). We cover these report kinds: NULL dereference,
// paging request (x86 `BUG:` and arm64 `Unable to handle kernel`), general protection fault,
// kernel BUG, WARNING (incl. ODEBUG), kernel panic, soft lockup (stall anchors), hung task,
// arm64 Internal error. A file whose kind we do not cover is counted, not asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource } from '../../io/byte-source.js';
import { listCorpus, readCorpus } from '../../testing/corpus.js';
import { readKernelLog } from '../../formats/linux-oops/reader.js';
import type { KernelLogDetails } from '../../formats/linux-oops/to-crash-report.js';

const COVERED = /^(?:BUG: unable to handle kernel (?:NULL pointer dereference|paging request) in|general protection fault in|kernel BUG in|WARNING in|WARNING: ODEBUG bug in|kernel panic: |BUG: soft lockup in|INFO: task hung in|Internal error in)/;

/** syzkaller's test format: answer lines, a blank line, the log, optionally `REPORT:` and its expected report. */
function syzkallerCase(bytes: Uint8Array): { title: string; log: Uint8Array } {
  const text = new TextDecoder().decode(bytes);
  const title = /^TITLE: (.*)$/m.exec(text)?.[1] ?? '';
  let log = text.slice(text.indexOf('\n\n') + 2);
  const cut = log.indexOf('\nREPORT:\n');
  if (cut !== -1) log = log.slice(0, cut);
  return { title, log: new TextEncoder().encode(log) };
}

test('titles agree with syzbot on the syzkaller corpus', () => {
  const files = listCorpus('oops/syzkaller', (n) => n.endsWith('.txt'));
  let covered = 0;
  let agree = 0;
  const disagreements: string[] = [];
  for (const f of files) {
    const { title, log } = syzkallerCase(readCorpus(f));
    const report = readKernelLog(new BufferSource(log));
    const ours = report.crash?.reason ?? '(none)';
    if (!COVERED.test(title)) continue;
    covered++;
    if (ours === title) agree++;
    else disagreements.push(`${f}: syzbot "${title}", ours "${ours}"`);
    // The primary report's title is also its signature's start and its thread name.
    assert.ok(report.signature?.startsWith(ours));
    const d = report.details['linux-kernel-log'] as KernelLogDetails;
    assert.equal(d.reports[0].title, ours);
  }
  console.log(`syzbot title agreement: ${agree}/${covered} covered reports (${files.length} files)`);
  assert.equal(covered, files.length, 'every corpus file is of a covered kind');
  assert.deepEqual(disagreements, []);
});

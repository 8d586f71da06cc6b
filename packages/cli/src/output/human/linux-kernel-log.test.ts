// `culprit analyze <kernel log>`: the kernel log is sniffed (not mistaken for a dump) and every
// report is printed, readable and as JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../commands/analyze.js';
import { renderJson } from '../json/index.js';
import { renderHuman } from './index.js';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/corpus/oops');
function corpusFile(...p: string[]): string {
  const f = resolve(corpus, ...p);
  if (!existsSync(f)) throw new Error(`corpus file missing: ${f}`);
  return f;
}

test('human output lists every report with title, culprit, taint and trace', () => {
  const result = analyzeFile(corpusFile('abrt', 'oops3.test.template'));
  assert.ok('report' in result);
  const text = renderHuman(result.report, { brief: false });
  assert.match(text, /^Linux kernel log: 3 reports found/);
  assert.equal(text.match(/^#\d general protection fault in radeon_read_ring_rptr$/gm)?.length, 3);
  assert.match(text, /Culprit: +radeon \(high confidence\)/);
  assert.match(text, /Faulting: +RIP radeon_read_ring_rptr\+0x30\/0x34 \[radeon\]/);
  assert.match(text, /Task: +Xorg, pid 1473/);
  assert.match(text, /Taint: +not tainted/);
  assert.match(text, /ABRT hash: +[0-9a-f]{40}/);
  assert.match(text, /^ +0 {4}radeon_get_ring_head\+0x16\/0x41 \[radeon\]$/m);
  assert.match(text, /^ +\d+ {2}\? lockstat_clock\+0x11\/0x13$/m);
});

test('brief output shows only the primary report; stack contexts are shown', () => {
  const result = analyzeFile(corpusFile('abrt', 'nmi_oops_hash.test'));
  assert.ok('report' in result);
  const text = renderHuman(result.report, { brief: true });
  assert.match(text, /^#1 WARNING in watchdog_overflow_callback$/m);
  assert.match(text, /^ {5}<NMI>$/m);
  assert.doesNotMatch(text, /^#2 /m);
});

test('JSON output carries all reports under details, addresses as hex', () => {
  const result = analyzeFile(corpusFile('satyr', 'rhbz-865695-2.txt'));
  assert.ok('report' in result);
  const json = JSON.parse(renderJson(result.report, { pretty: false }));
  assert.equal(json.kind, 'linux-kernel-log');
  assert.equal(json.culprit.name, 'wl');
  const r = json.details['linux-kernel-log'].reports[0];
  assert.equal(r.title, 'kernel BUG in wdev_priv.part.8');
  assert.equal(r.faulting.address, '0xffffffffa0525326');
  assert.equal(r.abrtHash.length, 40);
  assert.deepEqual(r.modules.find((m: { name: string }) => m.name === 'wl').markers, ['P', 'O']);
});

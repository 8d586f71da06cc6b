// Every corpus microdump against Breakpad's own reading of it (reference/breakpad .m.txt and
// .txt, made by minidump_stackwalk): OS, CPU, crash, modules, and frame 0 placed from the C line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BufferSource } from '../../io/byte-source.js';
import { analyze } from '../../analyze.js';
import { parseBreakpadMachine } from '../../testing/breakpad-machine.js';
import { corpusPath, listCorpus, readCorpus } from '../../testing/corpus.js';
import type { MicrodumpDetails } from './details.js';
import { readMicrodumpReport } from './reader.js';

const DUMPS = listCorpus('minidump/breakpad', (n) => /^microdump-.*\.dmp$/.test(n));

function reference(path: string, ext: string): string {
  const parts = (path + ext).split('/');
  return readFileSync(corpusPath('reference', 'breakpad', ...parts), 'utf8');
}

/** Frame 0's instruction from Breakpad's human output (`pc = 0x...` or `eip = 0x...`). */
function frame0Pc(txt: string): bigint {
  const block = txt.slice(txt.indexOf('\n 0  '));
  const m = /\b(?:pc|eip) = (0x[0-9a-f]+)/.exec(block);
  assert.ok(m, 'reference frame 0 has a pc');
  return BigInt(m[1]);
}

test('corpus microdumps: there are seven, and all are read', () => {
  assert.equal(DUMPS.length, 7);
});

for (const path of DUMPS) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  test(`${name} agrees with Breakpad`, () => {
    const bytes = readCorpus(...path.split('/'));
    const report = analyze(new BufferSource(bytes));
    const ref = parseBreakpadMachine(reference(path, '.m.txt'));
    assert.equal(report.format, 'microdump');
    assert.deepEqual(report.warnings, []);

    assert.equal(report.system.os.platform, ref.os?.name);
    assert.equal(report.system.os.description, ref.os?.version);
    assert.equal(report.system.cpu.arch, ref.cpu?.arch);
    assert.equal(report.system.cpu.count, ref.cpu?.count);

    assert.ok(report.crash && ref.crash);
    assert.equal(report.crash.reason, ref.crash.reason);
    // Without an R line Breakpad prints its default 0x0; Culprit leaves the address unknown.
    if (ref.crash.reason === '') assert.equal(report.crash.address, null);
    else assert.equal('0x' + report.crash.address?.toString(16), ref.crash.address);
    assert.equal(String(report.crashingThread), ref.crash.thread);

    const ours = report.modules.map((m) => `${m.codeFile}|${m.debugFile}|${m.debugId}|0x${m.base.toString(16)}|0x${(m.base + m.size - 1n).toString(16)}`).sort();
    const theirs = ref.modules.map((m) => `${m.name}|${m.debugFile}|${m.debugId}|0x${m.base.toString(16)}|0x${m.end.toString(16)}`).sort();
    assert.deepEqual(ours, theirs);
    assert.equal(report.mainModule, null);

    // Frame 0 comes from the C line: same module as Breakpad, same instruction.
    const f0 = report.threads[0].frames[0];
    assert.ok(f0, 'frame 0 from the CPU context');
    assert.equal(f0.trust, 'context');
    const refF0 = ref.frames.find((f) => f.thread === 0 && f.frame === 0);
    assert.ok(refF0);
    assert.equal(f0.module !== undefined ? report.modules[f0.module].codeFile : '', refF0.module);
    assert.equal(f0.instruction, frame0Pc(reference(path, '.txt')));
    // Unsymbolicated frames print their module offset: it must be ours.
    if (refF0.function === '') assert.equal('0x' + f0.moduleOffset?.toString(16), refF0.offset);
  });
}

test('the stack memory holds the S lines bytes at their addresses, for the walker', () => {
  for (const path of DUMPS) {
    const bytes = readCorpus(...path.split('/'));
    const { report, memory } = readMicrodumpReport(new BufferSource(bytes));
    const details = report.details.microdump as MicrodumpDetails;
    const header = details.stackHeader;
    assert.ok(header, `${path}: stack header`);
    const t = report.threads[0];
    assert.deepEqual(t.stack, { start: header.base, size: Number(header.size) });
    // Independently decode the first S chunk of the chosen dump from the text.
    const text = new TextDecoder().decode(bytes).split('\n');
    const begin = details.dumps[details.chosen].beginLine;
    const chunk = text.slice(begin).map((l) => / S ([0-9A-F]{8,16}) ([0-9A-F]+)\r?$/.exec(l)).find((m) => m !== null);
    assert.ok(chunk, `${path}: a stack chunk`);
    const addr = BigInt('0x' + chunk[1]);
    const want = Uint8Array.from(chunk[2].match(/../g) ?? [], (h) => parseInt(h, 16));
    assert.deepEqual(memory.read(addr, want.length), want, `${path}: bytes at 0x${addr.toString(16)}`);
    // The stack pointer lies inside the captured stack and can be dereferenced.
    const sp = t.context ? t.context.registers[t.context.sp] : undefined;
    assert.equal(sp, header.sp);
    assert.notEqual(memory.read(header.sp, 4), null);
    assert.equal(memory.read(header.base + header.size, 1), null);
  }
});

test('several dumps in one log: the first complete one is reported, the others listed', () => {
  // microdump-multiple starts with the tail of an earlier dump (M lines, then END, no BEGIN).
  const multiple = analyze(new BufferSource(readCorpus('minidump', 'breakpad', 'microdump-multiple.dmp')));
  const md = multiple.details.microdump as MicrodumpDetails;
  assert.equal(md.dumps.length, 2);
  assert.equal(md.chosen, 0);
  assert.equal(md.dumps[0].beginLine, 7);
  assert.equal(md.dumps[0].pid, 16162);
  assert.equal(multiple.process?.pid, 16162);
  assert.deepEqual(md.product, { name: 'WebView', version: '48.0.2564.106' });
  assert.equal(md.gpu?.renderer, 'Adreno (TM) 418');

  const six = analyze(new BufferSource(readCorpus('minidump', 'breakpad', 'microdump-withcrashreason.dmp')));
  const sd = six.details.microdump as MicrodumpDetails;
  assert.equal(sd.dumps.length, 6);
  assert.ok(sd.dumps.every((d) => d.endLine !== undefined && d.endLine > d.beginLine));
  assert.equal(sd.chosen, 0);
  assert.equal(six.crash?.code, 5);
  assert.equal(sd.processType, 'webview');
  assert.ok(sd.freeSpace && sd.freeSpace.holeCount > 0 && sd.freeSpace.histogram.length > 0);
});

test('MIPS contexts: registers where Breakpad prints them', () => {
  const r = analyze(new BufferSource(readCorpus('minidump', 'breakpad', 'microdump-mips32.dmp')));
  const ctx = r.threads[0].context;
  assert.ok(ctx);
  assert.equal(ctx.arch, 'mips');
  // Breakpad's human output for frame 0: gp, sp, fp, ra, pc.
  const txt = reference('minidump/breakpad/microdump-mips32.dmp', '.txt');
  for (const reg of ['gp', 'sp', 'fp', 'ra', 'pc', 's0', 's3']) {
    const m = new RegExp(`\\b${reg} = (0x[0-9a-f]+)`).exec(txt.slice(txt.indexOf('\n 0  ')));
    assert.ok(m, reg);
    assert.equal(ctx.registers[reg], BigInt(m[1]), reg);
  }
});

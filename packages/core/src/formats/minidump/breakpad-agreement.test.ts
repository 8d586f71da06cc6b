// For every dump with a Breakpad reference output, Culprit must agree with Breakpad on the OS,
// CPU, crash reason, crash address, crashing thread and module list. Prints an agreement table;
// every disagreement is either a failure or named below with its reason.
import { test } from 'node:test';
import { fileNameOf } from '../../report/file-name.js';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../../analyze.js';
import { BufferSource } from '../../io/byte-source.js';
import { CulpritParseError } from '../../io/errors.js';
import type { CrashReport } from '../../report/model.js';
import { corpusPath, listCorpus, readCorpus } from '../../testing/corpus.js';
import { parseBreakpadMachine } from '../../testing/breakpad-machine.js';

const FIELDS = ['os', 'cpu', 'reason', 'address', 'thread', 'modules'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Known, explained differences: dump → field → why.
 * Microdumps (Android's logcat text format) are compared like minidumps. Those written before
 * Breakpad's writer had an R line carry no crash address: Breakpad prints its default 0x0,
 * Culprit says the address is unknown (null) rather than invent a null-pointer crash.
 */
const NO_R_LINE = 'microdump without an R line: Breakpad prints its default 0x0, Culprit leaves the address unknown';
const EXPLAINED: Record<string, Partial<Record<Field | 'all', string>>> = {
  'microdump-arm.dmp': { address: NO_R_LINE },
  'microdump-arm64.dmp': { address: NO_R_LINE },
  'microdump-mips32.dmp': { address: NO_R_LINE },
  'microdump-mips64.dmp': { address: NO_R_LINE },
  'microdump-multiple.dmp': { address: NO_R_LINE },
  'microdump-x86.dmp': { address: NO_R_LINE },
};

function hex(v: bigint): string {
  return '0x' + v.toString(16);
}

interface Row {
  dump: string;
  result: Record<Field, boolean | null>;
  notes: string[];
}

function compare(report: CrashReport, refText: string): { result: Record<Field, boolean | null>; notes: string[] } {
  const ref = parseBreakpadMachine(refText);
  const notes: string[] = [];
  const result = {} as Record<Field, boolean | null>;
  const os = report.system.os;
  result.os = ref.os ? os.platform === ref.os.name && (os.description ?? '') === ref.os.version : null;
  if (result.os === false) notes.push(`os ${os.platform}|${os.description} vs ${ref.os?.name}|${ref.os?.version}`);
  const cpu = report.system.cpu;
  result.cpu = ref.cpu ? cpu.arch === ref.cpu.arch && (cpu.description ?? '') === ref.cpu.info && cpu.count === ref.cpu.count : null;
  if (result.cpu === false) notes.push(`cpu ${cpu.arch}|${cpu.description}|${cpu.count} vs ${ref.cpu?.arch}|${ref.cpu?.info}|${ref.cpu?.count}`);
  if (ref.crash) {
    const noCrash = ref.crash.reason === 'No crash';
    const reason = report.crash?.reason ?? '';
    result.reason = noCrash ? report.crash === null || report.crash.reason === '' : reason === ref.crash.reason;
    if (!result.reason) notes.push(`reason '${reason}' vs '${ref.crash.reason}'`);
    const address = report.crash?.address;
    result.address = noCrash ? true : address !== null && address !== undefined && hex(address) === ref.crash.address;
    if (!result.address) notes.push(`address ${address !== null && address !== undefined ? hex(address) : '-'} vs ${ref.crash.address}`);
    // Breakpad drops the dump-writing thread from its list; count indexes the way it does.
    const ct = report.crashingThread;
    const bpIndex = ct === null ? '' : String(report.threads.slice(0, ct).filter((t) => !t.wroteDump).length);
    const thread = report.crash ? bpIndex : '';
    result.thread = thread === ref.crash.thread;
    if (!result.thread) notes.push(`thread ${thread} vs ${ref.crash.thread}`);
  } else {
    result.reason = result.address = result.thread = null;
  }
  const ours = report.modules
    .map((m, i) => `${fileNameOf(m.codeFile)}|${m.version ?? ''}|${fileNameOf(m.debugFile ?? '')}|${m.debugId ?? ''}|${hex(m.base)}|${hex(m.base + m.size - 1n)}|${i === report.mainModule ? 1 : 0}`)
    .sort();
  const theirs = ref.modules.map((m) => `${m.name}|${m.version}|${m.debugFile}|${m.debugId}|${hex(m.base)}|${hex(m.end)}|${m.main ? 1 : 0}`).sort();
  result.modules = JSON.stringify(ours) === JSON.stringify(theirs);
  if (!result.modules) {
    const missing = theirs.filter((m) => !ours.includes(m)).slice(0, 3);
    const extra = ours.filter((m) => !theirs.includes(m)).slice(0, 3);
    notes.push(`modules: breakpad-only ${JSON.stringify(missing)} culprit-only ${JSON.stringify(extra)}`);
  }
  return { result, notes };
}

test('assertions are worded as Breakpad words them', () => {
  let compared = 0;
  for (const refPath of listCorpus('reference/breakpad/minidump', (n) => n.endsWith('.txt') && !n.endsWith('.m.txt'))) {
    const want = /^Assertion: (.*)$/m.exec(readFileSync(corpusPath(...refPath.split('/')), 'utf8'));
    if (!want) continue;
    const dumpRel = refPath.replace(/^reference\/breakpad\//, '').replace(/\.txt$/, '');
    const report = analyze(new BufferSource(readCorpus(...dumpRel.split('/'))));
    assert.equal(report.crash?.assertion, want[1], dumpRel);
    compared++;
  }
  assert.ok(compared >= 1, 'the corpus has a dump with an assertion');
});

test('Culprit agrees with Breakpad minidump_stackwalk on every corpus dump', () => {
  const refs = listCorpus('reference/breakpad/minidump', (n) => n.endsWith('.m.txt'));
  const rows: Row[] = [];
  const failures: string[] = [];
  for (const refPath of refs) {
    const dumpRel = refPath.replace(/^reference\/breakpad\//, '').replace(/\.m\.txt$/, '');
    const dump = basename(dumpRel);
    if (!existsSync(corpusPath(...dumpRel.split('/')))) throw new Error(`reference without dump: ${dumpRel}`);
    const refText = readFileSync(corpusPath(...refPath.split('/')), 'utf8');
    const bytes = readCorpus(...dumpRel.split('/'));
    let report: CrashReport;
    try {
      report = analyze(new BufferSource(bytes));
    } catch (err) {
      assert.ok(err instanceof CulpritParseError, `${dump}: untyped error ${err}`);
      // Breakpad printed nothing for this file either: both refuse it.
      if (refText.trim() === '') {
        rows.push({ dump, result: { os: null, cpu: null, reason: null, address: null, thread: null, modules: null }, notes: [`both refuse: ${err.code}`] });
        continue;
      }
      failures.push(`${dump}: Culprit refused a file Breakpad read: ${err.message}`);
      continue;
    }
    if (refText.trim() === '') {
      // Breakpad gave up on the file; Culprit gives a partial report, which must carry warnings.
      assert.ok(report.warnings.length > 0, `${dump}: Breakpad refused it but Culprit reports no damage`);
      rows.push({ dump, result: { os: null, cpu: null, reason: null, address: null, thread: null, modules: null }, notes: [`breakpad refused; culprit partial report with ${report.warnings.length} warnings`] });
      continue;
    }
    const { result, notes } = compare(report, refText);
    for (const f of FIELDS) {
      if (result[f] === false) {
        const why = EXPLAINED[dump]?.[f];
        if (why && (f !== 'address' || report.crash?.address === null)) notes.push(`explained: ${why}`);
        else failures.push(`${dump}: ${f} differs: ${notes.join('; ')}`);
      }
    }
    rows.push({ dump, result, notes });
  }
  const mark = (v: boolean | null): string => (v === null ? '  -  ' : v ? ' yes ' : ' NO  ');
  const lines = [`${'dump'.padEnd(48)}${FIELDS.map((f) => f.padEnd(8)).join('')}`];
  const totals = Object.fromEntries(FIELDS.map((f) => [f, { agree: 0, compared: 0 }]));
  for (const r of rows) {
    lines.push(`${r.dump.padEnd(48)}${FIELDS.map((f) => mark(r.result[f]).padEnd(8)).join('')}${r.notes.length ? '  ' + r.notes.join('; ') : ''}`);
    for (const f of FIELDS) {
      if (r.result[f] !== null) {
        totals[f].compared++;
        if (r.result[f]) totals[f].agree++;
      }
    }
  }
  lines.push(`${'TOTAL'.padEnd(48)}${FIELDS.map((f) => `${totals[f].agree}/${totals[f].compared}`.padEnd(8)).join('')}`);
  console.log(lines.join('\n'));
  assert.ok(rows.length >= 50, `compared ${rows.length} dumps`);
  assert.deepEqual(failures, []);
});

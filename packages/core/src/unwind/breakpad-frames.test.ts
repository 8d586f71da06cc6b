// Frame-by-frame agreement with Breakpad's `minidump_stackwalk -m` on every corpus dump, run
// with the dump's sibling `symbols/` folder as the reference was. Breakpad lists inlined calls
// as frames of their own (innermost first, before the real frame) and leaves out the thread
// that wrote the dump; both are flattened the same way here. Prints the agreement per dump and
// in total, and asserts the total reached (the remaining differences are named below).
import { test } from 'node:test';
import { fileNameOf } from '../report/file-name.js';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze } from '../analyze.js';
import { BufferSource } from '../io/byte-source.js';
import type { CrashReport } from '../report/model.js';
import { BreakpadSymbolSupplier, type SymbolStore } from '../symbols/index.js';
import { corpusPath, listCorpus, readCorpus } from '../testing/corpus.js';
import { parseBreakpadMachine } from '../testing/breakpad-machine.js';
import { lookupBelowShown } from './walker.js';

type Row = { module: string; function: string; file: string; line: string; offset: string; trust?: string };

/** Breakpad's "Found by:" wording → our trust names. */
const FOUND_BY: Record<string, string> = {
  'given as instruction pointer in context': 'context',
  'call frame info': 'cfi',
  'call frame info with scanning': 'cfi_scan',
  "previous frame's frame pointer": 'frame_pointer',
  'stack scanning': 'scan',
  'simulating a return from leaf function': 'leaf',
  'inline record': 'inline',
};

/** "Found by" of every frame, per thread, from the human output (which shows the crashed thread first, then all of them). */
function foundBy(text: string): string[][] {
  const threads: string[][] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    const header = /^Thread (\d+)/.exec(line);
    if (header) threads[Number(header[1])] = current = [];
    else if (/^Loaded modules:/.test(line)) current = undefined;
    const m = /^\s+Found by: (.*)$/.exec(line);
    if (m && current) current.push(FOUND_BY[m[1]] ?? m[1]);
  }
  return threads;
}

/** A folder store for tests (the Node one lives in core/node, outside this package's sources). */
function folderStore(root: string): SymbolStore {
  return {
    name: root,
    readFile: (rel) => {
      const p = join(root, ...rel.split('/'));
      return existsSync(p) ? new Uint8Array(readFileSync(p)) : null;
    },
  };
}

/** Our frames as Breakpad's -m rows, per walked thread. */
function ourRows(report: CrashReport): Row[][] {
  const out: Row[][] = [];
  for (const t of report.threads) {
    if (t.wroteDump) continue;
    const rows: Row[] = [];
    for (const f of t.frames) {
      const mod = f.module !== undefined ? fileNameOf(report.modules[f.module].codeFile) : '';
      // Inline frames are looked up at the frame's own address, and Breakpad measures their
      // offset from it (not from the return address): one less for x86 and amd64 callers.
      const back = f.context ? lookupBelowShown(f.context.arch, f.trust) : f.trust === 'context' ? 0n : 1n;
      for (const inl of f.inlines ?? []) {
        rows.push({ trust: 'inline', module: mod, function: inl.function, file: inl.file ?? '', line: inl.line !== undefined ? String(inl.line) : '', offset: f.sourceOffset !== undefined ? '0x' + (f.sourceOffset - back).toString(16) : '' });
      }
      let offset: bigint;
      if (f.module === undefined) offset = f.instruction;
      else if (f.function === undefined) offset = f.moduleOffset ?? 0n;
      else if (f.file !== undefined) offset = f.sourceOffset ?? 0n;
      else offset = f.functionOffset ?? 0n;
      rows.push({ trust: f.trust, module: mod, function: f.function ?? '', file: f.file ?? '', line: f.line !== undefined ? String(f.line) : '', offset: '0x' + offset.toString(16) });
    }
    out.push(rows);
  }
  return out;
}

const same = (a: Row, b: Row): boolean => a.module === b.module && a.function === b.function && a.file === b.file && a.line === b.line && a.offset === b.offset;

test('stack walks agree with Breakpad minidump_stackwalk frame by frame', () => {
  const refs = listCorpus('reference/breakpad/minidump', (n) => n.endsWith('.m.txt'));
  const suppliers = new Map<string, BreakpadSymbolSupplier>();
  let agree = 0;
  let total = 0;
  let trustAgree = 0;
  let trustTotal = 0;
  let extraFrames = 0;
  const lines: string[] = [];
  const firstTrustDiff: string[] = [];
  for (const refPath of refs) {
    const dumpRel = refPath.replace(/^reference\/breakpad\//, '').replace(/\.m\.txt$/, '');
    const ref = parseBreakpadMachine(readFileSync(corpusPath(...refPath.split('/')), 'utf8'));
    if (ref.frames.length === 0) continue; // Breakpad refused the file: nothing to compare
    const symbolsDir = join(dirname(corpusPath(...dumpRel.split('/'))), 'symbols');
    let supplier = suppliers.get(symbolsDir);
    if (!supplier) {
      // Breakpad's own microdump tests keep their symbols in symbols/microdump.
      const stores = [symbolsDir, join(symbolsDir, 'microdump')].filter((d) => existsSync(d)).map((d) => folderStore(d));
      supplier = new BreakpadSymbolSupplier(stores);
      suppliers.set(symbolsDir, supplier);
    }
    let report: CrashReport;
    try {
      report = analyze(new BufferSource(readCorpus(...dumpRel.split('/'))), { symbols: supplier });
    } catch {
      continue; // microdumps: not a minidump (counted by the format agreement test)
    }
    const ours = ourRows(report);
    const human = foundBy(readFileSync(corpusPath(...refPath.replace(/\.m\.txt$/, '.txt').split('/')), 'utf8'));
    for (let t = 0; t < human.length; t++) {
      for (let f = 0; f < (human[t]?.length ?? 0); f++) {
        trustTotal++;
        if (ours[t]?.[f]?.trust === human[t][f]) trustAgree++;
        else if (firstTrustDiff.length < 3) firstTrustDiff.push(`${fileNameOf(dumpRel)} t${t}#${f} ${ours[t]?.[f]?.trust} vs ${human[t][f]}`);
      }
    }
    let dumpAgree = 0;
    const firstDiff: string[] = [];
    for (const r of ref.frames) {
      const mine = ours[r.thread]?.[r.frame];
      total++;
      if (mine && same(mine, r)) {
        agree++;
        dumpAgree++;
      } else if (firstDiff.length < 2) {
        const show = (x?: Row): string => (x ? `${x.module}|${x.function}|${fileNameOf(x.file)}|${x.line}|${x.offset}` : '(none)');
        firstDiff.push(`t${r.thread}#${r.frame} ours ${show(mine)} vs ${show(r)}`);
      }
    }
    const extra = ours.reduce((n, t, i) => n + Math.max(0, t.length - ref.frames.filter((f) => f.thread === i).length), 0);
    extraFrames += extra;
    lines.push(`${fileNameOf(dumpRel).padEnd(48)} ${String(dumpAgree).padStart(4)}/${String(ref.frames.length).padEnd(4)} extra ${extra}  ${firstDiff.join('; ')}`);
  }
  lines.push(`TOTAL frames ${agree}/${total} = ${(agree / total).toFixed(4)}; found-by ${trustAgree}/${trustTotal}; frames Breakpad does not have: ${extraFrames}`);
  if (firstTrustDiff.length) lines.push(`found-by differences: ${firstTrustDiff.join('; ')}`);
  console.log(lines.join('\n'));
  assert.ok(total > 1000, `compared ${total} frames`);
  // Reached on the corpus: every frame's module, function, file, line and offset, every
  // "Found by", and no frame beyond Breakpad's.
  assert.equal(agree, total, `frame agreement ${agree}/${total}`);
  assert.equal(trustAgree, trustTotal, `found-by agreement ${trustAgree}/${trustTotal}`);
  assert.equal(extraFrames, 0);
});

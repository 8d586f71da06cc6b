// Every corpus dump truncated at many lengths and with random bit flips, plus the fuzzer-made and
// deliberately invalid files, must give a report (with warnings) or a typed parse error that says
// where — never another exception, a hang, or an allocation sized by an unchecked count.
import { test } from 'node:test';
import { CountingSource } from '../../testing/counting-source.js';
import assert from 'node:assert/strict';
import { analyze } from '../../analyze.js';
import { BufferSource } from '../../io/byte-source.js';
import { CulpritParseError } from '../../io/errors.js';
import { listCorpus, readCorpus } from '../../testing/corpus.js';

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function check(bytes: Uint8Array, label: string, stats: { reports: number; errors: number }): void {
  const source = new CountingSource(new BufferSource(bytes));
  try {
    const report = analyze(source);
    assert.ok(Array.isArray(report.threads) && Array.isArray(report.modules), `${label}: report shape`);
    for (const w of report.warnings) {
      assert.equal(typeof w.message, 'string');
      assert.notEqual(w.code, 'CULPRIT_ERR_INTERNAL', `${label}: internal error escaped a reader: ${w.message}`);
    }
    stats.reports++;
  } catch (err) {
    if (!(err instanceof CulpritParseError)) {
      assert.fail(`${label}: ${err instanceof Error ? err.stack : String(err)}`);
    }
    assert.ok(err.location.format, `${label}: error names the format`);
    stats.errors++;
  }
  // Reads are bounded by the file: re-reading parts is fine, reading a lying size is not.
  assert.ok(source.bytesRead <= bytes.length * 64 + (1 << 20), `${label}: read ${source.bytesRead} bytes of a ${bytes.length}-byte file`);
}

const dumps = listCorpus('minidump', (n) => n.endsWith('.dmp') || n.endsWith('.mdmp') || n === 'mdmp-dos').filter((p) => !p.includes('microdump'));

test('truncated dumps give a report or a typed error', () => {
  const stats = { reports: 0, errors: 0 };
  for (const path of dumps) {
    const bytes = readCorpus(...path.split('/'));
    const cuts = new Set<number>([0, 1, 4, 8, 31, 32, 33, 44, 100]);
    for (let i = 1; i < 24; i++) cuts.add(Math.floor((bytes.length * i) / 24));
    for (const n of cuts) if (n < bytes.length) check(bytes.subarray(0, n), `${path} cut at ${n}`, stats);
  }
  console.log(`truncation: ${dumps.length} dumps, ${stats.reports} partial reports, ${stats.errors} typed errors`);
  assert.ok(stats.reports > 0 && stats.errors > 0);
});

test('bit-flipped dumps give a report or a typed error', () => {
  const stats = { reports: 0, errors: 0 };
  const random = rng(0xc0ffee);
  for (const path of dumps) {
    const original = readCorpus(...path.split('/'));
    for (let round = 0; round < 12; round++) {
      const bytes = original.slice();
      const flips = 1 + Math.floor(random() * 32);
      // Flip bits mostly in the first 4 KiB, where headers, directories and counts live.
      for (let i = 0; i < flips; i++) {
        const at = random() < 0.8 ? Math.floor(random() * Math.min(4096, bytes.length)) : Math.floor(random() * bytes.length);
        bytes[at] ^= 1 << Math.floor(random() * 8);
      }
      check(bytes, `${path} round ${round}`, stats);
    }
  }
  console.log(`bit flips: ${dumps.length} dumps x 12 rounds, ${stats.reports} reports, ${stats.errors} typed errors`);
});

test('fuzzer-made and invalid files carry stream and offset in what they report', () => {
  // calc.dmp is a sound dump and invalid-parameter.dmp a sound dump of an invalid-parameter crash.
  const damaged = dumps.filter((p) => (p.includes('radare2') || p.includes('invalid-')) && !/calc\.dmp|invalid-parameter/.test(p));
  assert.ok(damaged.length >= 6, `found ${damaged.length} damaged files`);
  for (const path of damaged) {
    const bytes = readCorpus(...path.split('/'));
    try {
      const report = analyze(new BufferSource(bytes));
      const damage = report.warnings.filter((w) => w.code !== 'CULPRIT_ERR_MISSING_STREAM');
      assert.ok(damage.length > 0, `${path}: damaged file gave no warning`);
      assert.ok(damage.some((w) => w.part && w.offset !== undefined), `${path}: warnings name a part and offset: ${JSON.stringify(damage)}`);
    } catch (err) {
      assert.ok(err instanceof CulpritParseError, `${path}: ${err}`);
      assert.ok(err.location.offset !== undefined, `${path}: error has an offset`);
    }
  }
});

test('a count that claims far more entries than the file holds is refused before allocating', () => {
  // Header + directory with one ThreadListStream claiming 0x7fffffff threads in a 44-byte stream.
  const bytes = new Uint8Array(32 + 12 + 16);
  const dv = new DataView(bytes.buffer);
  dv.setUint32(0, 0x504d444d, true);
  dv.setUint32(4, 0xa793, true);
  dv.setUint32(8, 1, true);
  dv.setUint32(12, 32, true);
  dv.setUint32(32, 3, true); // ThreadListStream
  dv.setUint32(36, 16, true);
  dv.setUint32(40, 44, true);
  dv.setUint32(44, 0x7fffffff, true);
  const report = analyze(new BufferSource(bytes));
  const w = report.warnings.find((x) => x.part === 'ThreadListStream');
  assert.ok(w, 'the thread list is reported damaged');
  assert.equal(w.offset, 44);
  assert.equal(report.threads.length, 0);
});

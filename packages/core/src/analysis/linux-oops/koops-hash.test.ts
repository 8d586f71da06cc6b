// satyr/ABRT kernel-oops duplicate hashes.
//  - SHA-1 against FIPS 180-2 appendix A/B vectors.
//  - satyr's own statement (tests/python/koops.py, rhbz-827868): default duphash
//    53f62f9d6f7de093f50653863d200f4789ace7ef, and the 3-frame NOHASH text.
//  - ABRT's hash is computed on the oops text abrt-dump-oops extracts (*.right): hashing our
//    report of the whole log must give the same value as hashing abrt's extracted text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource } from '../../io/byte-source.js';
import { listCorpus, readCorpus } from '../../testing/corpus.js';
import { parseKernelLog, readKernelLog } from '../../formats/linux-oops/reader.js';
import type { KernelLogDetails } from '../../formats/linux-oops/to-crash-report.js';
import { duphashText, koopsHashes, satyrFrames } from './koops-hash.js';
import { sha1HexOfText as sha1Hex } from '../../hash/sha1.js';

test('SHA-1 test vectors', () => {
  assert.equal(sha1Hex('abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.equal(sha1Hex(''), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
  assert.equal(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  assert.equal(sha1Hex('a'.repeat(1_000_000)), '34aa973cd4c4daa4f61eeb2bdbad27316534016f');
});

function framesOf(...path: string[]) {
  const { build } = parseKernelLog(new BufferSource(readCorpus(...path)));
  return satyrFrames(build.reports[0], build.satyrIps[0]);
}

test("satyr's stated duphash of rhbz-827868 (normalized, all frames, 'Thread' prefix)", () => {
  const frames = framesOf('oops', 'satyr', 'rhbz-827868.txt');
  assert.equal(duphashText(frames, { maxFrames: 3, koopsCompat: false, normalize: true }), 'Thread\n__alloc_pages_nodemask\nip_copy_metadata\nip_forward_options\n');
  assert.equal(koopsHashes(frames).satyr, '53f62f9d6f7de093f50653863d200f4789ace7ef');
});

test('ABRT hash text: six reliable frames, unreliable ones skipped, not normalized', () => {
  const frames = framesOf('oops', 'abrt', 'nmi_oops_hash.test');
  const h = koopsHashes(frames);
  assert.equal(h.abrtFallback, false);
  assert.equal(h.abrtText, 'warn_slowpath_common\nwarn_slowpath_fmt\nwatchdog_overflow_callback\n__perf_event_overflow\nperf_event_overflow\nintel_pmu_handle_irq\n');
  assert.equal(h.abrt, sha1Hex(h.abrtText));
});

test('ABRT fallback when no frame is reliable: the "Thread" text of satyr with a -1 frame limit', () => {
  const frames = framesOf('oops', 'abrt', 'oops_no_reliable_frame.test.template');
  assert.ok(frames.length > 0 && frames.every((f) => !f.reliable));
  const h = koopsHashes(frames);
  assert.equal(h.abrtFallback, true);
  assert.equal(h.abrtText, 'Thread\n');
  assert.equal(h.abrt, sha1Hex('Thread\n'));
});

test('frames without a name hash as their address (s390 `[<...>] 0x3fffd4a1d92`)', () => {
  const frames = framesOf('oops', 'satyr', 'rhbz-1040900-s390x-1.txt');
  assert.match(duphashText(frames, { maxFrames: 0, koopsCompat: true, normalize: false }), /\n0x3fffd4a1d92\n$/);
});

test('our hash of the whole log equals the hash of the oops text abrt extracted (*.right)', () => {
  const rights = listCorpus('oops/abrt', (n) => n.endsWith('.right'));
  let compared = 0;
  for (const right of rights) {
    const base = right.replace(/\.right$/, '');
    const input = listCorpus('oops/abrt').find((p) => p === `${base}.test` || p === `${base}.test.template`);
    assert.ok(input);
    const ours = (readKernelLog(new BufferSource(readCorpus(input))).details['linux-kernel-log'] as KernelLogDetails).reports.filter((r) => r.consequenceOf === undefined);
    // Each `Version:` block of the .right file is one oops as abrt saved it.
    const blocks = new TextDecoder().decode(readCorpus(right)).split(/\nVersion: .*\n/).slice(1);
    assert.equal(blocks.length, ours.length, right);
    blocks.forEach((block, i) => {
      const { build } = parseKernelLog(new BufferSource(new TextEncoder().encode(block)));
      const theirs = koopsHashes(satyrFrames(build.reports[0], build.satyrIps[0]));
      assert.equal(ours[i].abrtHash, theirs.abrt, `${input} #${i + 1}`);
      compared++;
    });
  }
  console.log(`ABRT hash agreement with abrt-extracted oops text: ${compared}/${compared}`);
});

test('the hash does not depend on timestamps or syslog prefixes', () => {
  const log = new TextDecoder().decode(readCorpus('oops', 'satyr', 'rhbz-827868.txt'));
  const bare = log.replace(/^\[\d+\.\d+\] /gm, '');
  const syslog = log.replace(/^/gm, 'Jun  1 10:00:00 box kernel: ');
  const hash = (t: string) => (readKernelLog(new BufferSource(new TextEncoder().encode(t))).details['linux-kernel-log'] as KernelLogDetails).reports[0].abrtHash;
  assert.equal(hash(bare), hash(log));
  assert.equal(hash(syslog), hash(log));
});

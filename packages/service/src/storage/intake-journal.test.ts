// The intake journal on its own: records come back as written, across segments; a torn or damaged
// tail is cut at start and appending goes on from the cut; an erased record's bytes are zeros and
// recovery steps over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { IntakeJournal, type RecordPlace, type ReplayedRecord } from './intake-journal.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-journal-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function reopen(dir: string, segmentBytes?: number): Promise<{ journal: IntakeJournal; records: ReplayedRecord[]; ends: Map<number, number>; cutBytes: number }> {
  const journal = new IntakeJournal(dir, { segmentBytes });
  const records: ReplayedRecord[] = [];
  const { ends, cutBytes } = await journal.recover(null, async (batch) => void records.push(...batch));
  return { journal, records, ends, cutBytes };
}

/** Appends records `name` with files of the given sizes (random bytes) and flushes them. */
async function put(journal: IntakeJournal, items: { name: string; sizes: number[] }[]): Promise<{ place: RecordPlace; files: Uint8Array[] }[]> {
  const out = items.map(({ name, sizes }) => {
    const files = sizes.map((n) => new Uint8Array(randomBytes(n)));
    // Files may arrive as several chunks: split each in two.
    const place = journal.append(
      files.map((f) => [f.subarray(0, f.length >> 1), f.subarray(f.length >> 1)]),
      (at) => enc(JSON.stringify({ name, at: at.offset })),
    );
    return { place, files };
  });
  await journal.flush();
  return out;
}

test('records come back as written, files at their ranges, across segments', async () => {
  await withDir(async (dir) => {
    const { journal } = await reopen(dir, 64 * 1024);
    const written = await put(journal, [
      { name: 'a', sizes: [30_000, 10] },
      { name: 'b', sizes: [40_000] }, // past 64 KiB: a new segment
      { name: 'c', sizes: [] },
      { name: 'd', sizes: [70_000] }, // bigger than a segment: one record alone in the next
      { name: 'e', sizes: [5] },
    ]);
    journal.close();
    assert.deepEqual(written.map((w) => w.place.segment), [1, 2, 2, 3, 4]);
    for (const { place, files } of written) {
      const seg = readFileSync(journal.pathOf(place.segment));
      files.forEach((f, i) => assert.deepEqual(new Uint8Array(seg.subarray(place.files[i]!.start, place.files[i]!.start + place.files[i]!.length)), f));
    }
    const again = await reopen(dir, 64 * 1024);
    assert.deepEqual(again.records.map((r) => JSON.parse(dec(r.header)).name), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(again.records.map((r) => r.place), written.map((w) => ({ segment: w.place.segment, offset: w.place.offset })));
    assert.equal(again.cutBytes, 0);
    // Appending goes on at the end of the last segment.
    const [f] = await put(again.journal, [{ name: 'f', sizes: [100] }]);
    assert.deepEqual({ segment: f!.place.segment, offset: f!.place.offset }, { segment: 4, offset: again.ends.get(4) });
    again.journal.close();
  });
});

test('a torn or damaged tail is cut at start; appending goes on from the cut', async () => {
  await withDir(async (dir) => {
    const { journal } = await reopen(dir);
    const [a, b, c] = await put(journal, [{ name: 'a', sizes: [1000] }, { name: 'b', sizes: [1000] }, { name: 'c', sizes: [1000] }]);
    journal.close();
    const path = journal.pathOf(1);
    const full = statSync(path).size;

    // c cut in the middle of its body (the write never finished).
    truncateSync(path, c!.place.offset + 500);
    let r = await reopen(dir);
    assert.deepEqual(r.records.map((x) => JSON.parse(dec(x.header)).name), ['a', 'b']);
    assert.equal(r.cutBytes, 500);
    assert.equal(statSync(path).size, c!.place.offset);
    r.journal.close();

    // Garbage after the last good record (pages of a batch that never became a record).
    appendFileSync(path, randomBytes(3000));
    r = await reopen(dir);
    assert.deepEqual(r.records.map((x) => JSON.parse(dec(x.header)).name), ['a', 'b']);
    assert.equal(r.cutBytes, 3000);
    r.journal.close();

    // One flipped byte in b's body: its checksum fails, b goes (only the last batch can be torn).
    const bytes = readFileSync(path);
    bytes[b!.place.files[0]!.start + 10]! ^= 0xff;
    writeFileSync(path, bytes);
    r = await reopen(dir);
    assert.deepEqual(r.records.map((x) => JSON.parse(dec(x.header)).name), ['a']);
    assert.equal(r.ends.get(1), b!.place.offset);
    const [d] = await put(r.journal, [{ name: 'd', sizes: [10] }]);
    assert.equal(d!.place.offset, b!.place.offset);
    r.journal.close();
    r = await reopen(dir);
    assert.deepEqual(r.records.map((x) => JSON.parse(dec(x.header)).name), ['a', 'd']);
    r.journal.close();
    assert.ok(full > 0 && a!.place.offset === 0);
  });
});

test('an erased record is zeros and recovery steps over it', async () => {
  await withDir(async (dir) => {
    const { journal } = await reopen(dir);
    const [, b] = await put(journal, [{ name: 'a', sizes: [100] }, { name: 'secret', sizes: [2000] }, { name: 'c', sizes: [100] }]);
    await journal.erase(b!.place.segment, b!.place.offset);
    await journal.erase(b!.place.segment, b!.place.offset); // twice: nothing more happens
    journal.close();
    const seg = readFileSync(journal.pathOf(1));
    const range = b!.place.files[0]!;
    assert.ok(seg.subarray(range.start, range.start + range.length).every((x) => x === 0));
    assert.ok(!seg.includes(Buffer.from('secret')));
    const r = await reopen(dir);
    assert.deepEqual(r.records.map((x) => JSON.parse(dec(x.header)).name), ['a', 'c']);
    assert.equal(r.cutBytes, 0);
    r.journal.close();
  });
});

test('a segment is removed only once it is no longer appended to', async () => {
  await withDir(async (dir) => {
    const { journal } = await reopen(dir, 1024);
    await put(journal, [{ name: 'a', sizes: [2000] }, { name: 'b', sizes: [2000] }]);
    assert.deepEqual(journal.segments(), [1, 2]);
    assert.equal(journal.removeSegment(2), false); // the current one
    assert.equal(journal.removeSegment(1), true);
    assert.deepEqual(journal.segments(), [2]);
    journal.close();
    const r = await reopen(dir, 1024);
    assert.deepEqual(r.records.map((x) => JSON.parse(dec(x.header)).name), ['b']);
    r.journal.close();
  });
});

test('after a clean stop the journal is taken unread; a journal changed since is read again', async () => {
  await withDir(async (dir) => {
    const { journal } = await reopen(dir);
    await put(journal, [{ name: 'a', sizes: [100] }, { name: 'b', sizes: [200] }]);
    journal.close();
    journal.markCleanStop();
    let r = await reopen(dir);
    assert.equal(r.records.length, 0, 'nothing read');
    const size = readFileSync(journal.pathOf(1)).length;
    assert.equal(r.ends.get(1), size);
    const [c] = await put(r.journal, [{ name: 'c', sizes: [10] }]);
    assert.equal(c!.place.offset, size, 'appending goes on at the end');
    r.journal.close();
    // No note this time (the note is used up when read): every record is read.
    r = await reopen(dir);
    assert.deepEqual(r.records.map((x) => JSON.parse(dec(x.header)).name), ['a', 'b', 'c']);
    r.journal.close();
    r.journal.markCleanStop();
    // The journal changes after the note (bytes a crash left): the note does not match, it is read and cut.
    appendFileSync(journal.pathOf(1), randomBytes(50));
    r = await reopen(dir);
    assert.deepEqual(r.records.map((x) => JSON.parse(dec(x.header)).name), ['a', 'b', 'c']);
    assert.equal(r.cutBytes, 50);
    r.journal.close();
  });
});

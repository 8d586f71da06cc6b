import { closeSync, constants, fdatasync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync, writev } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { remaining } from './synced-file.js';

/**
 * The intake journal: every accepted upload is appended here, bytes and metadata in one record,
 * and acknowledged once the record is synced. Uploads that arrive together share one write and
 * one fdatasync (group commit), which is what lets the service take reports faster than a server
 * that creates and syncs a file per upload. The records stay where they are: a report's dump is
 * a range of a segment file (see journal-key.ts), so nothing is copied after the acknowledgement.
 *
 * A segment is `NNNNNNNN.seg`, records back to back:
 *
 *   0  magic    u32  'CJR1' (a live record) or 'CJR0' (a deleted one, its bytes zeroed)
 *   4  body     u32  length of the files' bytes
 *   8  header   u32  length of the header (UTF-8 JSON, after the body)
 *   12 crc32    u32  of body then header
 *   16 body, then header
 *
 * One writer (this process) appends, one batch at a time: a batch is written and synced before
 * the next starts, so after a crash only the last, never-acknowledged batch can be torn, and
 * recovery cuts the last segment at its first record that does not check out.
 */
export const LIVE_MAGIC = 0x31524a43; // 'CJR1' read as u32 LE
export const DELETED_MAGIC = 0x30524a43; // 'CJR0'
export const FRAME_BYTES = 16;
/** The note `markCleanStop` leaves in the journal folder. */
const CLEAN_STOP = 'clean-stop';

/** Segments are appended to with O_DSYNC: a write is durable when it returns, like write + fdatasync. */
const APPEND_EXISTING = constants.O_RDWR | constants.O_DSYNC;
const APPEND_NEW = APPEND_EXISTING | constants.O_CREAT | constants.O_TRUNC;
/** A new segment starts once the current one is past this size. */
export const SEGMENT_BYTES = 256 * 1024 * 1024;
/** Bounds a frame read from disk may claim before it is believed (recovery reads strangers' bytes too). */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;
const MAX_BODY_BYTES = 1024 * 1024 * 1024;

/** Where a record went: its segment, its offset there, and each file's absolute range. */
export interface RecordPlace {
  segment: number;
  offset: number;
  files: { start: number; length: number }[];
}

export interface ReplayedRecord {
  place: { segment: number; offset: number };
  header: Uint8Array;
}

export interface RecoveryResult {
  /**
   * Per segment read, the first byte after its last good record: a record from there on was never
   * acknowledged. The segment appended to is the largest key; segments past it do not exist.
   */
  ends: Map<number, number>;
  /** Bytes cut from the tail of the last segment (a torn batch). */
  cutBytes: number;
  /** False after a clean stop: nothing was read, and no record was handed to `onRecords`. */
  scanned: boolean;
}

interface Batch {
  segment: number;
  fd: number;
  position: number;
  buffers: Uint8Array[];
  size: number;
}

export class IntakeJournal {
  private segment = 0;
  private fd = -1;
  private tail = 0;
  /** Records appended since the last flush, per segment (a batch may cross into a new one). */
  private pending: Batch[] = [];
  /** Segments whose last records are in `pending`: closed once those are synced. */
  private retired: number[] = [];
  private newSegment = false;
  private flushing: Promise<void> | null = null;
  private broken: Error | null = null;

  private readonly segmentBytes: number;

  /** `segmentBytes` (tests) sets where a new segment starts; SEGMENT_BYTES otherwise. */
  constructor(
    readonly dir: string,
    options: { segmentBytes?: number } = {},
  ) {
    mkdirSync(dir, { recursive: true });
    this.segmentBytes = options.segmentBytes ?? SEGMENT_BYTES;
  }

  pathOf(segment: number): string {
    return join(this.dir, `${String(segment).padStart(8, '0')}.seg`);
  }

  /** Segments on disk, oldest first. */
  segments(): number[] {
    return readdirSync(this.dir)
      .map((n) => /^(\d{8})\.seg$/.exec(n))
      .flatMap((m) => (m ? [Number(m[1])] : []))
      .sort((a, b) => a - b);
  }

  /**
   * Reads every live record of the segments from `fromSegment` on (all of them when null), and
   * always of the last two (a batch can cross into a new segment), handing them to `onRecords` a
   * few hundred at a time; then cuts the torn tail of the last segment and opens it for appending.
   * Must run once before `append`.
   */
  async recover(fromSegment: number | null, onRecords: (records: ReplayedRecord[]) => Promise<void>): Promise<RecoveryResult> {
    const all = this.segments();
    const last = all.at(-1);
    const ends = new Map<number, number>();
    let cutBytes = 0;
    // After a clean stop nothing can be torn or missing: the journal is taken as it is, unread.
    const clean = this.takeCleanStop();
    if (last !== undefined && clean?.segment === last && clean.size === fileSize(this.pathOf(last))) {
      this.segment = last;
      this.tail = clean.size;
      this.fd = openSync(this.pathOf(last), APPEND_EXISTING);
      return { ends: new Map([[last, clean.size]]), cutBytes: 0, scanned: false };
    }
    for (const [i, segment] of all.entries()) {
      if (fromSegment !== null && segment < fromSegment && i < all.length - 2) continue;
      const scanned = await scanSegment(this.pathOf(segment), onRecords);
      ends.set(segment, scanned.end);
      if (scanned.size === scanned.end) continue;
      if (segment === last) {
        cutBytes = scanned.size - scanned.end;
        const fd = openSync(this.pathOf(segment), 'r+');
        try {
          ftruncateSync(fd, scanned.end);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } else if (i < all.length - 2) {
        // Only the last batch can be torn; a bad record deeper in is damage.
        process.emitWarning(`culprit: journal segment ${segment} has ${scanned.size - scanned.end} unreadable bytes from offset ${scanned.end}; records after them are skipped`);
      }
    }
    this.segment = last ?? (fromSegment ?? 0) + 1;
    this.tail = ends.get(this.segment) ?? 0;
    ends.set(this.segment, this.tail);
    this.fd = openSync(this.pathOf(this.segment), last === undefined ? APPEND_NEW : APPEND_EXISTING);
    if (last === undefined) syncFolder(this.dir);
    return { ends, cutBytes, scanned: true };
  }

  /**
   * Notes that the journal was closed with every record written and every row committed (the
   * database closed first), so the next start need not read it. The note names the last segment
   * and its size; a journal that changed since (or a crash that kept the note) is read as usual.
   */
  markCleanStop(): void {
    if (this.fd >= 0) throw new Error('close the journal before marking a clean stop');
    if (this.segment === 0) return;
    const path = join(this.dir, CLEAN_STOP);
    const fd = openSync(`${path}.tmp`, 'w');
    try {
      writeSync(fd, JSON.stringify({ segment: this.segment, size: fileSize(this.pathOf(this.segment)) }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(`${path}.tmp`, path);
    syncFolder(this.dir);
  }

  /** The clean-stop note, removed as it is read: a crash from here on leaves none behind. */
  private takeCleanStop(): { segment: number; size: number } | null {
    const path = join(this.dir, CLEAN_STOP);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return null;
    }
    unlinkSync(path);
    syncFolder(this.dir);
    try {
      const note = JSON.parse(text) as { segment?: unknown; size?: unknown };
      return Number.isSafeInteger(note.segment) && Number.isSafeInteger(note.size) ? { segment: note.segment as number, size: note.size as number } : null;
    } catch {
      return null;
    }
  }

  /**
   * Places a record at the tail and queues its bytes for the next `flush`. `header` is called
   * with the record's place (so the metadata can name its own ranges) and returns the header bytes.
   */
  append(files: readonly (readonly Uint8Array[])[], header: (place: RecordPlace) => Uint8Array): RecordPlace {
    if (this.fd < 0) throw new Error('the intake journal is not open (recover first)');
    if (this.broken) throw this.broken;
    const bodySize = files.reduce((n, chunks) => n + chunks.reduce((m, c) => m + c.length, 0), 0);
    if (this.tail > 0 && this.tail + FRAME_BYTES + bodySize > this.segmentBytes) this.rollOver();
    const place: RecordPlace = { segment: this.segment, offset: this.tail, files: [] };
    let at = this.tail + FRAME_BYTES;
    for (const chunks of files) {
      const length = chunks.reduce((m, c) => m + c.length, 0);
      place.files.push({ start: at, length });
      at += length;
    }
    const head = header(place);
    let crc = 0;
    for (const chunks of files) for (const c of chunks) crc = crc32(c, crc);
    crc = crc32(head, crc);
    const frame = new Uint8Array(FRAME_BYTES);
    const dv = new DataView(frame.buffer);
    dv.setUint32(0, LIVE_MAGIC, true);
    dv.setUint32(4, bodySize, true);
    dv.setUint32(8, head.length, true);
    dv.setUint32(12, crc >>> 0, true);
    let batch = this.pending.at(-1);
    if (!batch || batch.segment !== this.segment) {
      batch = { segment: this.segment, fd: this.fd, position: this.tail, buffers: [], size: 0 };
      this.pending.push(batch);
    }
    batch.buffers.push(frame, ...files.flat(), head);
    const size = FRAME_BYTES + bodySize + head.length;
    batch.size += size;
    this.tail += size;
    return place;
  }

  /** Writes and syncs everything appended so far; resolves once it is durable. */
  flush(): Promise<void> {
    const run = (this.flushing ?? Promise.resolve()).then(() => this.flushNow());
    const settled = run.catch(() => undefined);
    this.flushing = settled;
    void settled.then(() => {
      if (this.flushing === settled) this.flushing = null;
    });
    return run;
  }

  private async flushNow(): Promise<void> {
    const batches = this.pending;
    const retired = this.retired;
    const newSegment = this.newSegment;
    this.pending = [];
    this.retired = [];
    this.newSegment = false;
    try {
      // O_DSYNC: each write returns once its bytes are on disk (one trip to the thread pool, not two).
      for (const b of batches) await writeAll(b.fd, b.buffers, b.position, b.size);
      if (newSegment) syncFolder(this.dir);
    } catch (err) {
      // What was written may be half there: the journal stops taking records (a restart's recovery
      // cuts the tail) rather than appending after a hole.
      this.broken = new Error(`the intake journal cannot be written: ${(err as Error).message}`);
      throw this.broken;
    } finally {
      for (const fd of retired) closeSync(fd);
    }
  }

  private rollOver(): void {
    this.retired.push(this.fd);
    this.segment += 1;
    this.fd = openSync(this.pathOf(this.segment), APPEND_NEW | constants.O_EXCL);
    this.tail = 0;
    this.newSegment = true;
  }

  /**
   * Deletes a record: its magic becomes 'CJR0' (synced first, so a crash never leaves a live
   * magic over zeroed bytes), then its body and header are overwritten with zeros.
   */
  async erase(segment: number, offset: number): Promise<void> {
    const fd = openSync(this.pathOf(segment), 'r+');
    try {
      const frame = new Uint8Array(FRAME_BYTES);
      if (readSync(fd, frame, 0, FRAME_BYTES, offset) !== FRAME_BYTES) return;
      const dv = new DataView(frame.buffer);
      if (dv.getUint32(0, true) !== LIVE_MAGIC) return;
      const length = dv.getUint32(4, true) + dv.getUint32(8, true);
      const magic = new Uint8Array(4);
      new DataView(magic.buffer).setUint32(0, DELETED_MAGIC, true);
      await writeAll(fd, [magic], offset, 4);
      await datasync(fd);
      const zeros = new Uint8Array(Math.min(length, 1024 * 1024));
      for (let done = 0; done < length; done += zeros.length) {
        const n = Math.min(zeros.length, length - done);
        await writeAll(fd, [zeros.subarray(0, n)], offset + FRAME_BYTES + done, n);
      }
      await datasync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Removes a whole segment once no report uses it; the one being appended to stays. */
  removeSegment(segment: number): boolean {
    if (segment >= this.segment) return false;
    try {
      unlinkSync(this.pathOf(segment));
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** Records handed to `onRecords` at a time during recovery (their headers are held meanwhile). */
const REPLAY_BATCH = 256;

/** Reads a segment's records from its start; stops at the first that does not check out. */
export async function scanSegment(path: string, onRecords: (records: ReplayedRecord[]) => Promise<void>): Promise<{ end: number; size: number }> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const segment = Number(/(\d{8})\.seg$/.exec(path)![1]);
    const frame = new Uint8Array(FRAME_BYTES);
    const dv = new DataView(frame.buffer);
    let records: ReplayedRecord[] = [];
    let at = 0;
    while (at + FRAME_BYTES <= size) {
      if (readSync(fd, frame, 0, FRAME_BYTES, at) !== FRAME_BYTES) break;
      const magic = dv.getUint32(0, true);
      const bodySize = dv.getUint32(4, true);
      const headerSize = dv.getUint32(8, true);
      if ((magic !== LIVE_MAGIC && magic !== DELETED_MAGIC) || headerSize > MAX_HEADER_BYTES || bodySize > MAX_BODY_BYTES) break;
      const next = at + FRAME_BYTES + bodySize + headerSize;
      if (next > size) break;
      if (magic === LIVE_MAGIC) {
        const record = readExactly(fd, at + FRAME_BYTES, bodySize + headerSize);
        if ((crc32(record) >>> 0) !== dv.getUint32(12, true)) break;
        records.push({ place: { segment, offset: at }, header: record.slice(bodySize) });
        if (records.length >= REPLAY_BATCH) {
          await onRecords(records);
          records = [];
        }
      }
      at = next;
    }
    if (records.length > 0) await onRecords(records);
    return { end: at, size };
  } finally {
    closeSync(fd);
  }
}

function readExactly(fd: number, position: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n <= 0) break;
    done += n;
  }
  return out.subarray(0, done);
}

/** pwritev until every byte is down (the kernel may write less than asked). */
function writeAll(fd: number, buffers: Uint8Array[], position: number, size: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let written = 0;
    const step = (rest: Uint8Array[]): void => {
      writev(fd, rest as NodeJS.ArrayBufferView[], position + written, (err, n) => {
        if (err) return reject(err);
        written += n;
        if (written >= size) return resolve();
        if (n === 0) return reject(new Error('the disk took no bytes'));
        step(remaining(buffers, written));
      });
    };
    step(buffers);
  });
}

function datasync(fd: number): Promise<void> {
  return new Promise<void>((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve())));
}

function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fileSize(path: string): number {
  return statSync(path).size;
}

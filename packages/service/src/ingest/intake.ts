import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BlobStore } from '../storage/blob-store.js';
import type { ReportCommitter } from './report-committer.js';
import { decodedBody } from './body-stream.js';
import { IngestError } from './errors.js';
import { identityFrom } from './fields.js';
import type { IngestLimits } from './limits.js';
import { DUMP_FIELD, receiveMultipart, type ReceivedFile, type StagedBytes } from './multipart.js';
import { bufferUpTo, SMALL_BLOB_BYTES } from '../storage/synced-file.js';
import { filelessDump, isFileless } from './fileless.js';

export interface IntakeRequest {
  body: Readable;
  headers: Record<string, string | string[] | undefined>;
  /** Query parameters: the annotations of a raw-body upload. */
  query: Record<string, string>;
  /** Checked once the product is known (per-product ingest keys); throws IngestError to refuse. */
  authorize?: (product: string | null) => void;
}

export interface Accepted {
  id: string;
  bytes: number;
}

/**
 * The one door for every report: Breakpad/Crashpad/Electron multipart, or a raw body (dump,
 * kernel dump or kernel log; the format is sniffed later, from the bytes). Resolves only once
 * bytes and metadata are durable.
 */
export class Intake {
  constructor(
    private readonly blobs: BlobStore,
    private readonly committer: ReportCommitter,
    private readonly limits: IngestLimits,
  ) {}

  async receive(req: IntakeRequest): Promise<Accepted> {
    const id = randomUUID();
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    const body = decodedBody(req.body, req.headers, this.limits);
    const contentType = String(req.headers['content-type'] ?? '');
    // Blobs written for files too large to hold in memory: deleted again if the upload is refused.
    const spilled: string[] = [];
    const stage = async (index: number, stream: Readable): Promise<StagedBytes> => {
      const head = await bufferUpTo(stream, SMALL_BLOB_BYTES);
      if (head.ended) return { size: head.size, chunks: head.chunks, key: null };
      const key = `dumps/${day}/${id}.${index}`;
      spilled.push(key);
      const size = await this.blobs.write(key, Readable.from(headThenRest(head.chunks, stream)));
      return { size, chunks: null, key };
    };

    try {
      let fields: Record<string, string>;
      let files: ReceivedFile[];
      if (/^multipart\/form-data/i.test(contentType)) {
        ({ fields, files } = await receiveMultipart(body, contentType, this.limits, (index, _field, stream) => stage(index, stream)));
      } else {
        fields = { ...req.query };
        try {
          files = [{ field: DUMP_FIELD, filename: '', ...(await stage(0, body)) }];
        } catch (err) {
          throw err instanceof IngestError ? err : new IngestError('CULPRIT_ERR_BAD_MULTIPART', 400, `the body could not be read: ${(err as Error).message}.`);
        }
      }
      const dump = files.find((f) => f.field === DUMP_FIELD) ?? files[0] ?? filelessDump(fields);
      if (!dump) throw new IngestError('CULPRIT_ERR_NO_DUMP', 400, `no file part: send the dump as '${DUMP_FIELD}'.`);
      if (dump.size === 0 && !isFileless(dump)) throw new IngestError('CULPRIT_ERR_EMPTY_DUMP', 400, 'the dump is empty.');
      const who = identityFrom(fields);
      req.authorize?.(who.product);
      await this.committer.commit({
        row: {
          id,
          received_at: now.getTime(),
          received_day: day,
          product: who.product,
          version: who.version,
          platform: who.platform,
          process_type: who.processType,
          guid: who.guid,
          client_kind: who.clientKind,
          vm_guest: who.vmGuest,
          annotations: JSON.stringify(fields),
          dump_size: dump.size,
          status: 'queued',
          error: null,
          kind: null,
          format: null,
          signature: null,
          bucket_id: null,
          crash_reason: null,
          os_name: null,
          os_version: null,
          cpu_arch: null,
          culprit_name: null,
          culprit_version: null,
          result_key: null,
          processed_at: null,
        },
        dump,
        attachments: files.filter((f) => f !== dump),
      });
      return { id, bytes: files.reduce((n, f) => n + f.size, 0) };
    } catch (err) {
      await this.discard(spilled);
      throw err;
    }
  }

  private async discard(keys: string[]): Promise<void> {
    await Promise.allSettled(keys.map((k) => this.blobs.delete(k)));
  }
}

/** The chunks already read, then the rest of the (paused) stream. */
async function* headThenRest(head: readonly Uint8Array[], rest: Readable): AsyncGenerator<Uint8Array> {
  yield* head;
  yield* rest;
}

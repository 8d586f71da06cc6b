import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { BlobStore } from '../storage/blob-store.js';
import type { IngestCommitter } from '../storage/ingest-commit.js';
import { decodedBody } from './body-stream.js';
import { IngestError } from './errors.js';
import { identityFrom } from './fields.js';
import type { IngestLimits } from './limits.js';
import { DUMP_FIELD, receiveMultipart, type ReceivedFile } from './multipart.js';
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
    private readonly committer: IngestCommitter,
    private readonly limits: IngestLimits,
  ) {}

  async receive(req: IntakeRequest): Promise<Accepted> {
    const id = randomUUID();
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    const keyOf = (index: number): string => `dumps/${day}/${id}.${index}`;
    const body = decodedBody(req.body, req.headers, this.limits);
    const contentType = String(req.headers['content-type'] ?? '');

    let fields: Record<string, string>;
    let files: ReceivedFile[];
    if (/^multipart\/form-data/i.test(contentType)) {
      const written: string[] = [];
      try {
        ({ fields, files } = await receiveMultipart(body, contentType, this.limits, async (index, _field, stream) => {
          const key = keyOf(index);
          written.push(key);
          return { key, size: await this.blobs.write(key, stream) };
        }));
      } catch (err) {
        await this.discard(written);
        throw err;
      }
    } else {
      fields = { ...req.query };
      const key = keyOf(0);
      try {
        files = [{ field: DUMP_FIELD, filename: '', key, size: await this.blobs.write(key, body) }];
      } catch (err) {
        await this.discard([key]);
        throw err instanceof IngestError ? err : new IngestError('CULPRIT_ERR_BAD_MULTIPART', 400, `the body could not be read: ${(err as Error).message}.`);
      }
    }

    const keys = files.map((f) => f.key);
    try {
      const dump = files.find((f) => f.field === DUMP_FIELD) ?? files[0] ?? filelessDump(fields);
      if (!dump) throw new IngestError('CULPRIT_ERR_NO_DUMP', 400, `no file part: send the dump as '${DUMP_FIELD}'.`);
      if (dump.size === 0 && !isFileless(dump)) throw new IngestError('CULPRIT_ERR_EMPTY_DUMP', 400, 'the dump is empty.');
      const who = identityFrom(fields);
      req.authorize?.(who.product);
      const attachments = files.filter((f) => f !== dump).map((f) => ({ name: f.field, filename: f.filename, key: f.key, size: f.size }));
      await this.committer.commit(
        {
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
          attachments: JSON.stringify(attachments),
          dump_key: dump.key,
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
        keys,
      );
      return { id, bytes: files.reduce((n, f) => n + f.size, 0) };
    } catch (err) {
      await this.discard(keys);
      throw err;
    }
  }

  private async discard(keys: string[]): Promise<void> {
    await Promise.allSettled(keys.map((k) => this.blobs.delete(k)));
  }
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from '../src/io/byte-source.js';

const BLOCK = 64 * 1024;
const MAX_BLOCKS = 256; // 16 MiB of cache at most, whatever the file's size

/**
 * Reads a file lazily through its descriptor. Only the blocks the parser touches are read, and
 * a small LRU of blocks bounds memory: peak memory does not grow with the file's size.
 */
export class FileSource implements ByteSource {
  readonly size: number;
  private readonly fd: number;
  /** Where the source starts in the file: a dump kept inside a larger file (the service's intake journal). */
  private readonly base: number;
  private readonly blocks = new Map<number, Uint8Array>();
  /** The block read last: most reads fall in it, and then the LRU order needs no update. */
  private lastIndex = -1;
  private lastBlock: Uint8Array | null = null;

  /** `window` limits the source to `length` bytes from `offset` of the file (clipped to the file's end). */
  constructor(path: string, window?: { offset: number; length: number }) {
    this.fd = openSync(path, 'r');
    const fileSize = fstatSync(this.fd).size;
    this.base = Math.min(window?.offset ?? 0, fileSize);
    this.size = window ? Math.max(0, Math.min(window.length, fileSize - this.base)) : fileSize;
  }

  read(offset: number, length: number): Uint8Array {
    if (offset >= this.size || length <= 0) return new Uint8Array(0);
    const end = Math.min(this.size, offset + length);
    const first = Math.floor(offset / BLOCK);
    const last = Math.floor((end - 1) / BLOCK);
    if (first === last) {
      const block = this.block(first);
      return block.subarray(offset - first * BLOCK, end - first * BLOCK);
    }
    // Spans blocks: large reads (a stack, a text stream) go straight to the file.
    const out = new Uint8Array(end - offset);
    let done = 0;
    while (done < out.length) {
      const n = readSync(this.fd, out, done, out.length - done, this.base + offset + done);
      if (n <= 0) break;
      done += n;
    }
    return out.subarray(0, done);
  }

  private block(index: number): Uint8Array {
    if (index === this.lastIndex && this.lastBlock !== null) return this.lastBlock;
    const hit = this.blocks.get(index);
    if (hit) {
      this.blocks.delete(index);
      this.blocks.set(index, hit);
      this.lastIndex = index;
      this.lastBlock = hit;
      return hit;
    }
    const start = index * BLOCK;
    const buf = new Uint8Array(Math.min(BLOCK, this.size - start));
    let done = 0;
    while (done < buf.length) {
      const n = readSync(this.fd, buf, done, buf.length - done, this.base + start + done);
      if (n <= 0) break;
      done += n;
    }
    const block = buf.subarray(0, done);
    this.blocks.set(index, block);
    this.lastIndex = index;
    this.lastBlock = block;
    if (this.blocks.size > MAX_BLOCKS) {
      const oldest = this.blocks.keys().next().value as number;
      this.blocks.delete(oldest);
    }
    return block;
  }

  close(): void {
    closeSync(this.fd);
    this.blocks.clear();
    this.lastBlock = null;
  }
}

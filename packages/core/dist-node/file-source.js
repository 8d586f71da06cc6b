import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
const BLOCK = 64 * 1024;
const MAX_BLOCKS = 256; // 16 MiB of cache at most, whatever the file's size
/**
 * Reads a file lazily through its descriptor. Only the blocks the parser touches are read, and
 * a small LRU of blocks bounds memory: peak memory does not grow with the file's size.
 */
export class FileSource {
    size;
    fd;
    blocks = new Map();
    constructor(path) {
        this.fd = openSync(path, 'r');
        this.size = fstatSync(this.fd).size;
    }
    read(offset, length) {
        if (offset >= this.size || length <= 0)
            return new Uint8Array(0);
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
            const n = readSync(this.fd, out, done, out.length - done, offset + done);
            if (n <= 0)
                break;
            done += n;
        }
        return out.subarray(0, done);
    }
    block(index) {
        const hit = this.blocks.get(index);
        if (hit) {
            this.blocks.delete(index);
            this.blocks.set(index, hit);
            return hit;
        }
        const start = index * BLOCK;
        const buf = new Uint8Array(Math.min(BLOCK, this.size - start));
        let done = 0;
        while (done < buf.length) {
            const n = readSync(this.fd, buf, done, buf.length - done, start + done);
            if (n <= 0)
                break;
            done += n;
        }
        const block = buf.subarray(0, done);
        this.blocks.set(index, block);
        if (this.blocks.size > MAX_BLOCKS) {
            const oldest = this.blocks.keys().next().value;
            this.blocks.delete(oldest);
        }
        return block;
    }
    close() {
        closeSync(this.fd);
        this.blocks.clear();
    }
}
//# sourceMappingURL=file-source.js.map
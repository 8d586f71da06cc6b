import type { ByteSource } from '../src/io/byte-source.js';
/**
 * Reads a file lazily through its descriptor. Only the blocks the parser touches are read, and
 * a small LRU of blocks bounds memory: peak memory does not grow with the file's size.
 */
export declare class FileSource implements ByteSource {
    readonly size: number;
    private readonly fd;
    private readonly blocks;
    constructor(path: string);
    read(offset: number, length: number): Uint8Array;
    private block;
    close(): void;
}
//# sourceMappingURL=file-source.d.ts.map
export interface WriterOptions {
    bigEndian?: boolean;
}
export interface TestThread {
    id: number;
    /** x86 registers written into a 716-byte CONTEXT. */
    eip: number;
    esp: number;
    ebp: number;
    stack: Uint8Array;
    stackStart: bigint;
}
export interface TestModule {
    base: bigint;
    size: number;
    name: string;
    version?: [number, number, number, number];
    pdb?: {
        guid: [number, number, number, Uint8Array];
        age: number;
        file: string;
    };
}
export interface TestDump {
    threads: TestThread[];
    modules: TestModule[];
    exception?: {
        threadId: number;
        code: number;
        address: bigint;
        params: bigint[];
    };
    /** Extra raw streams (type → bytes), e.g. unknown types. */
    extra?: {
        type: number;
        bytes: Uint8Array;
    }[];
}
/** Writes an x86 Windows minidump with the given threads, modules and exception. */
export declare function writeTestMinidump(dump: TestDump, opts?: WriterOptions): Uint8Array;
//# sourceMappingURL=minidump-writer.d.ts.map
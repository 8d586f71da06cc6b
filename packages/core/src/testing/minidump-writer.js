// Test-only minidump writer. It deliberately shares no layouts or constants with the parser
// (formats/minidump): offsets are written out here from the Microsoft and Breakpad headers, so a
// layout mistake cannot hide on both sides. Writes little- or big-endian ('PMDM') files.
/** A growable byte buffer with typed writes in one byte order. */
class Out {
    le;
    bytes = new Uint8Array(4096);
    length = 0;
    constructor(le) {
        this.le = le;
    }
    grow(n) {
        while (this.length + n > this.bytes.length) {
            const b = new Uint8Array(this.bytes.length * 2);
            b.set(this.bytes);
            this.bytes = b;
        }
    }
    dv() {
        return new DataView(this.bytes.buffer);
    }
    align(n) {
        while (this.length % n)
            this.u8(0);
    }
    u8(v) {
        this.grow(1);
        this.bytes[this.length] = v;
        return this.length++;
    }
    u16(v) {
        this.grow(2);
        this.dv().setUint16(this.length, v, this.le);
        const at = this.length;
        this.length += 2;
        return at;
    }
    u32(v) {
        this.grow(4);
        this.dv().setUint32(this.length, v >>> 0, this.le);
        const at = this.length;
        this.length += 4;
        return at;
    }
    u64(v) {
        this.grow(8);
        this.dv().setBigUint64(this.length, v, this.le);
        const at = this.length;
        this.length += 8;
        return at;
    }
    raw(b) {
        this.grow(b.length);
        this.bytes.set(b, this.length);
        const at = this.length;
        this.length += b.length;
        return at;
    }
    zeros(n) {
        this.grow(n);
        const at = this.length;
        this.length += n;
        return at;
    }
    patch32(at, v) {
        this.dv().setUint32(at, v >>> 0, this.le);
    }
    /** MINIDUMP_STRING: byte length, UTF-16 code units in this byte order, NUL. */
    string(s) {
        this.align(4);
        const at = this.u32(s.length * 2);
        for (const ch of s)
            this.u16(ch.charCodeAt(0));
        this.u16(0);
        return at;
    }
}
/** Writes an x86 Windows minidump with the given threads, modules and exception. */
export function writeTestMinidump(dump, opts = {}) {
    const o = new Out(!opts.bigEndian);
    const streams = [];
    // Header (32 bytes); directory follows at 32.
    o.u32(0x504d444d);
    o.u32(0xa793);
    const count = 4 + (dump.exception ? 1 : 0) + (dump.extra?.length ?? 0);
    o.u32(count);
    o.u32(32);
    o.u32(0);
    o.u32(0x5f000000);
    o.u64(0n);
    const dirAt = o.zeros(count * 12);
    // SystemInfo: x86, family 6 model 0x9e stepping 10, Windows NT 10.0.19045, "GenuineIntel".
    const csd = o.string('');
    o.align(4);
    let at = o.u16(0);
    o.u16(6);
    o.u16(0x9e0a);
    o.u8(8);
    o.u8(1);
    o.u32(10);
    o.u32(0);
    o.u32(19045);
    o.u32(2);
    o.u32(csd);
    o.u16(0);
    o.u16(0);
    // Vendor id bytes are register contents, written as bytes whatever the file's byte order.
    o.raw(new TextEncoder().encode('GenuineIntel'));
    o.u32(0);
    o.u32(0);
    o.u32(0);
    streams.push({ type: 7, at, size: 56 });
    // Contexts and stacks first, so the thread list can point at them.
    const ctxAt = [];
    const stackAt = [];
    for (const t of dump.threads) {
        o.align(8);
        stackAt.push(o.raw(t.stack));
        o.align(4);
        const c = o.zeros(716);
        o.patch32(c, 0x0001003f);
        o.patch32(c + 184, t.eip);
        o.patch32(c + 196, t.esp);
        o.patch32(c + 180, t.ebp);
        ctxAt.push(c);
    }
    o.align(4);
    at = o.u32(dump.threads.length);
    dump.threads.forEach((t, i) => {
        o.u32(t.id);
        o.u32(0);
        o.u32(0);
        o.u32(0);
        o.u64(0n);
        o.u64(t.stackStart);
        o.u32(t.stack.length);
        o.u32(stackAt[i]);
        o.u32(716);
        o.u32(ctxAt[i]);
    });
    streams.push({ type: 3, at, size: 4 + dump.threads.length * 48 });
    // Modules: names and CodeView records, then the list.
    const names = dump.modules.map((m) => o.string(m.name));
    const cvs = dump.modules.map((m) => {
        if (!m.pdb)
            return { at: 0, size: 0 };
        o.align(4);
        const start = o.length;
        o.u32(0x53445352); // MD_CVINFOPDB70_SIGNATURE, a u32 in the writer's byte order
        o.u32(m.pdb.guid[0]);
        o.u16(m.pdb.guid[1]);
        o.u16(m.pdb.guid[2]);
        o.raw(m.pdb.guid[3]);
        o.u32(m.pdb.age);
        o.raw(new TextEncoder().encode(m.pdb.file + '\0'));
        return { at: start, size: o.length - start };
    });
    o.align(4);
    at = o.u32(dump.modules.length);
    dump.modules.forEach((m, i) => {
        o.u64(m.base);
        o.u32(m.size);
        o.u32(0);
        o.u32(0x12345678);
        o.u32(names[i]);
        // VS_FIXEDFILEINFO
        const v = m.version;
        o.u32(v ? 0xfeef04bd : 0);
        o.u32(v ? 0x00010000 : 0);
        o.u32(v ? (v[0] << 16) | v[1] : 0);
        o.u32(v ? (v[2] << 16) | v[3] : 0);
        o.zeros(36);
        o.u32(cvs[i].size);
        o.u32(cvs[i].at);
        o.u32(0);
        o.u32(0);
        o.u64(0n);
        o.u64(0n);
    });
    streams.push({ type: 4, at, size: 4 + dump.modules.length * 108 });
    // Memory list: the thread stacks.
    o.align(4);
    at = o.u32(dump.threads.length);
    dump.threads.forEach((t, i) => {
        o.u64(t.stackStart);
        o.u32(t.stack.length);
        o.u32(stackAt[i]);
    });
    streams.push({ type: 5, at, size: 4 + dump.threads.length * 16 });
    if (dump.exception) {
        const e = dump.exception;
        const t = dump.threads.findIndex((x) => x.id === e.threadId);
        o.align(4);
        at = o.u32(e.threadId);
        o.u32(0);
        o.u32(e.code);
        o.u32(0);
        o.u64(0n);
        o.u64(e.address);
        o.u32(e.params.length);
        o.u32(0);
        for (let i = 0; i < 15; i++)
            o.u64(e.params[i] ?? 0n);
        o.u32(716);
        o.u32(ctxAt[t] ?? 0);
        streams.push({ type: 6, at, size: 168 });
    }
    for (const x of dump.extra ?? []) {
        o.align(4);
        streams.push({ type: x.type, at: o.raw(x.bytes), size: x.bytes.length });
    }
    streams.forEach((s, i) => {
        o.patch32(dirAt + i * 12, s.type);
        o.patch32(dirAt + i * 12 + 4, s.size);
        o.patch32(dirAt + i * 12 + 8, s.at);
    });
    return o.bytes.slice(0, o.length);
}
//# sourceMappingURL=minidump-writer.js.map
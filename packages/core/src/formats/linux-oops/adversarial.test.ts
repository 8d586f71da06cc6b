// Damaged and hostile logs: huge lines, millions of lines, binary noise, endless reports and
// traces. Bounded means: the named limits in limits.ts hold and are reported as warnings.
// No timing assertions (see STYLE.md); the work per line is constant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ByteSource } from '../../io/byte-source.js';
import { BufferSource } from '../../io/byte-source.js';
import { readCorpus } from '../../testing/corpus.js';
import { OOPS_LIMITS } from './limits.js';
import { linuxKernelLogReader, readKernelLog } from './reader.js';
import type { KernelLogDetails } from './to-crash-report.js';

const enc = new TextEncoder();
const OOPS = readCorpus('oops', 'satyr', 'rhbz-865695-2.txt');

/** Several sources one after the other, without copying them into one buffer. */
class ConcatSource implements ByteSource {
  readonly size: number;
  constructor(private readonly parts: ByteSource[]) {
    this.size = parts.reduce((n, p) => n + p.size, 0);
  }
  read(offset: number, length: number): Uint8Array {
    const out = new Uint8Array(Math.max(0, Math.min(length, this.size - offset)));
    let filled = 0;
    let base = 0;
    for (const p of this.parts) {
      if (filled >= out.length) break;
      const at = offset + filled;
      if (at < base + p.size) {
        const chunk = p.read(at - base, out.length - filled);
        out.set(chunk, filled);
        filled += chunk.length;
      }
      base += p.size;
    }
    return out;
  }
}

/** `count` copies of one line, produced on demand (a 100 MB log that is never in memory). */
class RepeatSource implements ByteSource {
  readonly size: number;
  constructor(private readonly unit: Uint8Array, count: number) {
    this.size = unit.length * count;
  }
  read(offset: number, length: number): Uint8Array {
    const n = Math.max(0, Math.min(length, this.size - offset));
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.unit[(offset + i) % this.unit.length];
    return out;
  }
}

const details = (r: ReturnType<typeof readKernelLog>) => r.details['linux-kernel-log'] as KernelLogDetails;

test('a 64 MiB line without newline costs one line head and is reported as cut', () => {
  const huge = new RepeatSource(enc.encode('A'), 64 * 1024 * 1024);
  const report = readKernelLog(new ConcatSource([huge, new BufferSource(enc.encode('\n')), new BufferSource(OOPS)]));
  const d = details(report);
  assert.equal(d.reports.length, 1);
  assert.equal(d.reports[0].title, 'kernel BUG in wdev_priv.part.8');
  assert.equal(d.scan.cutLines, 1);
  assert.ok(report.warnings.some((w) => /longer than 4096 bytes were cut/.test(w.message)));
});

test('three million lines of dmesg noise before the oops: scanned line by line, oops found', () => {
  const noise = new RepeatSource(enc.encode('[    1.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd\n'), 3_000_000);
  const report = readKernelLog(new ConcatSource([noise, new BufferSource(OOPS)]));
  const d = details(report);
  assert.equal(d.scan.lines, 3_000_000 + 46);
  assert.equal(d.reports.length, 1);
  assert.equal(d.reports[0].firstLine, 3_000_001);
  assert.equal(report.culprit?.name, 'wl');
});

test('binary noise: not sniffed as a log, but a direct read survives and flags the noise', () => {
  let seed = 12345;
  const junk = new Uint8Array(2 * 1024 * 1024);
  for (let i = 0; i < junk.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    junk[i] = seed >>> 24;
  }
  const bytes = new Uint8Array(junk.length + OOPS.length + 1);
  bytes.set(junk);
  bytes[junk.length] = 0x0a;
  bytes.set(OOPS, junk.length + 1);
  assert.equal(linuxKernelLogReader.sniff(bytes.subarray(0, 64 * 1024)), false);
  const report = readKernelLog(new BufferSource(bytes));
  assert.ok(details(report).reports.some((r) => r.title === 'kernel BUG in wdev_priv.part.8'));
  assert.ok(report.warnings.some((w) => /control or binary bytes/.test(w.message)));
});

test('more reports than the limit: the first ones are kept, the rest counted', () => {
  const one = enc.encode('general protection fault: 0000 [#1] SMP\nCall Trace:\n [<ffffffff81000000>] foo+0x1/0x2\n---[ end trace 0 ]---\n');
  const report = readKernelLog(new RepeatSource(one, OOPS_LIMITS.reports + 50));
  const d = details(report);
  assert.equal(d.reports.length, OOPS_LIMITS.reports);
  assert.equal(d.scan.droppedReports, 50);
  assert.ok(report.warnings.some((w) => /50 reports beyond the first 200/.test(w.message)));
});

test('an endless call trace is cut at the per-report limits', () => {
  const head = new BufferSource(enc.encode('BUG: unable to handle kernel NULL pointer dereference at 0000000000000000\nCall Trace:\n'));
  const frames = new RepeatSource(enc.encode(' [<ffffffff81000000>] foo+0x1/0x2\n'), 100_000);
  const report = readKernelLog(new ConcatSource([head, frames]));
  const d = details(report);
  assert.ok(d.reports.length >= 1);
  for (const r of d.reports) {
    assert.ok(r.frames.length <= OOPS_LIMITS.framesPerReport);
    assert.ok(r.lineCount <= OOPS_LIMITS.linesPerReport);
  }
  assert.ok(report.warnings.some((w) => /longer than 2000 lines|more than 1000 frames/.test(w.message)));
});

test('a report never closed by an end marker ends after a bounded run of unrelated lines', () => {
  const log = enc.encode(
    'general protection fault: 0000 [#1] SMP\nCall Trace:\n [<ffffffff81000000>] foo+0x1/0x2\n' +
      'systemd[1]: Started Session 3.\n'.repeat(1000),
  );
  const d = details(readKernelLog(new BufferSource(log)));
  assert.equal(d.reports.length, 1);
  assert.equal(d.reports[0].lastLine, 3);
  assert.ok(d.reports[0].noiseLines <= OOPS_LIMITS.noiseLinesInReport + 1);
});

test('lying numbers and malformed frames do not throw', () => {
  const log = enc.encode(
    [
      'Oops: 0000 [#99999999999999999999999] SMP',
      'CPU: 99999999999999999999 PID: -1 Comm: x Tainted: ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ 1.2.3 #1',
      'RIP: 0010:[<ffffffffffffffffffffffffffff>] foo+0xfffffffffffffffffffff/0x1',
      'Call Trace:',
      ' [<ffffffffffffffffffffff>] bar+0x1/0x2',
      ' ? +0x/0x',
      ' [<>] (x) from [<>] (y+0x1/0x2)',
      '( [<1>] ',
      ' <IRQ> <NMI> </IRQ> <<EOE>> baz+0x1/0x2 [m',
      'Modules linked in: a(PPPPPPPPPPPPPPPPPPPPPPPPPP) b( c) [last unloaded:',
      '---[ end trace ]---',
    ].join('\n'),
  );
  const report = readKernelLog(new BufferSource(log));
  assert.equal(report.kind, 'linux-kernel-log');
  assert.ok(details(report).reports.length >= 1);
});

test('empty and marker-free input gives an empty report with a warning, not an exception', () => {
  for (const text of ['', '\n\n\n', 'hello world\n']) {
    const report = readKernelLog(new BufferSource(enc.encode(text)));
    assert.equal(report.crash, null);
    assert.ok(report.warnings.some((w) => /no oops/.test(w.message)));
  }
});

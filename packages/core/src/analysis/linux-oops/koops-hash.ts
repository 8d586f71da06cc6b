import type { FaultingInstruction, KernelFrame, OopsReport } from '../../formats/linux-oops/types.js';
import { sha1HexOfText as sha1Hex } from '../../hash/sha1.js';

/**
 * satyr's duplicate hash for kernel oopses (lib/generic_thread.c `sr_thread_get_duphash`,
 * lib/koops_frame.c `koops_append_duphash_text`, lib/normalize.c `sr_normalize_koops_stacktrace`)
 * and the way ABRT calls it (src/lib/kernel.c `koops_hash_str`, abrt-action-analyze-oops):
 *
 *   ABRT:  first 6 *reliable* frames, not normalized, no prefix: "func\n" per frame (a frame
 *          without a name contributes "0x<address>\n"); SHA-1 hex. When no frame is reliable
 *          ABRT retries with satyr's defaults and a frame limit of -1, which hashes "Thread\n" alone.
 *   satyr default (`Kerneloops.get_duphash()`): normalized, "Thread\n" prefix, every frame.
 *
 * The frame list is satyr's: the IP frame (`RIP: 0010:[<a>]  [<a>] f`, `EIP: [<a>] f`) first,
 * then every call-trace line in log order.
 */
export interface SatyrFrame {
  address: bigint;
  reliable: boolean;
  function?: string;
  module?: string;
}

export interface KoopsHashes {
  /** ABRT's DUPHASH/UUID for this oops. */
  abrt: string;
  /** The text ABRT hashes ("Thread\n" on the fallback path). */
  abrtText: string;
  /** True when no reliable frame existed and ABRT's fallback was used. */
  abrtFallback: boolean;
  /** satyr's default duphash (normalized, all frames). */
  satyr: string;
}

export function satyrFrames(report: OopsReport, ip: FaultingInstruction | undefined): SatyrFrame[] {
  const frames: SatyrFrame[] = [];
  if (ip) frames.push({ address: ip.address ?? 0n, reliable: ip.reliable, function: ip.function, module: ip.module });
  for (const f of report.frames) frames.push(fromKernelFrame(f));
  return frames;
}

function fromKernelFrame(f: KernelFrame): SatyrFrame {
  return { address: f.address ?? 0n, reliable: f.reliable, function: f.function, module: f.module };
}

export function duphashText(frames: SatyrFrame[], opts: { maxFrames: number; koopsCompat: boolean; normalize: boolean }): string {
  let list = frames;
  if (opts.normalize) list = normalizeKoops(list);
  let text = opts.koopsCompat ? '' : 'Thread\n';
  // satyr: nframes == 0 means unlimited; a negative count takes no frame at all.
  let left = opts.maxFrames === 0 ? Number.MAX_SAFE_INTEGER : opts.maxFrames;
  for (const f of list) {
    if (left <= 0) break;
    if (opts.koopsCompat && !f.reliable) continue;
    text += f.function !== undefined ? `${f.function}\n` : `0x${f.address.toString(16)}\n`;
    left--;
  }
  return text;
}

export function koopsHashes(frames: SatyrFrame[]): KoopsHashes {
  const compat = duphashText(frames, { maxFrames: 6, koopsCompat: true, normalize: false });
  const fallback = compat.length === 0;
  const abrtText = fallback ? duphashText(frames, { maxFrames: -1, koopsCompat: false, normalize: true }) : compat;
  return {
    abrt: sha1Hex(abrtText),
    abrtText,
    abrtFallback: fallback,
    satyr: sha1Hex(duphashText(frames, { maxFrames: 0, koopsCompat: false, normalize: true })),
  };
}

/** Frames satyr drops when normalizing, unless they belong to a module (normalize.c). */
const NORMALIZE_DROP = new Set([
  'do_softirq',
  'do_vfs_ioctl',
  'dump_stack',
  'flush_kthread_worker',
  'gs_change',
  'irq_exit',
  'kernel_thread_helper',
  'kthread',
  'process_one_work',
  'system_call_fastpath',
  'warn_slowpath_common',
  'warn_slowpath_fmt',
  'warn_slowpath_fmt_taint',
  'warn_slowpath_null',
  'worker_thread',
]);

/** satyr strips the `.isra.0` / `.part.8` suffix, then drops the generic frames above. */
export function normalizeKoops(frames: SatyrFrame[]): SatyrFrame[] {
  return frames
    .map((f) => (f.function && f.function.includes('.') ? { ...f, function: f.function.slice(0, f.function.indexOf('.')) } : f))
    .filter((f) => f.module !== undefined || f.function === undefined || !NORMALIZE_DROP.has(f.function));
}

/**
 * From Culprit's CrashReport to the crash data signature generation reads — the part of Socorro's
 * convert_to_crash_data (socorro/signature/utils.py) that takes a minidump-stackwalk JSON dump,
 * plus the annotations Socorro's processor turns into crash data fields.
 */
import type { Annotation, CrashReport, Frame, ThreadReport } from '../../report/model.js';
import type { SignatureCrashData, SignatureFrame, SignatureThread, SignatureUnloadedModule } from './crash-data.js';
import { SIGNATURE_LIMITS } from './limits.js';
import { hex, moduleFileName } from './module-name.js';

/** Crash data fields filled from annotations, by annotation key as Firefox and Crashpad spell them. */
const ANNOTATION_FIELDS: Readonly<Record<string, keyof SignatureCrashData>> = {
  OOMAllocationSize: 'oom_allocation_size',
  JSLargeAllocationFailure: 'js_large_allocation_failure',
  AbortMessage: 'abort_message',
  AsyncShutdownTimeout: 'async_shutdown_timeout',
  ipc_channel_error: 'ipc_channel_error',
  IPCMessageName: 'ipc_message_name',
  additional_minidumps: 'additional_minidumps',
  MozCrashReason: 'moz_crash_reason',
};

/** Win32 last-error names the OOM rule looks for (winerror.h); others are written as hex. */
const LAST_ERROR_NAMES: ReadonlyMap<number, string> = new Map([
  [8, 'ERROR_NOT_ENOUGH_MEMORY'],
  [14, 'ERROR_OUTOFMEMORY'],
  [1455, 'ERROR_COMMITMENT_LIMIT'],
]);

/** Matches annotation keys whatever their case and underscores ('AbortMessage', 'abort_message'). */
function keyOf(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}
const FIELD_BY_KEY = new Map(Object.entries(ANNOTATION_FIELDS).map(([k, field]) => [keyOf(k), field]));

function annotationFields(annotations: readonly Annotation[]): Partial<SignatureCrashData> {
  const out: Record<string, string> = {};
  for (const a of annotations) {
    if (a.module !== undefined) continue; // per-module annotations describe a module, not the crash
    const field = FIELD_BY_KEY.get(keyOf(a.key));
    if (field && !(field in out)) out[field] = a.value;
  }
  return out as Partial<SignatureCrashData>;
}

function frameOf(report: CrashReport, frame: Frame): SignatureFrame {
  const module = frame.module !== undefined ? report.modules[frame.module] : undefined;
  const out: SignatureFrame = {
    module: module ? moduleFileName(module.codeFile) : null,
    function: frame.function ?? null,
    file: frame.file ?? null,
    line: frame.line ?? null,
    module_offset: module && frame.moduleOffset !== undefined ? hex(frame.moduleOffset) : null,
    offset: hex(frame.instruction),
  };
  // Innermost first, as minidump-stackwalk lists them and as the report model keeps them.
  if (frame.inlines && frame.inlines.length > 0) {
    out.inlines = frame.inlines.map((i) => ({ function: i.function, file: i.file ?? null, line: i.line ?? null }));
  }
  if (!module && frame.unloadedModules && frame.unloadedModules.length > 0) {
    const byName = new Map<string, SignatureUnloadedModule>();
    for (const u of frame.unloadedModules) {
      const name = moduleFileName(u.name);
      const entry = byName.get(name) ?? { module: name, offsets: [] };
      entry.offsets!.push(hex(u.offset));
      byName.set(name, entry);
    }
    out.unloaded_modules = [...byName.values()];
  }
  return out;
}

function threadOf(report: CrashReport, thread: ThreadReport): SignatureThread {
  // Generation looks at no more than framesConsidered frames (inlined calls count), so no more are copied.
  const frames = thread.frames.slice(0, SIGNATURE_LIMITS.framesConsidered).map((f) => frameOf(report, f));
  const out: SignatureThread = { frames, thread_name: thread.name ?? null, frame_count: thread.frames.length };
  if (thread.lastErrorValue !== undefined) {
    out.last_error_value = LAST_ERROR_NAMES.get(thread.lastErrorValue) ?? hex(thread.lastErrorValue >>> 0);
  }
  return out;
}

export function crashDataFromReport(report: CrashReport): SignatureCrashData {
  // Only the crashing thread and thread 0 (shutdown hangs) are read; the others stay empty so the
  // indices still line up.
  const wanted = new Set([0, report.crashingThread ?? 0]);
  const threads = report.threads.map((t, i) => (wanted.has(i) ? threadOf(report, t) : { frames: [] }));
  const data: SignatureCrashData = {
    crashing_thread: report.crashingThread,
    reason: report.crash?.reason ?? null,
    os: report.system.os.platform,
    threads,
    ...annotationFields(report.annotations),
  };
  // With nothing to walk, say why: the first warning stands for minidump-stackwalk's status string.
  const crashing = threads[report.crashingThread ?? 0];
  if ((!crashing || crashing.frames!.length === 0) && report.warnings.length > 0) {
    data.mdsw_status_string = report.warnings[0]!.code;
  }
  return data;
}

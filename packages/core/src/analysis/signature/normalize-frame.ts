/**
 * One frame → one normalised signature part, and a thread → its list of parts. Follows Socorro's
 * CSignatureTool.normalize_frame, frame_generator and create_frame_list
 * (socorro/signature/rules.py) in the version the corpus test cases come from.
 */
import type { PatternMatcher } from './siglists.js';
import type { SignatureFrame, SignatureThread, SignatureUnloadedModule } from './crash-data.js';
import { SIGNATURE_LIMITS } from './limits.js';
import { normalizeCppFunction, normalizeRustFunction } from './normalize-function.js';

/** The fields of a frame (or of one of its inlined calls) that normalisation reads. */
export interface FrameFields {
  module?: string | null;
  function?: string | null;
  file?: string | null;
  line?: number | string | null;
  module_offset?: string | null;
  offset?: string | null;
  unloaded_modules?: SignatureUnloadedModule[] | null;
}

/**
 * The source path inside a `file` value: `hg:hg.mozilla.org/repo:js/src/jit/MIR.h:rev` →
 * `js/src/jit/MIR.h`; `c:/dir/file.cpp` → `/dir/file.cpp`; an absolute Unix path as it is; else null
 * (socorro/signature/utils.py parse_source_file).
 */
export function parseSourceFile(file: string | null | undefined): string | null {
  if (!file) return null;
  const parts = file.split(':');
  if (parts.length === 4) return parts[2]!;
  if (parts.length === 2) return parts[1]!;
  if (file.startsWith('/')) return file;
  return null;
}

/** `0x0000000000005387` → `0x5387`, as Python's hex(int(text, 16)); other text is returned as is. */
export function stripLeadingZeros(text: string): string {
  const m = /^\s*(?:0[xX])?([0-9a-fA-F]+)\s*$/.exec(text);
  if (!m) return text;
  return `0x${BigInt(`0x${m[1]!}`).toString(16)}`;
}

function present(value: number | string | null | undefined): boolean {
  return value !== undefined && value !== null && value !== '' && value !== 0;
}

export function normalizeFrame(frame: FrameFields, lineNumbers: PatternMatcher): string {
  const { module, function: fn, file, line, module_offset: moduleOffset, offset } = frame;
  if (typeof fn === 'string' && fn !== '') {
    // Rust frames are told apart by their source file.
    if ((parseSourceFile(file) ?? '').endsWith('.rs')) return normalizeRustFunction(fn, line, lineNumbers);
    return normalizeCppFunction(fn, line, lineNumbers);
  }
  // No function name: the source file's base name and the line.
  if (typeof file === 'string' && file !== '' && present(line)) {
    const trimmed = file.slice(0, SIGNATURE_LIMITS.functionChars).replace(/[/\\]+$/, '');
    const base = trimmed.includes('\\') ? trimmed.slice(trimmed.lastIndexOf('\\') + 1) : trimmed.slice(trimmed.lastIndexOf('/') + 1);
    return `${base}#${line}`;
  }
  if (!module && !moduleOffset) {
    // Outside every loaded module: name the unloaded module that used to be there.
    const unloaded = frame.unloaded_modules?.[0]?.module;
    if (typeof unloaded === 'string' && unloaded !== '') return `(unloaded ${unloaded})`;
    if (typeof offset === 'string' && offset !== '') return `@${stripLeadingZeros(offset)}`;
  }
  // A module without symbols: its name alone, so that builds with different offsets group together.
  // Brackets go: Linux pseudo-modules such as `[vdso]` are named without them.
  if (typeof module === 'string' && module !== '') {
    return module.slice(0, SIGNATURE_LIMITS.frameChars).replace(/^[[\]]+|[[\]]+$/g, '');
  }
  // Culprit's addition for a module offset without a module name (Socorro has no case for it).
  if (typeof moduleOffset === 'string' && moduleOffset !== '') return `@${stripLeadingZeros(moduleOffset)}`;
  return '';
}

/**
 * Rust 1.34 wrote panic functions without their module path; the sentinels need it. Keyed by
 * (source file, function) — Socorro's FILE_FUNCTION_TO_FUNCTION, bug 1544246.
 */
const RUST_134_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['src/liballoc/raw_vec.rs\0capacity_overflow', 'alloc::raw_vec::capacity_overflow'],
  ['src/libcore/option.rs\0expect_failed', 'core::option::expect_failed'],
  ['src/libcore/panicking.rs\0panic_bounds_check', 'core::panicking::panic_bounds_check'],
  ['src/libcore/panicking.rs\0panic_fmt', 'core::panicking::panic_fmt'],
  ['src/libcore/panicking.rs\0panic', 'core::panicking::panic'],
  ['src/libcore/slice/mod.rs\0slice_index_order_fail', 'core::slice::slice_index_order_fail'],
  ['src/libstd/panicking.rs\0begin_panic_fmt', 'std::panicking::begin_panic_fmt'],
  ['src/libstd/panicking.rs\0continue_panic_fmt', 'std::panicking::continue_panic_fmt'],
  ['src/libstd/panicking.rs\0rust_panic_with_hook', 'std::panicking::rust_panic_with_hook'],
]);

export function fixMissingRustModule(frame: FrameFields): FrameFields {
  if (typeof frame.function !== 'string') return frame;
  const fixed = RUST_134_FUNCTIONS.get(`${parseSourceFile(frame.file) ?? ''}\0${frame.function}`);
  return fixed ? { ...frame, function: fixed } : frame;
}

// Frames come from JSON and annotations: fields of the wrong type are treated as missing.
function isRecord<T>(value: T): value is T & object {
  return typeof value === 'object' && value !== null;
}
function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
function lineOf(value: unknown): number | string | null {
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

/**
 * The frames signature generation sees: each inlined call (innermost first, as listed) before the
 * physical frame that holds it, all with the physical frame's module and offsets. Stops after
 * `limit` frames.
 */
export function expandFrames(frames: readonly SignatureFrame[], limit: number = SIGNATURE_LIMITS.framesConsidered): FrameFields[] {
  const out: FrameFields[] = [];
  for (const frame of frames) {
    if (out.length >= limit) break;
    if (!isRecord(frame)) {
      out.push({}); // a damaged frame still takes its place in the stack
      continue;
    }
    const module = str(frame.module);
    const moduleOffset = str(frame.module_offset);
    const offset = str(frame.offset);
    for (const inline of Array.isArray(frame.inlines) ? frame.inlines : []) {
      if (out.length >= limit) break;
      if (!isRecord(inline)) continue;
      out.push({ module, function: str(inline.function), file: str(inline.file), line: lineOf(inline.line), module_offset: moduleOffset, offset });
    }
    if (out.length >= limit) break;
    out.push({
      module,
      function: str(frame.function),
      file: str(frame.file),
      line: lineOf(frame.line),
      module_offset: moduleOffset,
      offset,
      // Unloaded modules only concern addresses outside loaded modules, never inlined calls.
      unloaded_modules: Array.isArray(frame.unloaded_modules) ? frame.unloaded_modules.filter(isRecord) : null,
    });
  }
  return out;
}

export interface FrameListOptions {
  /** Socorro lower-cases module names for 'Windows NT' (file names are case-insensitive there). */
  lowercaseModules: boolean;
  lineNumbers: PatternMatcher;
}

/** The normalised signature parts of a thread's frames (Socorro's create_frame_list). */
export function normalizedFrames(thread: SignatureThread | undefined, options: FrameListOptions): string[] {
  const frames = Array.isArray(thread?.frames) ? thread.frames : [];
  return expandFrames(frames).map((raw) => {
    let frame = fixMissingRustModule(raw);
    if (options.lowercaseModules && typeof frame.module === 'string') frame = { ...frame, module: frame.module.toLowerCase() };
    return normalizeFrame(frame, options.lineNumbers).slice(0, SIGNATURE_LIMITS.frameChars);
  });
}

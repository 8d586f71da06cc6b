/**
 * Rules that read what the crash reason and the crash annotations say: out of memory, aborts,
 * bad hardware, stack overflows, shutdown timeouts, IPC errors. Each follows the Socorro rule of
 * the same name (socorro/signature/rules.py; bug numbers are Mozilla's).
 */
import { SIGNATURE_LIMITS } from '../limits.js';
import { crashingThreadIndex, text, type SignatureRule } from './rule.js';
import { dropNonPrintable } from './finishing-rules.js';

/** bug 1733904: `bad hardware | …` when the reason says the device returned a data error. */
export const badHardware: SignatureRule = {
  name: 'BadHardware',
  predicate: (data) => (text(data.reason) ?? '').includes('STATUS_DEVICE_DATA_ERROR'),
  action(_data, result) {
    result.setSignature(this.name, `bad hardware | ${result.signature}`);
  },
};

const OOM_SIGNATURE_FRAGMENTS = ['NS_ABORT_OOM', 'mozalloc_handle_oom', 'CrashAtUnhandlableOOM', 'AutoEnterOOMUnsafeRegion', 'alloc::oom::oom'];
const OOM_REASONS = new Set(['STATUS_FATAL_MEMORY_EXHAUSTION', 'STATUS_NO_MEMORY']);
const OOM_LAST_ERRORS = new Set(['ERROR_COMMITMENT_LIMIT', 'ERROR_NOT_ENOUGH_MEMORY']);
/** Allocations up to 256 KiB fail only when memory is exhausted everywhere: one bucket for all. */
const SMALL_OOM_BYTES = 262144;

/** bug 1007530: `OOM | small`, `OOM | large | …` or `OOM | unknown | …` for out-of-memory crashes. */
export const oomSignature: SignatureRule = {
  name: 'OOMSignature',
  predicate(data, result) {
    const size = data.oom_allocation_size;
    if ((typeof size === 'number' && size !== 0) || (typeof size === 'string' && size !== '')) return true;
    if (data.js_large_allocation_failure === 'Reporting') return true;
    const thread = Array.isArray(data.threads) ? data.threads[crashingThreadIndex(data)] : undefined;
    if (thread && OOM_LAST_ERRORS.has(text(thread.last_error_value) ?? '')) return true;
    if (OOM_REASONS.has(text(data.reason) ?? '')) return true;
    return OOM_SIGNATURE_FRAGMENTS.some((f) => result.signature.includes(f));
  },
  action(data, result) {
    const size = oomSize(data.oom_allocation_size);
    if (size === null) result.setSignature(this.name, `OOM | unknown | ${result.signature}`);
    else if (size <= SMALL_OOM_BYTES) result.setSignature(this.name, 'OOM | small');
    else result.setSignature(this.name, `OOM | large | ${result.signature}`);
  },
};

/** An allocation size as Python's int() reads it (a number or a decimal string), else null. */
function oomSize(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return null;
}

/**
 * bug 803779: `Abort | <message> | …`. The message loses its process prefix (`[5392] ###!!! ABORT:`),
 * its file and line, and a font name's localised part, so that builds and locales group together.
 */
export const abortSignature: SignatureRule = {
  name: 'AbortSignature',
  predicate: (data) => text(data.abort_message) !== null,
  action(data, result) {
    let message = text(data.abort_message)!;
    if (message.includes('###!!! ABORT: file ')) {
      // Only a file name: nothing worth keeping but the marker.
      result.setSignature(this.name, `Abort | ${result.signature}`);
      return;
    }
    const marker = message.indexOf('###!!! ABORT:');
    if (marker >= 0) message = message.slice(marker + '###!!! ABORT:'.length);
    const file = message.indexOf(': file ');
    if (file >= 0) message = message.slice(0, file);
    if (message.includes('unable to find a usable font')) {
      // bug 1385966: "(微软雅黑)" and friends name the font in the user's language.
      const open = message.indexOf('(');
      const close = message.lastIndexOf(')');
      if (open >= 0 && close >= 0) message = message.slice(0, open) + message.slice(close + 1);
    }
    message = dropNonPrintable(message).trim();
    const max = SIGNATURE_LIMITS.abortMessageChars;
    if (message.length > max) message = `${message.slice(0, max - 3)}...`;
    result.setSignature(this.name, `Abort | ${message} | ${result.signature}`);
  },
};

/**
 * Replaces the signature with `AsyncShutdownTimeout | <phase> | <sorted condition names>` from the
 * AsyncShutdownTimeout annotation ({"phase": …, "conditions": [{"name": …} or "name", …]}).
 */
export const signatureShutdownTimeout: SignatureRule = {
  name: 'SignatureShutdownTimeout',
  predicate: (data) => text(data.async_shutdown_timeout) !== null,
  action(data, result) {
    const parts = ['AsyncShutdownTimeout'];
    try {
      const parsed: unknown = JSON.parse(text(data.async_shutdown_timeout)!);
      if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
      const { phase, conditions } = parsed as { phase?: unknown; conditions?: unknown };
      if (phase === undefined) throw new Error('no "phase"');
      parts.push(String(phase));
      if (!Array.isArray(conditions)) throw new Error('no "conditions" list');
      const names = conditions.slice(0, SIGNATURE_LIMITS.shutdownConditions).map((c: unknown) => {
        if (typeof c === 'object' && c !== null) {
          const name = (c as { name?: unknown }).name;
          if (name === undefined) throw new Error('a condition without "name"');
          return String(name);
        }
        return String(c);
      });
      parts.push(names.length > 0 ? names.sort().join(',') : '(none)');
    } catch (error) {
      parts.push('UNKNOWN');
      result.info(this.name, `Error parsing AsyncShutdownTimeout: ${(error as Error).message}`);
    }
    result.info(this.name, `Signature replaced with a Shutdown Timeout signature, was: "${result.signature}"`);
    result.setSignature(this.name, parts.join(' | '));
  },
};

/**
 * IPC channel errors replace the signature (`IPCError-content | <error>`), except ShutDownKill,
 * which is put in front of it: those kills are many and their stacks still tell them apart.
 */
export const signatureIPCChannelError: SignatureRule = {
  name: 'SignatureIPCChannelError',
  predicate: (data) => text(data.ipc_channel_error) !== null,
  action(data, result) {
    const error = text(data.ipc_channel_error)!;
    const side = data.additional_minidumps === 'browser' ? 'browser' : 'content';
    let signature = `IPCError-${side} | ${error.slice(0, SIGNATURE_LIMITS.ipcChannelErrorChars)}`;
    if (error === 'ShutDownKill') {
      result.info(this.name, 'IPC Channel Error prepended');
      signature = `${signature} | ${result.signature}`;
    } else {
      result.info(this.name, 'IPC Channel Error stomped on signature');
    }
    result.setSignature(this.name, signature);
  },
};

/** Appends ` | IPC_Message_Name=<name>`. */
export const signatureIPCMessageName: SignatureRule = {
  name: 'SignatureIPCMessageName',
  predicate: (data) => text(data.ipc_message_name) !== null,
  action(data, result) {
    result.setSignature(this.name, `${result.signature} | IPC_Message_Name=${text(data.ipc_message_name)!}`);
  },
};

/** bug 1796389: `stackoverflow | …`. */
export const stackOverflowSignature: SignatureRule = {
  name: 'StackOverflowSignature',
  predicate: (data) => data.reason === 'EXCEPTION_STACK_OVERFLOW',
  action(_data, result) {
    result.setSignature(this.name, `stackoverflow | ${result.signature}`);
  },
};

/** Replaces the signature with `jit | <category>`. Not in Socorro's default pipeline, nor in Culprit's. */
export const signatureJitCategory: SignatureRule = {
  name: 'SignatureJitCategory',
  predicate: (data) => text(data.jit_category) !== null,
  action(data, result) {
    result.info(this.name, `Signature replaced with a JIT Crash Category, was: "${result.signature}"`);
    result.setSignature(this.name, `jit | ${text(data.jit_category)!}`);
  },
};

/**
 * Builds whose parent and child differ crash with junk stacks; they share one signature. Socorro
 * has since dropped it from its default pipeline; Culprit keeps it available but off by default.
 */
export const signatureParentIDNotEqualsChildID: SignatureRule = {
  name: 'SignatureParentIDNotEqualsChildID',
  predicate: (data) => data.moz_crash_reason === 'MOZ_RELEASE_ASSERT(parentBuildID == childBuildID)',
  action(_data, result) {
    result.info(this.name, `Signature replaced with MOZ_RELEASE_ASSERT, was: "${result.signature}"`);
    result.setSignature(this.name, 'parentBuildID != childBuildID');
  },
};

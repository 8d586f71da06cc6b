/**
 * Rules that read the stack: the frame-based signature itself, the stack walker's error for empty
 * stacks, and shutdown hangs, whose signature comes from the main thread instead.
 */
import { walkNormalizedFrames } from '../frame-walk.js';
import { normalizedFrames } from '../normalize-frame.js';
import type { SignatureLists } from '../siglists.js';
import { crashingThreadIndex, text, type SignatureRule } from './rule.js';
import type { SignatureCrashData } from '../crash-data.js';
import type { SignatureGenerationResult } from '../result.js';

function generateFromStack(name: string, lists: SignatureLists, data: SignatureCrashData, result: SignatureGenerationResult): void {
  result.debug(name, 'using CSignatureTool');
  const index = crashingThreadIndex(data);
  const thread = Array.isArray(data.threads) ? data.threads[index] : undefined;
  const frames = normalizedFrames(thread, { lowercaseModules: data.os === 'Windows NT', lineNumbers: lists.lineNumbers });
  const walk = walkNormalizedFrames(frames, lists, index);
  if (frames.length > 0) result.normalizedFrames = frames;
  for (const note of walk.notes) result.info(name, note);
  for (const note of walk.debug) result.debug(name, note);
  if (walk.signature) result.setSignature(name, walk.signature);
}

/**
 * Builds the signature from the crashing thread's frames and the signature lists. (Socorro also
 * builds Java signatures here; Culprit reads native crashes only.)
 */
export function signatureGenerationRule(lists: SignatureLists): SignatureRule {
  const name = 'SignatureGenerationRule';
  return {
    name,
    predicate: () => true,
    action: (data, result) => generateFromStack(name, lists, data, result),
  };
}

/** Appends the stack walker's status to an EMPTY signature: `EMPTY: no frame data available; ERROR_…`. */
export const stackwalkerErrorSignatureRule: SignatureRule = {
  name: 'StackwalkerErrorSignatureRule',
  predicate: (data, result) => result.signature.startsWith('EMPTY') && text(data.mdsw_status_string) !== null,
  action(data, result) {
    result.setSignature(this.name, `${result.signature}; ${text(data.mdsw_status_string)!}`);
  },
};

/**
 * Shutdown hangs: the watchdog kills the process from its own thread, so the crashing thread
 * only says "watchdog". What thread 0 was stuck in is the signature, after `shutdownhang | `.
 */
export function signatureRunWatchDog(lists: SignatureLists): SignatureRule {
  const name = 'SignatureRunWatchDog';
  return {
    name,
    predicate: (_data, result) => result.signature.includes('RunWatchdog'),
    action(data, result) {
      generateFromStack(name, lists, { ...data, crashing_thread: 0 }, result);
      result.setSignature(name, `shutdownhang | ${result.signature}`);
    },
  };
}

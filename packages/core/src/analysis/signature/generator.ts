/**
 * Signature generation: the crash data goes through a pipeline of rules, each of which may change
 * the signature. Socorro's SignatureGenerator and its default ruleset (socorro/signature/
 * generator.py, pipeline.rst); a rule that throws leaves a note and the pipeline goes on.
 */
import type { SignatureCrashData, SignatureFrame } from './crash-data.js';
import { SignatureGenerationResult } from './result.js';
import { defaultSignatureLists, type SignatureLists } from './siglists.js';
import type { SignatureRule } from './rules/rule.js';
import { signatureGenerationRule, signatureRunWatchDog, stackwalkerErrorSignatureRule } from './rules/stack-rules.js';
import {
  abortSignature,
  badHardware,
  oomSignature,
  signatureIPCChannelError,
  signatureIPCMessageName,
  signatureShutdownTimeout,
  stackOverflowSignature,
} from './rules/annotation-rules.js';
import { sigFixWhitespace, sigPrintableCharsOnly, sigTruncate } from './rules/finishing-rules.js';

/**
 * Socorro's default ruleset, in its order, for native crashes. Not run: HungProcess (newer than
 * the corpus cases, none of which exercise it; its exact output is not documented) and the Java
 * path of SignatureGenerationRule. Added: SigPrintableCharsOnly (Socorro tests it as a rule) just
 * before SigTruncate, so a stored signature is printable ASCII of at most 255 characters.
 */
export function defaultPipeline(lists: SignatureLists = defaultSignatureLists()): SignatureRule[] {
  return [
    signatureGenerationRule(lists),
    stackwalkerErrorSignatureRule,
    badHardware,
    oomSignature,
    abortSignature,
    signatureShutdownTimeout,
    signatureRunWatchDog(lists),
    signatureIPCChannelError,
    signatureIPCMessageName,
    stackOverflowSignature,
    // These come last, in this order.
    sigFixWhitespace,
    sigPrintableCharsOnly,
    sigTruncate,
  ];
}

export interface GenerateOptions {
  /** Signature lists to use instead of Socorro's shipped ones. */
  lists?: SignatureLists;
  /** Rules to run instead of the default pipeline. */
  pipeline?: readonly SignatureRule[];
}

export function generateSignatureFromCrashData(data: SignatureCrashData, options: GenerateOptions = {}): SignatureGenerationResult {
  const pipeline = options.pipeline ?? defaultPipeline(options.lists);
  const result = new SignatureGenerationResult();
  for (const rule of pipeline) {
    try {
      if (rule.predicate(data, result)) rule.action(data, result);
    } catch (error) {
      result.info(rule.name, `Rule failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}

export interface FramesSignatureOptions extends GenerateOptions {
  /** Operating system name as the stack walker spells it; 'Windows NT' lower-cases module names. */
  os?: string;
  /** Crash reason (e.g. 'EXCEPTION_STACK_OVERFLOW'), for the rules that read it. */
  reason?: string;
}

/** The signature of one stack: its frames (innermost first) through the default pipeline. */
export function signatureFromFrames(frames: readonly SignatureFrame[], options: FramesSignatureOptions = {}): SignatureGenerationResult {
  return generateSignatureFromCrashData(
    { crashing_thread: 0, threads: [{ frames: [...frames] }], os: options.os ?? null, reason: options.reason ?? null },
    options,
  );
}

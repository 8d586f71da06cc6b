/**
 * Named limits of the stack walker. Breakpad's constants (src/processor/stackwalker.cc,
 * stackwalker.h, stackwalker_x86.cc) are kept where matching its output depends on them.
 */
export const UNWIND_LIMITS = {
  /** Frames walked per thread (rust-minidump and older Breakpad: 1024); the walk stops there. */
  framesPerThread: 1024,
  /** Scanned or otherwise dubious frames allowed per thread before scanning is turned off. */
  scannedFramesPerThread: 1024,
  /** Words searched above the stack pointer for a return address (Breakpad kRASearchWords). */
  scanWords: 40,
  /** The context frame's caller may be searched this many times farther (Breakpad: 4x). */
  contextScanFactor: 4,
  /** x86: words searched above `.raSearchStart` for an aligned return address. */
  raSearchAlignWords: 3,
  /** x86: largest plausible distance between a scanned frame and its saved %ebp (128 KiB). */
  maxGapBetweenFrames: 128 * 1024,
  /** Return addresses below this mark the end of the stack (Breakpad TerminateWalk: 4 KiB). */
  lowestInstruction: 0x1000n,
  /** Stack bytes read into memory per thread; a larger stack is cut (and the walk sees less). */
  stackBytes: 64 * 1024 * 1024,
} as const;

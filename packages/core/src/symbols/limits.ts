/**
 * Named limits for Breakpad symbol files. A `.sym` file is as hostile as a dump: these bound the
 * memory and time any one file (or one postfix program) can take.
 */
export const SYMBOL_LIMITS = {
  /** Largest `.sym` file accepted (decoded to one string; V8 strings stop near 512 Mi chars). */
  symFileBytes: 512 * 1024 * 1024,
  /** Malformed-line warnings kept per file; further ones are counted in one summary warning. */
  warnings: 100,
  /** Ranges scanned backwards when looking for the innermost of nested ranges. */
  nestedRangeScan: 4096,
  /** Decoded FUNC bodies (line and INLINE records) kept per file. */
  decodedFunctions: 4096,
  /** Inline nesting depth accepted in an INLINE record. */
  inlineDepth: 1024,
  /**
   * CFI rule sets kept assembled per file, by address: a stack walk asks for the same return
   * addresses again (threads parked in the same functions, dumps of the same build).
   */
  cfiRuleSets: 4096,
  /** Tokens in one postfix expression or STACK WIN program. */
  postfixTokens: 4096,
  /** Values on the postfix evaluation stack. */
  postfixStackDepth: 128,
  /** Symbol files kept parsed by one supplier (across dumps in one process). */
  cachedFiles: 64,
  /** Total bytes of symbol files kept parsed by one supplier. */
  cachedBytes: 512 * 1024 * 1024,
  /**
   * Lookups that found no file (or a corrupt one) remembered by one supplier. They cost a few
   * bytes each and are kept apart from parsed files, so that the many modules without symbols
   * in a batch cannot evict the parsed files every dump needs.
   */
  cachedMisses: 100_000,
} as const;

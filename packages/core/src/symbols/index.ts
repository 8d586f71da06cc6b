// Breakpad symbols: .sym parsing and lookup, CFI/STACK WIN rules and their evaluator, and the
// symbol supplier interface the stack walker and the CLI use.
export * from './types.js';
export { SYMBOL_LIMITS } from './limits.js';
export { parseSymbolFile } from './symbol-file.js';
export { evaluateExpression, runProgram } from './postfix.js';
export type { MemoryReader, EvalResult, PostfixOptions } from './postfix.js';
export { evaluateCfiRules } from './cfi-eval.js';
export type { CallerRegisters } from './cfi-eval.js';
export { BreakpadSymbolSupplier, symbolPathCandidates } from './supplier.js';
export type { SymbolStore, SupplierOptions } from './supplier.js';

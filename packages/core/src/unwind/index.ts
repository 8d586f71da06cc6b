// Stack walking: the generic walker, one unwinder per CPU, and symbolication of the frames.
export { walkThreads } from './walk-threads.js';
export type { ThreadStack } from './walk-threads.js';
export { walkStack, unwinderFor, lookupBelowShown } from './walker.js';
export { FrameSymbolizer } from './symbolizer.js';
export { StackMemory } from './stack-memory.js';
export { UNWIND_LIMITS } from './limits.js';

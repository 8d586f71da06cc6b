import type { MessageKey } from '../i18n/en.js';

/**
 * Plain words for a crash reason: the reason strings are Breakpad's (EXCEPTION_ACCESS_VIOLATION_READ,
 * SIGSEGV /SEGV_MAPERR, ...), bug checks are named by the kernel-dump reader, kernel logs by their
 * first line. Ordered: the first pattern that matches wins.
 */
const RULES: { test: RegExp; key: MessageKey }[] = [
  { test: /STACK_OVERFLOW|stack exhaust|stack overflow/i, key: 'why_stack_overflow' },
  { test: /FAST_FAIL|STACK_BUFFER_OVERRUN/i, key: 'why_fast_fail' },
  { test: /HEAP_CORRUPTION|heap corruption/i, key: 'why_heap' },
  { test: /ACCESS_VIOLATION|SIGSEGV|SIGBUS|EXC_BAD_ACCESS|IN_PAGE_ERROR/i, key: 'why_access_violation' },
  { test: /SIGABRT|abort|assert/i, key: 'why_abort' },
  { test: /ILLEGAL_INSTRUCTION|PRIV_INSTRUCTION|SIGILL|EXC_BAD_INSTRUCTION/i, key: 'why_illegal_instruction' },
  { test: /DIVIDE_BY_ZERO|SIGFPE|INT_DIVIDE/i, key: 'why_divide' },
];

export function reasonExplanationKey(kind: string, reason: string): MessageKey {
  // A kernel's own crash explains itself first: the whole system stopped, not one program.
  if (kind === 'windows-kernel-dump') return 'why_bugcheck';
  if (kind === 'linux-kernel-log') return 'why_kernel_oops';
  for (const r of RULES) if (r.test.test(reason)) return r.key;
  return 'why_other';
}

import type { OopsKind } from './types.js';

/**
 * Lines that open a report, from the kernel's own printk formats (arch/x86/mm/fault.c,
 * arch/arm64/mm/fault.c, kernel/panic.c, kernel/watchdog.c, kernel/hung_task.c, lib/bug.c,
 * kernel/locking/lockdep.c, mm/kasan/report.c) and the lists abrt (s_koops_suspicious_strings)
 * and syzkaller (pkg/report/linux.go) match on. Order matters: the first match wins.
 */
interface Marker {
  kind: OopsKind;
  re: RegExp;
}

const MARKERS: Marker[] = [
  { kind: 'kasan', re: /^(?:(?:NMI )?watchdog: )?BUG: KASAN: / },
  { kind: 'null-pointer-dereference', re: /^(?:(?:NMI )?watchdog: )?BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference|Kernel NULL pointer dereference)/ },
  { kind: 'paging-request', re: /^(?:(?:NMI )?watchdog: )?BUG: (?:unable to handle kernel paging request|unable to handle page fault for address|Unable to handle kernel data access|unable to handle kernel)/i },
  { kind: 'soft-lockup', re: /^(?:(?:NMI )?watchdog: )?BUG: soft lockup\b/ },
  { kind: 'spinlock', re: /^(?:(?:NMI )?watchdog: )?BUG: (?:spinlock|rwlock) / },
  { kind: 'scheduling-while-atomic', re: /^(?:(?:NMI )?watchdog: )?BUG: scheduling while atomic/ },
  { kind: 'sleeping-in-atomic', re: /^(?:(?:NMI )?watchdog: )?BUG: sleeping function called from invalid context/ },
  { kind: 'slab-corruption', re: /^=*\s*BUG [\w-]+ \(.*\): / },
  { kind: 'bug', re: /^(?:(?:NMI )?watchdog: )?BUG: (?!no syscalls)/ },
  { kind: 'null-pointer-dereference', re: /^Unable to handle kernel NULL pointer dereference/ },
  { kind: 'paging-request', re: /^Unable to handle kernel (?:paging request|access to user memory|execute from non-executable memory|read from unreadable memory|write to read-only memory)/ },
  { kind: 'general-protection-fault', re: /^general protection fault/ },
  { kind: 'kernel-bug', re: /^[Kk]ernel BUG at / },
  { kind: 'internal-error', re: /^Internal error: / },
  { kind: 'oops', re: /^Oops(?: - |: |\[#)/ },
  { kind: 'invalid-opcode', re: /^invalid opcode: / },
  { kind: 'divide-error', re: /^divide error: / },
  { kind: 'double-fault', re: /^(?:PANIC: )?double fault/ },
  { kind: 'warning', re: /^WARNING: (?:CPU: |at|\[)|^WARNING: .* at / },
  { kind: 'lockdep', re: /^(?:\[ )?(?:INFO|WARNING): (?:possible recursive locking detected|possible circular locking dependency detected|inconsistent lock state|possible irq lock inversion dependency detected|suspicious RCU usage|SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected)/ },
  { kind: 'hung-task', re: /^INFO: task .* blocked for more than \d+ seconds/ },
  { kind: 'rcu-stall', re: /^INFO: rcu(?:_\w+)? (?:self-)?detected(?: expedited)? stalls?|^rcu: INFO: rcu_\w+ (?:self-)?detected/ },
  { kind: 'hard-lockup', re: /^(?:NMI watchdog: )?Watchdog detected hard LOCKUP/ },
  { kind: 'list-corruption', re: /^list_(?:add|del) corruption/ },
  { kind: 'machine-check', re: /Machine Check Exception:/ },
  { kind: 'panic', re: /^Kernel panic - not syncing/ },
];

/** Quick filter: a line without any of these cannot be a marker (keeps millions of lines cheap). */
const CHEAP = /BUG|WARNING|INFO|Oops|Unable|Internal error|general protection|invalid opcode|divide error|double fault|Kernel panic|LOCKUP|corruption|Machine Check/;

export function matchMarker(text: string): OopsKind | null {
  if (!CHEAP.test(text)) return null;
  const line = text.trimStart();
  // Userspace and debug output that only look like markers (abrt's blacklist: "DEBUG:").
  if (/\bDEBUG:|ODEBUG:/.test(line) && !/^WARNING:/.test(line)) return null;
  for (const m of MARKERS) if (m.re.test(line)) return m.kind;
  return null;
}

/** The panic messages printed *because of* an earlier report; such a panic belongs to it. */
export function isConsequentialPanic(text: string): boolean {
  return /^Kernel panic - not syncing: (?:Fatal exception|panic_on_warn set|softlockup: hung tasks|hung_task: blocked tasks|hardlockup|Hard LOCKUP|Fatal exception in interrupt|Aiee, killing interrupt handler|[\w ]*: Fatal exception)/.test(
    text.trimStart(),
  );
}

/** Markers that continue the report opened just before them instead of opening one. */
export function continuesReport(kind: OopsKind): boolean {
  return kind === 'oops' || kind === 'internal-error' || kind === 'invalid-opcode';
}

// Linux and Android: exception_code is the signal number, exception_flags the siginfo si_code.
// Wording from Breakpad's MinidumpProcessor::GetCrashReason (MD_OS_LINUX / MD_OS_ANDROID); numbers
// from minidump_exception_linux.h, which takes them from <signal.h> and asm-generic/siginfo.h.
import { hex8 } from './format.js';
import type { ExceptionFacts, FamilyDecoded } from './types.js';

/** Signals Breakpad names. SIGSTKFLT and SIGPWR take the x86/ARM Linux numbers (16, 30) that the
 * processor gets from the host's <signal.h>. */
export const LINUX_SIGNAL_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'SIGHUP'],
  [2, 'SIGINT'],
  [3, 'SIGQUIT'],
  [4, 'SIGILL'],
  [5, 'SIGTRAP'],
  [6, 'SIGABRT'],
  [7, 'SIGBUS'],
  [8, 'SIGFPE'],
  [9, 'SIGKILL'],
  [10, 'SIGUSR1'],
  [11, 'SIGSEGV'],
  [12, 'SIGUSR2'],
  [13, 'SIGPIPE'],
  [14, 'SIGALRM'],
  [15, 'SIGTERM'],
  [16, 'SIGSTKFLT'],
  [17, 'SIGCHLD'],
  [18, 'SIGCONT'],
  [19, 'SIGSTOP'],
  [20, 'SIGTSTP'],
  [21, 'SIGTTIN'],
  [22, 'SIGTTOU'],
  [23, 'SIGURG'],
  [24, 'SIGXCPU'],
  [25, 'SIGXFSZ'],
  [26, 'SIGVTALRM'],
  [27, 'SIGPROF'],
  [28, 'SIGWINCH'],
  [29, 'SIGIO'],
  [30, 'SIGPWR'],
  [31, 'SIGSYS'],
  // MD_EXCEPTION_CODE_LIN_DUMP_REQUESTED: no signal, the process asked for a dump of itself.
  [0xffffffff, 'DUMP_REQUESTED'],
]);

export interface SiCodeTable {
  /** What Breakpad puts between the signal name and the si_code. SIGSEGV has no space after the
   * slash ("SIGSEGV /SEGV_MAPERR") — a long-standing quirk that tools match on, so it is kept. */
  separator: string;
  names: ReadonlyMap<number, string>;
}

/** The signals whose si_code Breakpad spells out. */
export const LINUX_SI_CODES: ReadonlyMap<number, SiCodeTable> = new Map([
  [
    4, // SIGILL
    {
      separator: ' / ',
      names: new Map([
        [1, 'ILL_ILLOPC'],
        [2, 'ILL_ILLOPN'],
        [3, 'ILL_ILLADR'],
        [4, 'ILL_ILLTRP'],
        [5, 'ILL_PRVOPC'],
        [6, 'ILL_PRVREG'],
        [7, 'ILL_COPROC'],
        [8, 'ILL_BADSTK'],
      ]),
    },
  ],
  [
    7, // SIGBUS
    {
      separator: ' / ',
      names: new Map([
        [1, 'BUS_ADRALN'],
        [2, 'BUS_ADRERR'],
        [3, 'BUS_OBJERR'],
        [4, 'BUS_MCEERR_AR'],
        [5, 'BUS_MCEERR_AO'],
      ]),
    },
  ],
  [
    8, // SIGFPE
    {
      separator: ' / ',
      names: new Map([
        [1, 'FPE_INTDIV'],
        [2, 'FPE_INTOVF'],
        [3, 'FPE_FLTDIV'],
        [4, 'FPE_FLTOVF'],
        [5, 'FPE_FLTUND'],
        [6, 'FPE_FLTRES'],
        [7, 'FPE_FLTINV'],
        [8, 'FPE_FLTSUB'],
      ]),
    },
  ],
  [
    11, // SIGSEGV
    {
      separator: ' /',
      names: new Map([
        [1, 'SEGV_MAPERR'],
        [2, 'SEGV_ACCERR'],
        [3, 'SEGV_BNDERR'],
        [4, 'SEGV_PKUERR'],
        [5, 'SEGV_ACCADI'],
        [6, 'SEGV_ADIDERR'],
        [7, 'SEGV_ADIPERR'],
        [8, 'SEGV_MTEAERR'],
        [9, 'SEGV_MTESERR'],
      ]),
    },
  ],
]);

/** Returns undefined for a signal Breakpad does not name (the caller keeps the numeric reason). */
export function decodeLinux(facts: ExceptionFacts): FamilyDecoded | undefined {
  const code = facts.code >>> 0;
  const name = LINUX_SIGNAL_NAMES.get(code);
  if (name === undefined) return undefined;
  const siCodes = LINUX_SI_CODES.get(code);
  if (siCodes === undefined) return { reason: name };
  const flags = facts.flags >>> 0;
  return { reason: name + siCodes.separator + (siCodes.names.get(flags) ?? hex8(flags)) };
}

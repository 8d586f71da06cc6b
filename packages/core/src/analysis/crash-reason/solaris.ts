// Solaris: exception_code is the signal number (sys/iso/signal_iso.h), no si_code is shown.
// Wording from Breakpad's MinidumpProcessor::GetCrashReason (MD_OS_SOLARIS); where Solaris gives
// two names to one number Breakpad prints both.
import type { ExceptionFacts, FamilyDecoded } from './types.js';

export const SOLARIS_SIGNAL_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'SIGHUP'],
  [2, 'SIGINT'],
  [3, 'SIGQUIT'],
  [4, 'SIGILL'],
  [5, 'SIGTRAP'],
  [6, 'SIGIOT | SIGABRT'],
  [7, 'SIGEMT'],
  [8, 'SIGFPE'],
  [9, 'SIGKILL'],
  [10, 'SIGBUS'],
  [11, 'SIGSEGV'],
  [12, 'SIGSYS'],
  [13, 'SIGPIPE'],
  [14, 'SIGALRM'],
  [15, 'SIGTERM'],
  [16, 'SIGUSR1'],
  [17, 'SIGUSR2'],
  [18, 'SIGCLD | SIGCHLD'],
  [19, 'SIGPWR'],
  [20, 'SIGWINCH'],
  [21, 'SIGURG'],
  [22, 'SIGPOLL | SIGIO'],
  [23, 'SIGSTOP'],
  [24, 'SIGTSTP'],
  [25, 'SIGCONT'],
  [26, 'SIGTTIN'],
  [27, 'SIGTTOU'],
  [28, 'SIGVTALRM'],
  [29, 'SIGPROF'],
  [30, 'SIGXCPU'],
  [31, 'SIGXFSZ'],
  [32, 'SIGWAITING'],
  [33, 'SIGLWP'],
  [34, 'SIGFREEZE'],
  [35, 'SIGTHAW'],
  [36, 'SIGCANCEL'],
  [37, 'SIGLOST'],
  [38, 'SIGXRES'],
  [39, 'SIGJVM1'],
  [40, 'SIGJVM2'],
]);

export function decodeSolaris(facts: ExceptionFacts): FamilyDecoded | undefined {
  const name = SOLARIS_SIGNAL_NAMES.get(facts.code >>> 0);
  return name === undefined ? undefined : { reason: name };
}

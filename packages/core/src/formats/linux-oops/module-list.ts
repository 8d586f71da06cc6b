import { OOPS_LIMITS } from './limits.js';
import type { KernelLine } from './line-prefix.js';
import type { KernelModule } from './types.js';

/**
 * `Modules linked in: vfat fat wl(PO) will_oops(OF+) [last unloaded: scsi_wait_scan]`
 * (kernel/module/main.c print_modules). Long lists wrap onto lines without a log prefix; the
 * continuation rule is satyr's `module_list_continues`, including its join of a name split
 * across the wrap.
 */
export interface ModuleListState {
  modules: KernelModule[];
  lastUnloaded?: string;
  /** The list may continue on the next line. */
  open: boolean;
  /** Whitespace ended the previous line (else a wrapped name continues). */
  endedWithSpace: boolean;
  continuationLines: number;
  closedByBracket: boolean;
}

const MODULE_TOKEN = /^([^\s[()]+)(?:\(([A-Z+\-]+)\))?$/;

export function startModuleList(text: string): ModuleListState | undefined {
  const at = text.indexOf('Modules linked in:');
  if (at === -1) return undefined;
  const state: ModuleListState = { modules: [], open: true, endedWithSpace: true, continuationLines: 0, closedByBracket: false };
  addTokens(state, text.slice(at + 'Modules linked in:'.length), false);
  return state;
}

/** True when `line` continues the list; the first line that does not closes it for good. */
export function continuesModuleList(state: ModuleListState, line: KernelLine): boolean {
  const more = state.open && isContinuation(state, line);
  if (!more) state.open = false;
  return more;
}

function isContinuation(state: ModuleListState, line: KernelLine): boolean {
  if (state.closedByBracket || line.prefixed || line.foreign) return false;
  if (state.continuationLines >= OOPS_LIMITS.moduleListLines) return false;
  const t = line.text;
  if (t.startsWith('Pid: ') || /^CPU[ :]*\d/.test(t) || /^irq event stamp[ :]*\d/.test(t) || /^CR2: [0-9a-f]/.test(t)) return false;
  // Not in satyr's list, but never module names: the next report lines of unprefixed logs.
  if (/^\s*(?:Hardware name|Call Trace|RIP|EIP|pc :|Workqueue|task:|Process |Stack:|---\[)/.test(t)) return false;
  if (!/^[\w\s()+\-[\]:.]*$/.test(t)) return false;
  state.continuationLines++;
  addTokens(state, t, !t.startsWith(' ') && !t.startsWith('\t') && !state.endedWithSpace);
  return true;
}

function addTokens(state: ModuleListState, rest: string, joinFirst: boolean): void {
  const bracket = rest.indexOf('[');
  let body = rest;
  if (bracket !== -1) {
    const m = /\[last unloaded: ([^\]\s]+)\]/.exec(rest.slice(bracket));
    if (m) state.lastUnloaded = m[1];
    body = rest.slice(0, bracket);
    state.closedByBracket = true;
  }
  state.endedWithSpace = /\s$/.test(rest) || rest.length === 0;
  const tokens = body.split(/[ \t]+/).filter((t) => t.length > 0);
  tokens.forEach((token, i) => {
    if (state.modules.length >= OOPS_LIMITS.modules) return;
    if (i === 0 && joinFirst && state.modules.length > 0) {
      const last = state.modules[state.modules.length - 1];
      const joined = parseModuleToken(last.name + token);
      if (joined) state.modules[state.modules.length - 1] = joined;
      return;
    }
    const mod = parseModuleToken(token);
    if (mod) state.modules.push(mod);
  });
}

function parseModuleToken(token: string): KernelModule | undefined {
  const m = MODULE_TOKEN.exec(token);
  if (!m) return undefined;
  return { name: m[1], markers: m[2] ? [...m[2]] : [] };
}

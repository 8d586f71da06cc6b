/**
 * x86 unwinding, in Breakpad's order (src/processor/stackwalker_x86.cc):
 *   1. `STACK WIN` data (FrameData programs, or FPO records turned into a program), with the
 *      scans Breakpad does around it for aligned stacks and bad return addresses;
 *   2. CFI (`STACK CFI`);
 *   3. the %ebp chain, or, when %ebp does not point into the stack, stack scanning.
 */
import { runProgram } from '../symbols/postfix.js';
import { STACK_WIN_FPO } from '../symbols/types.js';
import { callerByCfi, type CfiRegister } from './cfi.js';
import { UNWIND_LIMITS } from './limits.js';
import { scanForReturnAddress } from './scan.js';
import { isValid, type Unwinder, type UnwindEnv, type WalkFrame } from './types.js';

const MASK = 0xffff_ffffn;

const CFI_MAP: CfiRegister[] = [
  { name: 'eip', cfi: '$eip', alternate: '.ra', calleeSaves: false },
  { name: 'esp', cfi: '$esp', alternate: '.cfa', calleeSaves: false },
  { name: 'ebp', cfi: '$ebp', calleeSaves: true },
  { name: 'eax', cfi: '$eax', calleeSaves: false },
  { name: 'ebx', cfi: '$ebx', calleeSaves: true },
  { name: 'ecx', cfi: '$ecx', calleeSaves: false },
  { name: 'edx', cfi: '$edx', calleeSaves: false },
  { name: 'esi', cfi: '$esi', calleeSaves: true },
  { name: 'edi', cfi: '$edi', calleeSaves: true },
];

function scanWords(last: WalkFrame): number {
  return last.trust === 'context' ? UNWIND_LIMITS.scanWords * UNWIND_LIMITS.contextScanFactor : UNWIND_LIMITS.scanWords;
}

/**
 * Breakpad `FindWindowsFrameInfo`: the STACK WIN record at the address, else just the parameter
 * size of the FUNC (or PUBLIC) holding it.
 */
function windowsFrameInfo(last: WalkFrame, env: UnwindEnv): WalkFrame['winInfo'] {
  const win = env.symbols.stackWin(last.lookup);
  if (win) return { ...win, full: true };
  const info = env.symbols.describe(last.lookup);
  const sym = info?.function ?? info?.public;
  return sym ? { parameterSize: sym.parameterSize, full: false } : undefined;
}

function byWindowsFrameInfo(frames: readonly WalkFrame[], env: UnwindEnv, scanAllowed: boolean): WalkFrame | undefined {
  const last = frames[frames.length - 1];
  const info = last.winInfo;
  if (!info || !info.full) return undefined;
  // Breakpad walks every earlier frame and keeps the last parameter size it sees, i.e. the
  // lowest-numbered frame that has one (its loop does not stop at the nearest callee).
  let calleeParams = 0;
  for (let i = frames.length - 2; i >= 0; i--) {
    const w = frames[i].winInfo;
    if (w) calleeParams = w.parameterSize;
  }
  const esp = last.registers.esp;
  const ebp = last.registers.ebp;
  const vars = new Map<string, bigint>([
    ['$ebp', ebp],
    ['$esp', esp],
    ['.cbCalleeParams', BigInt(calleeParams)],
    ['.cbSavedRegs', BigInt(info.savedRegisterSize ?? 0)],
    ['.cbLocals', BigInt(info.localSize ?? 0)],
    ['.cbParams', BigInt(info.parameterSize)],
  ]);
  if (isValid(last, 'ebx')) vars.set('$ebx', last.registers.ebx);
  let raSearchStart = (esp + BigInt(calleeParams) + BigInt(info.localSize ?? 0) + BigInt(info.savedRegisterSize ?? 0)) & MASK;
  // Up to three words above, in case the stack was aligned; an FPO system call in the context
  // frame leaves the current instruction on top of the stack: skip it and scan again.
  const first = scanForReturnAddress(env, raSearchStart, UNWIND_LIMITS.raSearchAlignWords, 4);
  if (first) {
    const oldStart = raSearchStart;
    raSearchStart = first.location;
    if (last.trust === 'context' && info.type === STACK_WIN_FPO && oldStart === first.location && first.value === last.registers.eip) {
      raSearchStart += 4n;
      const again = scanForReturnAddress(env, raSearchStart, UNWIND_LIMITS.raSearchAlignWords, 4);
      if (again) raSearchStart = again.location;
    }
  }

  let program: string;
  let recoverEbp = true;
  if (info.program) program = info.program;
  else if (info.allocatesBasePointer) {
    program = '$eip .raSearchStart ^ = $ebp $esp .cbCalleeParams + .cbSavedRegs + 8 - ^ = $esp .raSearchStart 4 + =';
  } else {
    program = '$eip .raSearchStart ^ = $esp .raSearchStart 4 + =';
    if (isValid(last, 'ebx')) program += ' $ebx $ebx =';
    recoverEbp = false;
  }
  // An aligning program (`@`) moved %esp by an unknown amount: only %ebp locates the return address.
  if (isValid(last, 'ebp') && program.includes('@')) raSearchStart = (ebp + 4n) & MASK;
  vars.set('.raSearchStart', raSearchStart);
  vars.set('.raSearch', raSearchStart);

  let trust: WalkFrame['trust'] = 'cfi';
  const dict = new Map(vars);
  const run = runProgram(program, vars, env.stack, { addressSize: 4 });
  let assigned = new Map<string, bigint>();
  if (run.ok && run.value.has('$eip') && run.value.has('$esp')) {
    assigned = run.value;
    for (const [k, v] of assigned) dict.set(k, v);
  } else {
    const hit = scanAllowed ? scanForReturnAddress(env, esp, scanWords(last), 4) : undefined;
    if (!hit) return undefined;
    dict.set('$eip', hit.value);
    dict.set('$esp', hit.location + 4n);
    trust = 'scan';
  }

  if (dict.get('$eip') !== 0n || dict.get('$ebp') !== 0n) {
    let offset = 0n;
    if (env.symbols.moduleAt(dict.get('$eip')!) === undefined) {
      // The return address the program found is in no module: look one word further up.
      const start = raSearchStart + 4n;
      const hit = scanAllowed ? scanForReturnAddress(env, start, scanWords(last), 4) : undefined;
      if (hit) {
        dict.set('$eip', hit.value);
        dict.set('$esp', hit.location + 4n);
        offset = hit.location - start;
        trust = 'cfi_scan';
      }
    }
    if (recoverEbp) {
      const callerEbp = dict.get('$ebp')!;
      const skipped = trust !== 'cfi' && callerEbp <= raSearchStart + offset;
      if (skipped || env.stack.readU32(callerEbp) === null) {
        // Search the saved-register area, highest first, for a word that points into the stack.
        const end = esp + BigInt(calleeParams);
        for (let loc = end + BigInt(info.savedRegisterSize ?? 0) + offset; loc >= end; loc -= 4n) {
          const candidate = env.stack.readU32(loc);
          if (candidate === null) break;
          if (env.stack.readU32(BigInt(candidate)) !== null) {
            dict.set('$ebp', BigInt(candidate));
            break;
          }
        }
      }
    }
  }

  const registers: Record<string, bigint> = { ...last.registers, eip: dict.get('$eip')!, esp: dict.get('$esp')!, ebp: dict.get('$ebp')! };
  const valid = new Set(['eip', 'esp', 'ebp']);
  for (const r of ['ebx', 'esi', 'edi']) {
    const v = assigned.get(`$${r}`);
    if (v !== undefined) {
      registers[r] = v;
      valid.add(r);
    }
  }
  return { registers, valid, trust, pc: registers.eip, lookup: registers.eip };
}

function byCfi(last: WalkFrame, env: UnwindEnv): WalkFrame | undefined {
  const rules = env.symbols.cfiRules(last.lookup);
  if (!rules) return undefined;
  const r = callerByCfi(rules, last, CFI_MAP, env, 4);
  if (!r || !r.valid.has('eip') || !r.valid.has('esp') || !r.valid.has('ebp')) return undefined;
  return { registers: r.registers, valid: r.valid, trust: 'cfi', pc: r.registers.eip, lookup: r.registers.eip };
}

function byEbpAtBase(last: WalkFrame, env: UnwindEnv, scanAllowed: boolean): WalkFrame | undefined {
  const esp = last.registers.esp;
  const ebp = last.registers.ebp;
  let eip = env.stack.readU32(ebp + 4n);
  let callerEbp = env.stack.readU32(ebp);
  let callerEsp: bigint;
  let trust: WalkFrame['trust'];
  if (eip !== null && callerEbp !== null) {
    callerEsp = ebp + 8n;
    trust = 'frame_pointer';
  } else {
    // %ebp does not point into the stack (code without frame pointers): scan instead.
    const hit = scanAllowed ? scanForReturnAddress(env, esp, scanWords(last), 4) : undefined;
    if (!hit) return undefined;
    eip = Number(hit.value);
    callerEsp = hit.location + 4n;
    // The caller's %ebp is likely saved just below the return address.
    const slot = callerEsp - 8n;
    const saved = env.stack.readU32(slot);
    callerEbp = saved !== null && BigInt(saved) > slot && BigInt(saved) - slot <= BigInt(UNWIND_LIMITS.maxGapBetweenFrames) ? saved : Number(ebp);
    trust = 'scan';
  }
  return {
    registers: { ...last.registers, eip: BigInt(eip), esp: callerEsp & MASK, ebp: BigInt(callerEbp) },
    valid: new Set(['eip', 'esp', 'ebp']),
    trust,
    pc: BigInt(eip),
    lookup: BigInt(eip),
  };
}

export const x86Unwinder: Unwinder = {
  pointerSize: 4,
  ip: 'eip',
  sp: 'esp',
  callerBack: 1n,
  showsReturnAddress: true,
  caller(frames, env, scanAllowed) {
    // Breakpad refuses a stack that does not fit in 32 bits.
    if (env.stack.end - 1n > MASK) return undefined;
    const last = frames[frames.length - 1];
    last.winInfo = windowsFrameInfo(last, env);
    let frame = last.winInfo ? byWindowsFrameInfo(frames, env, scanAllowed) : undefined;
    frame ??= byCfi(last, env);
    frame ??= byEbpAtBase(last, env, scanAllowed);
    return frame;
  },
};

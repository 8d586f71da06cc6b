import { isQmpObject, qmpBigInt, type QmpObject } from '../qmp/json.js';
import type { QmpEvent } from '../qmp/client.js';

/** A Windows bug check as Hyper-V's crash MSRs carry it (`-cpu ...,hv-crash`). */
export interface HyperVBugCheck {
  code: number;
  /** Parameters 1..4, exact 64-bit values. */
  parameters: bigint[];
}

/** What the guest's panic information says (QAPI `GuestPanicInformation`, qapi/run-state.json). */
export type GuestPanicInfo =
  | { type: 'hyper-v'; bugCheck: HyperVBugCheck }
  | { type: 's390'; core?: number; pswMask?: bigint; pswAddr?: bigint; reason?: string }
  | { type: string };

/** How a crash reached the host. */
export type CrashChannel =
  | 'pvpanic' // GUEST_PANICKED from a pvpanic device (ISA or PCI)
  | 'hyper-v' // GUEST_PANICKED with Hyper-V crash info (Windows bug check)
  | 'crash-loaded' // GUEST_CRASHLOADED: the guest loaded its crash kernel (kdump)
  | 'guest-panic-shutdown' // SHUTDOWN reason guest-panic (panic action poweroff, event seen late)
  | 'unexpected-reset' // the guest reset itself
  | 'unexpected-shutdown' // the guest powered itself off
  | 'console'; // a panic or oops printed on the serial console, no event

export type EventClass =
  | { kind: 'crash'; channel: CrashChannel; action?: string; info?: GuestPanicInfo }
  /** A stop the guest asked for: a crash only if the console shows one, or if the user says so. */
  | { kind: 'guest-stop'; channel: 'unexpected-reset' | 'unexpected-shutdown'; reason: string }
  | { kind: 'state'; running?: boolean }
  | { kind: 'other' };

/**
 * Sorts one QMP event (qapi/run-state.json): panics are crashes; resets and shutdowns the guest
 * itself caused are candidates; host-requested ones (our own `system_reset`, `quit`) are not.
 */
export function classifyEvent(ev: QmpEvent): EventClass {
  const d = ev.data;
  switch (ev.event) {
    case 'GUEST_PANICKED':
    case 'GUEST_CRASHLOADED': {
      const info = readPanicInfo(d.info);
      const action = typeof d.action === 'string' ? d.action : undefined;
      const channel: CrashChannel = ev.event === 'GUEST_CRASHLOADED' ? 'crash-loaded' : info?.type === 'hyper-v' ? 'hyper-v' : 'pvpanic';
      return { kind: 'crash', channel, action, info };
    }
    case 'SHUTDOWN': {
      const reason = typeof d.reason === 'string' ? d.reason : 'unknown';
      if (reason === 'guest-panic') return { kind: 'crash', channel: 'guest-panic-shutdown', action: 'poweroff' };
      // With -no-reboot a guest reboot arrives as SHUTDOWN reason guest-reset.
      if (reason === 'guest-reset') return { kind: 'guest-stop', channel: 'unexpected-reset', reason };
      if (reason === 'guest-shutdown') return { kind: 'guest-stop', channel: 'unexpected-shutdown', reason };
      return { kind: 'state', running: false };
    }
    case 'RESET':
      if (d.guest === true && typeof d.reason === 'string' && d.reason.startsWith('guest-')) {
        return { kind: 'guest-stop', channel: 'unexpected-reset', reason: d.reason };
      }
      return { kind: 'other' };
    case 'STOP':
      return { kind: 'state', running: false };
    case 'RESUME':
      return { kind: 'state', running: true };
    default:
      return { kind: 'other' };
  }
}

function readPanicInfo(v: QmpObject[string] | undefined): GuestPanicInfo | undefined {
  if (!isQmpObject(v) || typeof v.type !== 'string') return undefined;
  if (v.type === 'hyper-v') {
    // arg1 is the bug check code, arg2..arg5 its parameters (target/i386/kvm/hyperv.c, HV_X64_MSR_CRASH_P0..P4).
    const args = [v.arg1, v.arg2, v.arg3, v.arg4, v.arg5].map((a) => qmpBigInt(a) ?? 0n);
    return { type: 'hyper-v', bugCheck: { code: Number(args[0]! & 0xffffffffn), parameters: args.slice(1) } };
  }
  if (v.type === 's390') {
    return {
      type: 's390',
      core: typeof v.core === 'number' ? v.core : undefined,
      pswMask: qmpBigInt(v['psw-mask']),
      pswAddr: qmpBigInt(v['psw-addr']),
      reason: typeof v.reason === 'string' ? v.reason : undefined,
    };
  }
  return { type: v.type };
}

/** True for events that belong to a crash episode and must never be dropped by the queue. */
export function isCrashRelevant(ev: QmpEvent): boolean {
  const c = classifyEvent(ev);
  return c.kind === 'crash' || c.kind === 'guest-stop';
}

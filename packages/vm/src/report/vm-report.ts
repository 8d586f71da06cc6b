import type { CrashReport, Culprit } from '@culprit/core';
import type { CrashChannel, GuestPanicInfo } from '../detect/classify.js';
import type { DumpResult } from '../collect/dump.js';
import type { AppliedPolicy } from '../policy/apply.js';

/** Which virtual machine, as QMP names it. */
export interface VmIdentity {
  /** `-name` / libvirt domain name (query-name), else the socket's file name. */
  name: string;
  /** SMBIOS UUID (query-uuid); the all-zero UUID when QEMU was given none. */
  uuid?: string;
  qmp: string;
  /** The serial console log followed, if any. */
  console?: string;
}

export type GuestOs = 'linux' | 'windows' | 'unknown';

/** One guest crash, as the watcher reports it (printed, or submitted with the crash file). */
export interface VmCrashReport {
  schema: 'culprit.vm-guest-crash/1';
  kind: 'vm-guest';
  vm: VmIdentity;
  host: {
    name: string;
    /** The watcher (hence the host) was running when the report was made. */
    keptRunning: true;
    /** The other guests this watcher follows and their run state at report time. */
    otherGuests: { name: string; qmp: string; status: string }[];
  };
  detectedAt: string;
  channel: CrashChannel;
  /** The QMP event(s) of the episode, as QEMU sent them (exact integers). */
  events: string[];
  panicAction?: string;
  panicInfo?: GuestPanicInfo;
  guestOs: GuestOs;
  /** Run state when collection started (query-status). */
  statusAtCrash?: string;
  title: string;
  signature?: string;
  culprit?: Culprit;
  /** Windows guests: the bug check and its four parameters. */
  bugCheck?: { code: string; name: string; parameters: string[]; bucket: string; description?: string };
  console?: { excerpt: string; bytes: number; truncated: boolean };
  registers?: string;
  dump?: DumpResult;
  /** The engine's report of the console log or the dump. */
  analysis?: CrashReport;
  policy?: AppliedPolicy;
  submission?: { url: string; id?: string; error?: string };
  notes: string[];
}

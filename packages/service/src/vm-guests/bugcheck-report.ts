import { baseBugCheckCode, hexCode, lookupBugCheck, type CrashReport, type ParameterRole } from '@culprit/core';
import type { SubmittedBugCheck } from './bugcheck-fields.js';

/** The container format of a report built from a bug check alone (no dump bytes). */
export const BUGCHECK_ONLY_FORMAT = 'hyper-v-bugcheck';

export interface BugCheckOnlyDetails {
  bugCheck: { code: number; name: string; description?: string; category: string };
  parameters: { index: number; value: bigint; role: ParameterRole; label?: string }[];
  /** Why there is no culprit. */
  note: string;
}

/**
 * The report of a Windows guest that reported only its bug check through the Hyper-V crash MSRs:
 * the catalogue names the stop and what its parameters hold. With no dump there is no driver
 * list, so no driver can be blamed: the signature is `!analyze`'s bug check bucket,
 * `0x<code>_<NAME>` (bit 28 variants folded onto their base code, as for kernel dumps).
 */
export function bugCheckOnlyReport(b: SubmittedBugCheck): CrashReport {
  const info = lookupBugCheck(b.code, b.parameters);
  const details: BugCheckOnlyDetails = {
    bugCheck: { code: info.code, name: info.name, description: info.description, category: info.category },
    parameters: b.parameters.map((value, i) => ({ index: i + 1, value, role: info.roles[i] ?? 'undocumented', ...(info.labels?.[i] ? { label: info.labels[i] } : {}) })),
    note: info.noFault
      ? 'The stop was requested on purpose: there is no faulting driver to look for.'
      : 'Only the bug check was reported (Hyper-V crash MSRs), no memory dump: no driver can be blamed without the loaded driver list. Configure the guest to write a dump (culprit vm watch --dump win-dmp) for driver attribution.',
  };
  return {
    kind: 'windows-kernel-dump',
    format: BUGCHECK_ONLY_FORMAT,
    system: { os: { platform: 'Windows NT', id: 'windows' }, cpu: { arch: 'unknown' } },
    crash: { reason: `${info.name} (${hexCode(b.code)})`, code: info.code, address: null, parameters: b.parameters, message: info.description },
    threads: [],
    crashingThread: null,
    mainModule: null,
    modules: [],
    unloadedModules: [],
    annotations: [],
    signature: `${hexCode(baseBugCheckCode(b.code))}_${info.name}`,
    warnings: [],
    details: { [BUGCHECK_ONLY_FORMAT]: details },
  };
}

/**
 * The bug check a Windows guest reported through the Hyper-V crash MSRs (HV_X64_MSR_CRASH_P0..P4,
 * which QEMU forwards in GUEST_PANICKED), as `culprit vm watch` sends it: `bugcheck_code` and
 * `bugcheck_parameters`, exact `0x` hex (comma-separated). Parsed with bigint: a 64-bit parameter
 * must not lose its low bits to a double.
 */
export interface SubmittedBugCheck {
  code: number;
  parameters: bigint[];
}

/** KeBugCheckEx takes four parameters; the crash MSRs carry the code and those four. */
export const MAX_BUGCHECK_PARAMETERS = 4;

const CODE = /^0x[0-9a-f]{1,8}$/i;
const PARAMETER = /^0x[0-9a-f]{1,16}$/i;

export type BugCheckFields = { ok: true; bugCheck: SubmittedBugCheck } | { ok: false; problem: string };

/** The submitted bug check, or why it cannot be read; `undefined` when no `bugcheck_code` was sent. */
export function bugCheckFrom(fields: Readonly<Record<string, string>>): BugCheckFields | undefined {
  const code = fields.bugcheck_code?.trim();
  if (code === undefined || code === '') return undefined;
  if (!CODE.test(code)) return { ok: false, problem: `bugcheck_code '${code.slice(0, 40)}' is not a 32-bit 0x hex number` };
  const list = fields.bugcheck_parameters?.trim() ?? '';
  const items = list === '' ? [] : list.split(',').map((p) => p.trim());
  if (items.length > MAX_BUGCHECK_PARAMETERS) return { ok: false, problem: `bugcheck_parameters has ${items.length} values; a bug check has at most ${MAX_BUGCHECK_PARAMETERS}` };
  const parameters: bigint[] = [];
  for (const [i, p] of items.entries()) {
    if (!PARAMETER.test(p)) return { ok: false, problem: `bugcheck_parameters value ${i + 1} '${p.slice(0, 40)}' is not a 64-bit 0x hex number` };
    parameters.push(BigInt(p));
  }
  return { ok: true, bugCheck: { code: Number.parseInt(code.slice(2), 16), parameters } };
}

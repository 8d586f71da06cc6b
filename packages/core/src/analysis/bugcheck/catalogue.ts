import { BUGCHECK_TABLE } from './catalogue.generated.js';
import { BUGCHECK_DESCRIPTIONS, type BugCheckCategory } from './descriptions.js';

/** What a bug check parameter holds, as far as attribution cares. */
export type ParameterRole =
  | 'code-address' // an instruction address: maps to the driver that was running
  | 'exception-code' // an NTSTATUS exception code
  | 'memory-address' // data the code touched
  | 'irql'
  | 'context-record' // address of a CONTEXT in kernel memory
  | 'exception-record' // address of an EXCEPTION_RECORD in kernel memory
  | 'trap-frame' // address of a KTRAP_FRAME
  | 'object' // address of a device/driver object, IRP, pool block, thread...
  | 'subtype' // selects what the other parameters mean
  | 'reserved'
  | 'value'
  | 'undocumented';

const ROLE_LETTERS: Record<string, ParameterRole> = {
  c: 'code-address',
  x: 'exception-code',
  m: 'memory-address',
  i: 'irql',
  C: 'context-record',
  E: 'exception-record',
  t: 'trap-frame',
  o: 'object',
  s: 'subtype',
  r: 'reserved',
  v: 'value',
  '-': 'undocumented',
};

export interface BugCheckInfo {
  code: number;
  name: string;
  /** Culprit's own one-line explanation, when written for this code. */
  description?: string;
  category: BugCheckCategory;
  /** Roles of parameters 1..4 for these parameter values (subtype tables resolved). */
  roles: ParameterRole[];
  /** Own-words labels of the parameters, when written. */
  labels?: string[];
  /** True when the code names no code of its own to blame (manual crash, power button). */
  noFault: boolean;
}

const BY_CODE = new Map(BUGCHECK_TABLE.map((e) => [e[0], e]));

/** Number of bug checks in the catalogue. */
export const BUGCHECK_COUNT = BUGCHECK_TABLE.length;

/**
 * Windows raises some bug checks with bit 28 set (0x1000007E, 0x1000008E...): the same condition,
 * reported by a different path. Their parameters mean what the base code's mean.
 */
export function baseBugCheckCode(code: number): number {
  return (code & 0x10000000) !== 0 && code !== 0x10000000 ? code & ~0x10000000 : code;
}

export function lookupBugCheck(code: number, parameters: readonly bigint[] = []): BugCheckInfo {
  const base = baseBugCheckCode(code >>> 0);
  const own = BY_CODE.get(code >>> 0);
  const inherited = BY_CODE.get(base);
  const name = own?.[1] ?? inherited?.[1] ?? `UNKNOWN_BUGCHECK_0x${(code >>> 0).toString(16).toUpperCase()}`;
  let letters = own?.[2] ?? '----';
  let subtypes = own?.[3];
  if (letters === '----' && inherited) {
    letters = inherited[2];
    subtypes = inherited[3];
  }
  const text = BUGCHECK_DESCRIPTIONS[code >>> 0] ?? BUGCHECK_DESCRIPTIONS[base];
  if (letters.startsWith('s') && subtypes && parameters.length > 0) {
    const row = subtypes[Number(parameters[0]! & 0xffffffffn)];
    if (row) letters = 's' + row;
  }
  if (text?.roles) letters = text.roles;
  return {
    code: code >>> 0,
    name,
    description: text?.description,
    category: text?.category ?? 'unknown',
    roles: [...letters.padEnd(4, '-')].slice(0, 4).map((l) => ROLE_LETTERS[l] ?? 'undocumented'),
    labels: text?.labels,
    noFault: text?.category === 'manual',
  };
}

export function hexCode(code: number): string {
  return '0x' + (code >>> 0).toString(16).toUpperCase();
}

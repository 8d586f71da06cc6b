import { bugCheckFrom } from '../vm-guests/bugcheck-fields.js';
import { VM_GUEST_KIND } from '../vm-guests/vm-facts.js';
import { IngestError } from './errors.js';
import { identityFrom } from './fields.js';
import { DUMP_FIELD, type ReceivedFile } from './multipart.js';

/** `reports.dump_key` of a report that came without a file: nothing in the blob store. */
export const NO_DUMP_KEY = '';

/**
 * The one submission accepted without a file part: a VM guest (`kind=vm-guest`) whose Windows
 * reported only its bug check through the Hyper-V crash MSRs (`bugcheck_code`, and
 * `bugcheck_parameters`). Its facts are its annotations, stored with the row like any report's;
 * the processor builds its report from the bug check catalogue. Any other file-less submission
 * gets `undefined` (refused as before); a malformed bug check is refused with its reason.
 */
export function filelessDump(fields: Readonly<Record<string, string>>): ReceivedFile | undefined {
  if (identityFrom(fields).clientKind !== VM_GUEST_KIND) return undefined;
  const b = bugCheckFrom(fields);
  if (b === undefined) return undefined;
  if (!b.ok) throw new IngestError('CULPRIT_ERR_BAD_BUGCHECK', 400, `${b.problem}.`);
  return { field: DUMP_FIELD, filename: '', key: NO_DUMP_KEY, size: 0, chunks: null };
}

export const isFileless = (f: ReceivedFile): boolean => f.key === NO_DUMP_KEY;

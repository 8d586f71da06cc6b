/**
 * A Windows Error Reporting style bucket: the application, the module the fault happened in, the
 * offset in that module and the exception code. Two crashes with the same key are very likely
 * the same bug in the same build; unlike the signature it needs no symbols.
 */
import type { CrashReport } from '../../report/model.js';
import { hex, moduleFileName } from './module-name.js';

export interface BucketKey {
  appName: string | null;
  appVersion: string | null;
  /** File name of the module holding the faulting instruction. */
  module: string | null;
  moduleVersion: string | null;
  /** Offset of the faulting instruction in `module`; the absolute address when no module holds it. */
  offset: bigint | null;
  /** Exception code, signal number or bug check code. */
  exceptionCode: number | null;
  /** The stable string form: `app|appVersion|module|moduleVersion|0xoffset|0xcode`, 'unknown' for missing parts. */
  key: string;
}

const UNKNOWN = 'unknown';

export function bucketKey(report: CrashReport): BucketKey {
  const main = report.mainModule !== null ? report.modules[report.mainModule] : undefined;
  const appName = main ? moduleFileName(main.codeFile) : (report.process?.name ?? null);
  const appVersion = main?.version ?? null;

  const thread = report.crashingThread !== null ? report.threads[report.crashingThread] : undefined;
  const top = thread?.frames[0];
  const faulting = top?.module !== undefined ? report.modules[top.module] : undefined;
  let offset: bigint | null = null;
  if (top) {
    if (faulting) offset = top.moduleOffset ?? top.instruction - faulting.base;
    else offset = top.instruction;
  }
  const module = faulting ? moduleFileName(faulting.codeFile) : null;
  const moduleVersion = faulting?.version ?? null;
  const exceptionCode = report.crash?.code ?? null;

  const key = [
    appName ?? UNKNOWN,
    appVersion ?? UNKNOWN,
    module ?? UNKNOWN,
    moduleVersion ?? UNKNOWN,
    offset !== null ? hex(offset) : UNKNOWN,
    exceptionCode !== null ? `0x${(exceptionCode >>> 0).toString(16).padStart(8, '0')}` : UNKNOWN,
  ]
    // '|' separates the parts; a name holding one must not shift them.
    .map((p) => p.replace(/\|/g, '_'))
    .join('|');
  return { appName, appVersion, module, moduleVersion, offset, exceptionCode, key };
}

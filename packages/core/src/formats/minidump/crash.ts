import type { CrashInfo, SystemInfo } from '../../report/model.js';
import { MINIDUMP_STREAM_TYPE as S } from './constants.js';
import type { Minidump } from './minidump.js';
import { readAssertionInfo, type RawAssertionInfo } from './streams/assertion-info.js';
import type { RawExceptionStream } from './streams/exception.js';
import type { RawSystemInfo } from './streams/system-info.js';
import { decodeCrashReason } from '../../analysis/crash-reason/index.js';

/** Why the process died: exception decoded the way Breakpad words it, plus any assertion. */
export function describeCrash(
  dump: Minidump,
  exception: RawExceptionStream | undefined,
  system: SystemInfo,
  raw: RawSystemInfo | undefined,
): CrashInfo | null {
  const assertionRaw = dump.stream(S.AssertionInfoStream, readAssertionInfo);
  const assertion = assertionRaw ? assertionText(assertionRaw) : undefined;
  if (!exception) {
    return assertion ? { reason: '', address: null, assertion } : null;
  }
  const decoded = decodeCrashReason({
    platform: platformOf(system.os.id),
    arch: system.cpu.arch,
    code: exception.exceptionCode,
    flags: exception.exceptionFlags,
    address: exception.exceptionAddress,
    parameters: exception.parameters,
    processorArchitecture: raw?.processorArchitecture,
  });
  const crash: CrashInfo = {
    reason: decoded.reason,
    code: exception.exceptionCode,
    address: decoded.address,
    parameters: exception.parameters,
    threadId: exception.threadId,
  };
  if (assertion) crash.assertion = assertion;
  return crash;
}

type Platform = Parameters<typeof decodeCrashReason>[0]['platform'];
function platformOf(id: string): Platform {
  const known: Platform[] = ['windows', 'linux', 'android', 'mac', 'ios', 'solaris', 'nacl', 'fuchsia', 'ps3'];
  return (known as string[]).includes(id) ? (id as Platform) : 'unknown';
}

/** Breakpad's MinidumpProcessor::GetAssertion wording. */
export function assertionText(a: RawAssertionInfo): string {
  let s: string;
  switch (a.type) {
    case 1:
      s = 'Invalid parameter passed to library function';
      break;
    case 2:
      s = 'Pure virtual function called';
      break;
    default:
      s = `Unknown assertion type 0x${a.type.toString(16).padStart(8, '0')}`;
  }
  if (a.expression) s += ' ' + a.expression;
  if (a.function) s += ' in function ' + a.function;
  if (a.file) s += ', in file ' + a.file;
  if (a.line !== 0) s += ` at line ${a.line}`;
  return s;
}

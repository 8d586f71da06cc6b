// Crash reason and crash address, worded exactly as Breakpad's minidump_stackwalk words them
// (MinidumpProcessor::GetCrashReason in src/processor/minidump_processor.cc). People search for
// these strings and tools bucket on them, so the spelling — quirks included — is Breakpad's.
import { addressForArchitecture } from './address.js';
import { processorArchitectureOf } from './cpu-architecture.js';
import { numericReason } from './format.js';
import { decodeFuchsia } from './fuchsia.js';
import { decodeLinux } from './linux.js';
import { decodeMac } from './macos.js';
import { decodePs3 } from './ps3.js';
import { decodeSolaris } from './solaris.js';
import type { DecodedCrash, ExceptionFacts, FamilyDecoded } from './types.js';
import { decodeWindows } from './windows.js';

export type { CrashPlatform, DecodedCrash, ExceptionFacts } from './types.js';

function decodeFamily(facts: ExceptionFacts, processorArchitecture: number): FamilyDecoded | undefined {
  switch (facts.platform) {
    case 'windows':
      return decodeWindows(facts);
    case 'linux':
    case 'android':
      return decodeLinux(facts);
    case 'mac':
    case 'ios':
      return decodeMac(facts.code, facts.flags, processorArchitecture);
    case 'solaris':
      return decodeSolaris(facts);
    case 'fuchsia':
      return decodeFuchsia(facts);
    case 'ps3':
      return decodePs3(facts);
    case 'nacl': // Breakpad has no wording for NaCl exceptions.
    case 'unknown':
      return undefined;
  }
}

export function decodeCrashReason(facts: ExceptionFacts): DecodedCrash {
  const processorArchitecture = processorArchitectureOf(facts.arch, facts.processorArchitecture);
  const decoded = decodeFamily(facts, processorArchitecture);
  return {
    // An unknown platform or code keeps Breakpad's starting point: "0x%08x / 0x%08x".
    reason: decoded?.reason ?? numericReason(facts.code, facts.flags),
    address: addressForArchitecture(processorArchitecture, decoded?.address ?? facts.address),
  };
}

// Every crash reason Breakpad's minidump_stackwalk printed for the corpus must be one our tables
// can produce: each reason is mapped back to exception facts through the tables (never by copying
// the string), then decoded again, and the two must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusPath, listCorpus } from '../../testing/corpus.js';
import type { CpuArch } from '../../report/cpu.js';
import { processorArchitectureOf } from './cpu-architecture.js';
import { FUCHSIA_EXCEPTION_NAMES } from './fuchsia.js';
import { decodeCrashReason } from './index.js';
import { LINUX_SIGNAL_NAMES, LINUX_SI_CODES } from './linux.js';
import { MAC_EXCEPTIONS, MAC_SIMULATED_EXCEPTIONS, macCpuGroup } from './macos.js';
import { NTSTATUS_NAMES } from './ntstatus-names.generated.js';
import { PS3_EXCEPTION_NAMES } from './ps3.js';
import { SOLARIS_SIGNAL_NAMES } from './solaris.js';
import type { CrashPlatform, ExceptionFacts } from './types.js';
import { FAST_FAIL_NAMES } from './windows-fast-fail.js';
import {
  ACCESS_TYPE_SUFFIXES,
  EXCEPTION_ACCESS_VIOLATION,
  EXCEPTION_IN_PAGE_ERROR,
  STATUS_STACK_BUFFER_OVERRUN,
  WINDOWS_EXCEPTION_NAMES,
} from './windows.js';

type Inverted = Pick<ExceptionFacts, 'code' | 'flags' | 'parameters'>;

const keyOf = (map: ReadonlyMap<number, string>, name: string): number | undefined => {
  for (const [k, v] of map) if (v === name) return k;
  return undefined;
};
const hex = (s: string): number | undefined => (/^0x[0-9a-f]{8}$/.test(s) ? parseInt(s.slice(2), 16) : undefined);

function invertNumeric(reason: string): Inverted | undefined {
  const m = /^(0x[0-9a-f]{8}) \/ (0x[0-9a-f]{8})$/.exec(reason);
  return m ? { code: hex(m[1]!)!, flags: hex(m[2]!)!, parameters: [] } : undefined;
}

function invertWindows(reason: string): Inverted | undefined {
  const fixed = keyOf(WINDOWS_EXCEPTION_NAMES, reason);
  if (fixed !== undefined) return { code: fixed, flags: 0, parameters: [] };
  const fastFail = keyOf(FAST_FAIL_NAMES, reason);
  if (fastFail !== undefined) return { code: STATUS_STACK_BUFFER_OVERRUN, flags: 0, parameters: [BigInt(fastFail)] };
  if (reason === 'EXCEPTION_STACK_BUFFER_OVERRUN') return { code: STATUS_STACK_BUFFER_OVERRUN, flags: 0, parameters: [] };
  const m = /^(EXCEPTION_ACCESS_VIOLATION|EXCEPTION_IN_PAGE_ERROR)(_[A-Z]+)?(?: \/ (.+))?$/.exec(reason);
  if (!m) return undefined;
  const code = m[1] === 'EXCEPTION_ACCESS_VIOLATION' ? EXCEPTION_ACCESS_VIOLATION : EXCEPTION_IN_PAGE_ERROR;
  const type = m[2] === undefined ? 2 : keyOf(ACCESS_TYPE_SUFFIXES, m[2]);
  if (type === undefined) return undefined;
  const parameters = [BigInt(type), 0n];
  if (m[3] !== undefined) {
    const status = keyOf(NTSTATUS_NAMES, m[3]) ?? hex(m[3]);
    if (status === undefined || code !== EXCEPTION_IN_PAGE_ERROR) return undefined;
    parameters.push(BigInt(status));
  }
  return { code, flags: 0, parameters };
}

function invertLinux(reason: string): Inverted | undefined {
  for (const [signal, name] of LINUX_SIGNAL_NAMES) {
    const siCodes = LINUX_SI_CODES.get(signal);
    if (siCodes === undefined) {
      if (reason === name) return { code: signal, flags: 0, parameters: [] };
    } else if (reason.startsWith(name + siCodes.separator)) {
      const rest = reason.slice(name.length + siCodes.separator.length);
      const flags = keyOf(siCodes.names, rest) ?? hex(rest);
      if (flags !== undefined) return { code: signal, flags, parameters: [] };
    }
  }
  return undefined;
}

function invertMac(reason: string, processorArchitecture: number): Inverted | undefined {
  const simulated = keyOf(MAC_SIMULATED_EXCEPTIONS, reason);
  if (simulated !== undefined) return { code: simulated, flags: 0, parameters: [] };
  const [name, codeName] = reason.split(' / ');
  for (const [code, wording] of MAC_EXCEPTIONS) {
    if (wording.name !== name || codeName === undefined) continue;
    const perCpu = wording.perCpu?.[macCpuGroup(processorArchitecture)];
    const flags =
      (wording.anyCpu && keyOf(wording.anyCpu, codeName)) ?? (perCpu && keyOf(perCpu, codeName)) ?? hex(codeName);
    if (flags !== undefined) return { code, flags, parameters: [] };
  }
  return undefined;
}

function invertByName(map: ReadonlyMap<number, string>, reason: string): Inverted | undefined {
  const code = keyOf(map, reason);
  return code === undefined ? undefined : { code, flags: 0, parameters: [] };
}

function invertFuchsia(reason: string): Inverted | undefined {
  const [name, flags] = reason.split(' / ');
  const code = name === undefined ? undefined : keyOf(FUCHSIA_EXCEPTION_NAMES, name);
  const f = flags === undefined ? undefined : hex(flags);
  return code === undefined || f === undefined ? undefined : { code, flags: f, parameters: [] };
}

function invert(platform: CrashPlatform, arch: CpuArch, reason: string): Inverted | undefined {
  const numeric = invertNumeric(reason);
  switch (platform) {
    case 'windows':
      return invertWindows(reason) ?? numeric;
    case 'linux':
    case 'android':
      return invertLinux(reason) ?? numeric;
    case 'mac':
    case 'ios':
      return invertMac(reason, processorArchitectureOf(arch)) ?? numeric;
    case 'solaris':
      return invertByName(SOLARIS_SIGNAL_NAMES, reason) ?? numeric;
    case 'ps3':
      return invertByName(PS3_EXCEPTION_NAMES, reason) ?? numeric;
    case 'fuchsia':
      return invertFuchsia(reason) ?? numeric;
    default:
      return numeric;
  }
}

// Breakpad's OS| and CPU| wording (MinidumpProcessor::GetOSInfo / GetCPUInfo).
const PLATFORMS: Record<string, CrashPlatform> = {
  'Windows NT': 'windows',
  Windows: 'windows',
  'Mac OS X': 'mac',
  iOS: 'ios',
  Linux: 'linux',
  Android: 'android',
  Solaris: 'solaris',
  PS3: 'ps3',
  NaCl: 'nacl',
  Fuchsia: 'fuchsia',
};
const ARCHES = new Set<CpuArch>(['x86', 'amd64', 'arm', 'arm64', 'ppc', 'ppc64', 'mips', 'mips64', 'sparc', 'riscv64']);

test('every reason Breakpad printed for the corpus maps back through our tables and decodes to itself', () => {
  const files = listCorpus('reference/breakpad', (name) => name.endsWith('.m.txt'));
  let checked = 0;
  const failures: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const lines = readFileSync(corpusPath(file), 'utf8').split('\n');
    const field = (tag: string, i: number) => lines.find((l) => l.startsWith(`${tag}|`))?.split('|')[i];
    const reason = field('Crash', 1);
    // No exception stream ("No crash"), microdumps and unreadable dumps (no Crash line, or empty).
    if (reason === undefined || reason === '' || reason === 'No crash') continue;
    const platform = PLATFORMS[field('OS', 1) ?? ''] ?? 'unknown';
    const cpu = field('CPU', 1) ?? '';
    const arch: CpuArch = ARCHES.has(cpu as CpuArch) ? (cpu as CpuArch) : 'unknown';
    const inverted = invert(platform, arch, reason);
    if (inverted === undefined) {
      failures.push(`${file}: no table yields ${JSON.stringify(reason)} on ${platform}`);
      continue;
    }
    const decoded = decodeCrashReason({ platform, arch, address: 0n, ...inverted });
    if (decoded.reason !== reason) failures.push(`${file}: ${JSON.stringify(reason)} re-decoded as ${JSON.stringify(decoded.reason)}`);
    checked++;
    seen.add(`${platform}: ${reason}`);
  }
  assert.deepEqual(failures, []);
  // The corpus holds Windows, Linux, macOS and iOS crashes; all of them must have been checked.
  assert.ok(checked >= 50, `checked ${checked} reasons`);
  for (const p of ['windows', 'linux', 'mac', 'ios']) {
    assert.ok([...seen].some((s) => s.startsWith(`${p}:`)), `a ${p} reason was checked`);
  }
});

import type { CpuArch } from '../../report/cpu.js';
import type { SystemInfo } from '../../report/model.js';
import type { RawOsLine } from './raw.js';

/** The O line's runtime arch, as microdump_writer.cc spells it, in the shared vocabulary. */
const ARCHES: Record<string, CpuArch> = {
  arm: 'arm',
  arm64: 'arm64',
  x86: 'x86',
  x86_64: 'amd64',
  mips: 'mips',
  mips64: 'mips64',
};

/** Breakpad's Microdump: 'A' is Android, 'L' Linux; anything else leaves the OS unknown. */
const OS_IDS: Record<string, [string, string]> = { A: ['Android', 'android'], L: ['Linux', 'linux'] };

export function microdumpArch(os: RawOsLine | undefined): CpuArch {
  return (os && ARCHES[os.arch]) ?? 'unknown';
}

/**
 * OS and CPU as Breakpad's MicrodumpProcessor reports them: the O line's text after the hardware
 * arch is the OS description (an Android build fingerprint, or uname release and version). The
 * version people quote is taken out of it when its shape is recognisable.
 */
export function microdumpSystem(os: RawOsLine | undefined): SystemInfo {
  if (!os) return { os: { platform: 'unknown', id: 'unknown' }, cpu: { arch: 'unknown' } };
  const [platform, id] = OS_IDS[os.id] ?? ['unknown', 'unknown'];
  const system: SystemInfo = {
    os: { platform, id, description: os.version },
    cpu: { arch: microdumpArch(os), count: os.cpuCount },
  };
  // Fingerprint: brand/product/device:release/build id/incremental:type/tags
  const fp = /^[^/\s]+\/[^/\s]+\/[^/:\s]+:([^/\s]+)\/([^/\s]+)\/[^:\s]+:[^/\s]+\/\S+$/.exec(os.version);
  // uname: "<release> #<n> SMP PREEMPT <date>"
  const uname = /^(\S+) (#\d+ .*)$/.exec(os.version);
  if (fp) {
    system.os.version = fp[1];
    system.os.build = fp[2];
  } else if (uname) {
    system.os.version = uname[1];
    system.os.build = uname[2];
  }
  return system;
}

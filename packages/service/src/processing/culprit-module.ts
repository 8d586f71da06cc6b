import type { CrashReport, ModuleInfo } from '@culprit/core';

/** What answers compare: the module held responsible and the versions that identify its build. */
export interface CulpritFacts {
  name: string;
  version: string | null;
  /** PE TimeDateStamp, seconds. */
  timestamp: number | null;
  /** ELF build id (lower-case hex). */
  buildId: string | null;
  /** The culprit is the main executable (the product version annotation describes it). */
  main: boolean;
  thirdParty: boolean | null;
}

/** Frames looked at for a non-system module; the culprit is near the top or not found this way. */
const MAX_FRAMES_EXAMINED = 64;

/**
 * The culprit of a report. Kernel dumps and kernel logs come with one from the engine's analysis
 * (`report.culprit`); for a minidump it is the module of the first frame of the crashing thread
 * that is not the operating system's (a crash inside ntdll's heap code is usually the caller's
 * fault), or the top frame's module when every frame is the system's.
 */
export function culpritOf(report: CrashReport): CulpritFacts | null {
  if (report.culprit) {
    const c = report.culprit;
    const m = report.modules.find((x) => fileName(x.codeFile).toLowerCase() === c.name.toLowerCase());
    return {
      name: c.name,
      version: c.version ?? m?.version ?? null,
      timestamp: c.timestamp ?? m?.timestamp ?? null,
      buildId: m ? buildIdOf(report, m) : null,
      main: m !== undefined && report.mainModule !== null && report.modules[report.mainModule] === m,
      thirdParty: c.thirdParty ?? null,
    };
  }
  if (report.kind !== 'minidump' || report.crashingThread === null) return null;
  const frames = report.threads[report.crashingThread]?.frames.slice(0, MAX_FRAMES_EXAMINED) ?? [];
  const indexes = frames.map((f) => f.module).filter((i): i is number => i !== undefined && report.modules[i] !== undefined);
  const index = indexes.find((i) => !isSystemModule(report.modules[i]!.codeFile)) ?? indexes[0];
  if (index === undefined) return null;
  const m = report.modules[index]!;
  return {
    name: fileName(m.codeFile),
    // 0.0.0.0 is what a module without a version resource reports on macOS/iOS: no version.
    version: m.version && !/^0(\.0)*$/.test(m.version) ? m.version : null,
    timestamp: m.timestamp ? m.timestamp : null,
    buildId: buildIdOf(report, m),
    main: report.mainModule === index,
    thirdParty: !isSystemModule(m.codeFile),
  };
}

/** On Linux and Android a module's code id is its GNU build id (Breakpad's minidump writer puts it there). */
function buildIdOf(report: CrashReport, m: ModuleInfo): string | null {
  if (!m.codeId || !['linux', 'android'].includes(report.system.os.id)) return null;
  return /^[0-9a-f]{8,128}$/i.test(m.codeId) ? m.codeId.toLowerCase() : null;
}

const fileName = (path: string): string => path.split(/[\\/]/).pop() || path;

/** C runtime and loader libraries: the operating system's (or the toolchain's) wherever they are loaded from. */
const SYSTEM_NAMES =
  /^(ntdll|kernel32|kernelbase|ucrtbased?|msvcrt|msvcp\d+d?|vcruntime\d+(_1)?d?|user32|win32u|gdi32(full)?|combase|rpcrt4|ole32|sechost|advapi32|libc(-[\d.]+)?|ld(-linux[^.]*)?(-[\d.]+)?|libpthread(-[\d.]+)?|libm(-[\d.]+)?|libdl(-[\d.]+)?|librt(-[\d.]+)?|libstdc\+\+|libgcc_s|libc\+\+(abi)?|linux-gate|linux-vdso|libsystem_\w+|libdyld|dyld(_sim)?|libobjc\.A)(\.(dll|so|dylib))?([.\d]*)$/i;

/**
 * A module of the operating system: Windows' own folder (but not DriverStore, where vendors'
 * user-mode drivers live), the macOS/iOS system frameworks, and the C runtime and loader by name.
 */
export function isSystemModule(codeFile: string): boolean {
  const path = codeFile.replace(/\\/g, '/').toLowerCase();
  if (/(^|\/)windows\/(system32|syswow64|winsxs)\//.test(path) && !path.includes('/driverstore/')) return true;
  if (/(^|\/)system\/library\//.test(path) || /(^|\/)usr\/lib\/system\//.test(path)) return true;
  return SYSTEM_NAMES.test(fileName(codeFile));
}

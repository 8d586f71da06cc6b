import { fileNameOf } from '../../report/file-name.js';
import type { ModuleInfo, UnloadedModuleInfo } from '../../report/model.js';
import type { MinidumpModule } from './streams/module-list.js';
import type { RawUnloadedModule } from './streams/unloaded-module-list.js';
import { fileVersionString } from './streams/version-info.js';

/** Windows code id: TimeDateStamp (8 hex digits) then SizeOfImage, as rust-minidump writes it. */
function peCodeId(timeDateStamp: number, size: number): string {
  return timeDateStamp.toString(16).padStart(8, '0') + size.toString(16);
}

/** The shared module record from MINIDUMP_MODULE and its CodeView record. */
/** `osId` is the report's OS id ('windows', 'mac', 'linux', ...): code ids are OS-specific. */
export function moduleInfo(m: MinidumpModule, osId: string): ModuleInfo {
  const info: ModuleInfo = {
    base: m.raw.baseOfImage,
    size: BigInt(m.raw.sizeOfImage),
    codeFile: m.name,
    timestamp: m.raw.timeDateStamp,
    checksum: m.raw.checkSum,
  };
  const version = fileVersionString(m.raw.versionInfo);
  if (version) info.version = version;
  const cv = m.codeView;
  if (cv?.kind === 'pdb70' || cv?.kind === 'pdb20') {
    info.debugFile = cv.pdbFileName;
    info.debugId = cv.debugId;
  } else if (cv?.kind === 'elf') {
    // ELF modules have no separate debug file name: Breakpad uses the code file's.
    info.debugFile = fileNameOf(m.name);
    info.debugId = cv.debugId;
    info.codeId = cv.codeId;
  }
  if (osId === 'windows') {
    info.codeId ??= peCodeId(m.raw.timeDateStamp, m.raw.sizeOfImage);
  } else if ((osId === 'mac' || osId === 'ios') && cv?.kind === 'pdb70') {
    // Mach-O: the CodeView GUID is the LC_UUID; rust-minidump shows it as the code id.
    info.codeId = cv.debugId.slice(0, 32).toLowerCase();
  }
  return info;
}

export function unloadedModuleInfo(m: RawUnloadedModule): UnloadedModuleInfo {
  return {
    base: m.baseOfImage,
    size: BigInt(m.sizeOfImage),
    codeFile: m.name,
    codeId: peCodeId(m.timeDateStamp, m.sizeOfImage),
    timestamp: m.timeDateStamp,
    checksum: m.checkSum,
  };
}


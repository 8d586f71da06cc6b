import type { ByteView } from '../../../io/byte-view.js';
import { VS_FFI_SIGNATURE } from '../constants.js';

/** VS_FIXEDFILEINFO (verrsrc.h), 52 bytes inside MINIDUMP_MODULE. */
export interface RawFixedFileInfo {
  signature: number;
  strucVersion: number;
  fileVersionMS: number;
  fileVersionLS: number;
  productVersionMS: number;
  productVersionLS: number;
  fileFlagsMask: number;
  fileFlags: number;
  fileOS: number;
  fileType: number;
  fileSubtype: number;
  fileDateMS: number;
  fileDateLS: number;
}
export const FIXED_FILE_INFO_SIZE = 52;

export function readFixedFileInfo(v: ByteView, o: number): RawFixedFileInfo {
  return {
    signature: v.u32(o),
    strucVersion: v.u32(o + 4),
    fileVersionMS: v.u32(o + 8),
    fileVersionLS: v.u32(o + 12),
    productVersionMS: v.u32(o + 16),
    productVersionLS: v.u32(o + 20),
    fileFlagsMask: v.u32(o + 24),
    fileFlags: v.u32(o + 28),
    fileOS: v.u32(o + 32),
    fileType: v.u32(o + 36),
    fileSubtype: v.u32(o + 40),
    fileDateMS: v.u32(o + 44),
    fileDateLS: v.u32(o + 48),
  };
}

/** "a.b.c.d" from the file version, when the record is a real VS_FIXEDFILEINFO (as Breakpad checks). */
export function fileVersionString(info: RawFixedFileInfo): string | undefined {
  if (info.signature !== VS_FFI_SIGNATURE || (info.strucVersion & 0xffff0000) !== 0x00010000) return undefined;
  const ms = info.fileVersionMS;
  const ls = info.fileVersionLS;
  return `${ms >>> 16}.${ms & 0xffff}.${ls >>> 16}.${ls & 0xffff}`;
}

import type { FileReader } from '../../io/file-reader.js';
import { CulpritParseError } from '../../io/errors.js';
import { LIMITS } from '../../io/limits.js';
import { MINIDUMP_SIGNATURE, MINIDUMP_SIGNATURE_SWAPPED, MINIDUMP_VERSION } from './constants.js';

/** MINIDUMP_HEADER (minidumpapiset.h), 32 bytes. */
export interface RawMinidumpHeader {
  signature: number;
  version: number;
  numberOfStreams: number;
  streamDirectoryRva: number;
  checkSum: number;
  timeDateStamp: number;
  flags: bigint;
}
export const MINIDUMP_HEADER_SIZE = 32;

/** MINIDUMP_DIRECTORY, 12 bytes. */
export interface RawMinidumpDirectory {
  streamType: number;
  dataSize: number;
  rva: number;
}
export const MINIDUMP_DIRECTORY_SIZE = 12;

/** Sets `file.littleEndian` from the signature and reads the header. */
export function readHeader(file: FileReader): RawMinidumpHeader {
  const probe = file.view(0, MINIDUMP_HEADER_SIZE, 'header');
  const sig = probe.u32(0);
  if (sig === MINIDUMP_SIGNATURE_SWAPPED) {
    file.littleEndian = !file.littleEndian;
  } else if (sig !== MINIDUMP_SIGNATURE) {
    throw probe.error('CULPRIT_ERR_BAD_SIGNATURE', `signature 0x${sig.toString(16)} is not MDMP`, 0);
  }
  const v = file.view(0, MINIDUMP_HEADER_SIZE, 'header');
  const header: RawMinidumpHeader = {
    signature: v.u32(0),
    version: v.u32(4),
    numberOfStreams: v.u32(8),
    streamDirectoryRva: v.u32(12),
    checkSum: v.u32(16),
    timeDateStamp: v.u32(20),
    flags: v.u64(24),
  };
  if ((header.version & 0xffff) !== MINIDUMP_VERSION) {
    throw v.error('CULPRIT_ERR_BAD_VERSION', `version 0x${(header.version & 0xffff).toString(16)} is not 0xa793`, 4);
  }
  return header;
}

/**
 * The stream directory. The count is checked against the bytes that remain before any array is
 * sized by it; a directory that runs past the end is read as far as it goes (with the error
 * returned for the caller to turn into a warning).
 */
export function readDirectory(
  file: FileReader,
  header: RawMinidumpHeader,
): { entries: RawMinidumpDirectory[]; error?: CulpritParseError } {
  const rva = header.streamDirectoryRva;
  let count = header.numberOfStreams;
  let error: CulpritParseError | undefined;
  if (count > LIMITS.minidumpStreams) {
    error = new CulpritParseError('CULPRIT_ERR_LIMIT', `${count} streams exceed the limit of ${LIMITS.minidumpStreams}`, {
      format: 'minidump',
      part: 'stream directory',
      offset: 8,
    });
    count = LIMITS.minidumpStreams;
  }
  const fits = Math.max(0, Math.floor((file.size - rva) / MINIDUMP_DIRECTORY_SIZE));
  if (fits < count) {
    error ??= new CulpritParseError(
      'CULPRIT_ERR_TRUNCATED',
      `directory of ${count} streams at 0x${rva.toString(16)} runs past the end of the file; ${fits} read`,
      { format: 'minidump', part: 'stream directory', offset: rva },
    );
    count = fits;
  }
  const entries: RawMinidumpDirectory[] = [];
  if (count === 0) return { entries, error };
  const v = file.view(rva, count * MINIDUMP_DIRECTORY_SIZE, 'stream directory');
  for (let i = 0; i < count; i++) {
    const o = i * MINIDUMP_DIRECTORY_SIZE;
    entries.push({ streamType: v.u32(o), dataSize: v.u32(o + 4), rva: v.u32(o + 8) });
  }
  return { entries, error };
}

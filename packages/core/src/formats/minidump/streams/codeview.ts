import { decodeUtf8, type ByteView } from '../../../io/byte-view.js';
import { CV_SIGNATURE } from '../constants.js';

/**
 * A module's CodeView record: what identifies its debug information.
 * PDB70 ('RSDS'): GUID + age + PDB path. PDB20 ('NB10'): timestamp signature + age + PDB path.
 * ELF ('LEpB', Breakpad's MDCVInfoELF): the GNU build id.
 */
export type CodeViewRecord =
  | { kind: 'pdb70'; guid: string; age: number; pdbFileName: string; debugId: string }
  | { kind: 'pdb20'; signature: number; age: number; pdbFileName: string; debugId: string }
  | { kind: 'elf'; buildId: Uint8Array; debugId: string; codeId: string }
  | { kind: 'unknown'; signature: number };

/** Two uppercase hex digits per byte value: module ids are formatted for every module of every dump. */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

/** `n` (a u8, u16 or u32) as uppercase hex of `width` digits (2, 4 or 8). */
function hex(n: number, width: number): string {
  let s = '';
  for (let shift = (width - 2) * 4; shift >= 0; shift -= 8) s += BYTE_HEX[(n >>> shift) & 0xff];
  return s;
}

function cString(v: ByteView, offset: number): string {
  if (offset >= v.length) return '';
  const raw = v.slice(offset, v.length - offset);
  const end = raw.indexOf(0);
  return decodeUtf8(end < 0 ? raw : raw.subarray(0, end));
}

/**
 * Breakpad's debug id: GUID fields as uppercase hex (Data1-3 numerically, Data4 bytewise), then
 * the age in lowercase hex ("%08X%04X%04X%02X...%x" in MinidumpModule::debug_identifier).
 */
function guidDebugId(d1: number, d2: number, d3: number, d4: Uint8Array, age: number): string {
  let s = hex(d1, 8) + hex(d2, 4) + hex(d3, 4);
  for (const b of d4) s += hex(b, 2);
  return s + age.toString(16);
}

export function readCodeView(v: ByteView): CodeViewRecord {
  const signature = v.u32(0);
  switch (signature) {
    case CV_SIGNATURE.PDB70: {
      const g = v.guid(4);
      const age = v.u32(20);
      // The GUID's hex digits once, for both spellings (every module of every dump has one).
      const d1 = hex(g.data1, 8);
      const d2 = hex(g.data2, 4);
      const d3 = hex(g.data3, 4);
      const d4a = BYTE_HEX[g.data4[0]] + BYTE_HEX[g.data4[1]];
      let d4b = '';
      for (let i = 2; i < 8; i++) d4b += BYTE_HEX[g.data4[i]];
      const guid = d1 + '-' + d2 + '-' + d3 + '-' + d4a + '-' + d4b;
      // Same digits as guidDebugId(...) without the dashes.
      return { kind: 'pdb70', guid, age, pdbFileName: cString(v, 24), debugId: d1 + d2 + d3 + d4a + d4b + age.toString(16) };
    }
    case CV_SIGNATURE.PDB20: {
      // CV_INFO_PDB20: CvSignature, Offset, Signature (timestamp), Age, PdbFileName.
      const sig = v.u32(8);
      const age = v.u32(12);
      return { kind: 'pdb20', signature: sig, age, pdbFileName: cString(v, 16), debugId: hex(sig, 8) + age.toString(16) };
    }
    case CV_SIGNATURE.ELF: {
      const buildId = v.slice(4, v.length - 4);
      let codeId = '';
      for (const b of buildId) codeId += BYTE_HEX[b];
      return { kind: 'elf', buildId, debugId: elfDebugId(buildId), codeId: codeId.toLowerCase() };
    }
    default:
      return { kind: 'unknown', signature };
  }
}

/**
 * Breakpad turns an ELF build id into a debug id by taking its first 16 bytes (zero-padded) as a
 * little-endian GUID and appending age 0 (see Breakpad's FileID::ConvertIdentifierToUUIDString).
 */
export function elfDebugId(buildId: Uint8Array): string {
  const b = new Uint8Array(16);
  b.set(buildId.subarray(0, 16));
  const d1 = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  const d2 = b[4] | (b[5] << 8);
  const d3 = b[6] | (b[7] << 8);
  return guidDebugId(d1, d2, d3, b.subarray(8, 16), 0);
}

import { decodeUtf8, type ByteView } from '../../../io/byte-view.js';
import type { FileReader } from '../../../io/file-reader.js';
import { LIMITS } from '../../../io/limits.js';
import type { StreamInput } from '../stream-context.js';
import { readLocation, type LocationDescriptor } from '../location.js';

/**
 * Crashpad's MinidumpCrashpadInfo (crashpad/minidump/minidump_extensions.h): report and client
 * ids, process-wide simple annotations, and per-module annotations (list, simple, and typed
 * annotation objects).
 */
export interface CrashpadInfo {
  version: number;
  reportId: string;
  clientId: string;
  simpleAnnotations: [string, string][];
  modules: CrashpadModuleInfo[];
}

export interface CrashpadModuleInfo {
  /** Index into the minidump's module list. */
  moduleIndex: number;
  listAnnotations: string[];
  simpleAnnotations: [string, string][];
  annotationObjects: { name: string; type: number; value: string | Uint8Array }[];
}

/** crashpad::Annotation::Type::kString. */
const ANNOTATION_TYPE_STRING = 1;

/** Crashpad's UUID::ToString: the first three fields as host-order integers, then bytes. */
function uuid(v: ByteView, o: number): string {
  const h = (n: number, w: number): string => n.toString(16).padStart(w, '0');
  const b = v.slice(o + 8, 8);
  return `${h(v.u32(o), 8)}-${h(v.u16(o + 4), 4)}-${h(v.u16(o + 6), 4)}-${h(b[0], 2)}${h(b[1], 2)}-${[...b.subarray(2)].map((x) => h(x, 2)).join('')}`;
}

/** MinidumpUTF8String: u32 length then bytes. */
function utf8String(file: FileReader, rva: number, part: string): string {
  const len = file.view(rva, 4, part).u32(0);
  return decodeUtf8(file.view(rva + 4, Math.min(len, LIMITS.stringBytes), part).bytes);
}

function byteArray(file: FileReader, rva: number, part: string): Uint8Array {
  const len = file.view(rva, 4, part).u32(0);
  return file.view(rva + 4, Math.min(len, LIMITS.stringBytes), part).bytes;
}

/** MinidumpSimpleStringDictionary: u32 count, {key RVA, value RVA}[]. */
function simpleDictionary(file: FileReader, loc: LocationDescriptor, part: string): [string, string][] {
  if (loc.rva === 0 || loc.dataSize === 0) return [];
  const head = file.view(loc.rva, 4, part);
  const count = head.u32(0);
  if (count > LIMITS.annotations) throw head.error('CULPRIT_ERR_LIMIT', `${count} annotations exceed the limit`, 0);
  const v = file.view(loc.rva + 4, count * 8, part);
  const out: [string, string][] = [];
  for (let i = 0; i < count; i++) out.push([utf8String(file, v.u32(i * 8), part), utf8String(file, v.u32(i * 8 + 4), part)]);
  return out;
}

/** MinidumpRVAList of MinidumpUTF8String. */
function stringList(file: FileReader, loc: LocationDescriptor, part: string): string[] {
  if (loc.rva === 0 || loc.dataSize === 0) return [];
  const head = file.view(loc.rva, 4, part);
  const count = head.u32(0);
  if (count > LIMITS.annotations) throw head.error('CULPRIT_ERR_LIMIT', `${count} annotations exceed the limit`, 0);
  const v = file.view(loc.rva + 4, count * 4, part);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(utf8String(file, v.u32(i * 4), part));
  return out;
}

/** MinidumpAnnotationList: u32 count, MinidumpAnnotation {name RVA, type u16, reserved u16, value RVA}[]. */
function annotationObjects(file: FileReader, loc: LocationDescriptor, part: string): CrashpadModuleInfo['annotationObjects'] {
  if (loc.rva === 0 || loc.dataSize === 0) return [];
  const head = file.view(loc.rva, 4, part);
  const count = head.u32(0);
  if (count > LIMITS.annotations) throw head.error('CULPRIT_ERR_LIMIT', `${count} annotations exceed the limit`, 0);
  const v = file.view(loc.rva + 4, count * 12, part);
  const out: CrashpadModuleInfo['annotationObjects'] = [];
  for (let i = 0; i < count; i++) {
    const name = utf8String(file, v.u32(i * 12), part);
    const type = v.u16(i * 12 + 4);
    const bytes = byteArray(file, v.u32(i * 12 + 8), part);
    out.push({ name, type, value: type === ANNOTATION_TYPE_STRING ? decodeUtf8(bytes) : bytes });
  }
  return out;
}

export function readCrashpadInfo(input: StreamInput): { info: CrashpadInfo; errors: unknown[] } {
  const { file, data: v, part } = input;
  v.need(0, 52, 'MinidumpCrashpadInfo');
  const errors: unknown[] = [];
  const info: CrashpadInfo = {
    version: v.u32(0),
    reportId: uuid(v, 4),
    clientId: uuid(v, 20),
    simpleAnnotations: [],
    modules: [],
  };
  try {
    info.simpleAnnotations = simpleDictionary(file, readLocation(v, 36), `${part} simple annotations`);
  } catch (err) {
    errors.push(err);
  }
  const modLoc = readLocation(v, 44);
  if (modLoc.rva !== 0 && modLoc.dataSize !== 0) {
    try {
      const head = file.view(modLoc.rva, 4, `${part} module list`);
      const count = head.u32(0);
      if (count > LIMITS.modules) throw head.error('CULPRIT_ERR_LIMIT', `${count} module links exceed the limit`, 0);
      const links = file.view(modLoc.rva + 4, count * 12, `${part} module list`);
      for (let i = 0; i < count; i++) {
        const mpart = `${part} module ${i}`;
        try {
          const loc = readLocation(links, i * 12 + 4);
          // MinidumpModuleCrashpadInfo: version, list_annotations, simple_annotations, annotation_objects.
          const m = file.view(loc.rva, Math.min(Math.max(loc.dataSize, 20), 28), mpart);
          info.modules.push({
            moduleIndex: links.u32(i * 12),
            listAnnotations: stringList(file, readLocation(m, 4), mpart),
            simpleAnnotations: simpleDictionary(file, readLocation(m, 12), mpart),
            annotationObjects: m.has(20, 8) ? annotationObjects(file, readLocation(m, 20), mpart) : [],
          });
        } catch (err) {
          errors.push(err);
        }
      }
    } catch (err) {
      errors.push(err);
    }
  }
  return { info, errors };
}

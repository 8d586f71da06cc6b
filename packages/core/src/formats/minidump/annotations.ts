import type { Annotation } from '../../report/model.js';
import { MINIDUMP_STREAM_TYPE as S } from './constants.js';
import type { Minidump } from './minidump.js';
import { readCrashpadInfo, type CrashpadInfo } from './streams/crashpad-info.js';
import { readMacBootArgs, readMacCrashInfo, type MacCrashInfoRecord } from './streams/mac-crash-info.js';

/**
 * Key-value facts the crashing program left: Crashpad annotations and macOS crash info.
 * `moduleName(i)` is module i's file name, asked for only when an annotation names a module
 * (most dumps have none, and some list hundreds of modules).
 */
export function collectAnnotations(
  dump: Minidump,
  moduleName: (index: number) => string | undefined,
): { annotations: Annotation[]; crashpad?: CrashpadInfo; macCrashInfo?: MacCrashInfoRecord[]; macBootArgs?: string } {
  const annotations: Annotation[] = [];
  const crashpad = dump.stream(S.CrashpadInfoStream, readCrashpadInfo);
  if (crashpad) {
    dump.note(crashpad.errors, 'CrashpadInfoStream');
    for (const [key, value] of crashpad.info.simpleAnnotations) annotations.push({ source: 'crashpad', key, value });
    for (const m of crashpad.info.modules) {
      const module = moduleName(m.moduleIndex) ?? `module ${m.moduleIndex}`;
      m.listAnnotations.forEach((value, i) => annotations.push({ source: 'crashpad-module-list', module, key: String(i), value }));
      for (const [key, value] of m.simpleAnnotations) annotations.push({ source: 'crashpad-module', module, key, value });
      for (const o of m.annotationObjects) {
        if (typeof o.value === 'string') annotations.push({ source: 'crashpad-annotation', module, key: o.name, value: o.value });
      }
    }
  }
  const mac = dump.stream(S.MozMacosCrashInfoStream, readMacCrashInfo);
  if (mac) {
    dump.note(mac.errors, 'MozMacosCrashInfoStream');
    for (const r of mac.records) {
      for (const key of ['message', 'signatureString', 'backtrace', 'message2'] as const) {
        if (r[key]) annotations.push({ source: 'mac-crash-info', module: r.modulePath, key, value: r[key] });
      }
    }
  }
  const bootArgs = dump.stream(S.MozMacosBootargsStream, readMacBootArgs) ?? undefined;
  return { annotations, crashpad: crashpad?.info, macCrashInfo: mac?.records, macBootArgs: bootArgs };
}

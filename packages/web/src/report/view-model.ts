/**
 * The slice of `CrashReport` (packages/core/src/report/model.ts) the pages show. Reports analysed
 * in the browser carry 64-bit values as `bigint`; reports from the API carry them as '0x…'
 * strings (the service's JSON writer), so those fields accept both.
 */
export type Wide = bigint | string | number;

export interface ViewFrame {
  instruction: Wide;
  trust: string;
  module?: number;
  moduleOffset?: Wide;
  function?: string;
  functionOffset?: Wide;
  file?: string;
  line?: number;
  missingSymbols?: boolean;
  inlines?: { function: string; file?: string; line?: number }[];
}

export interface ViewThread {
  id: number;
  name?: string;
  frames: ViewFrame[];
  wroteDump?: boolean;
  truncated?: string;
}

export interface ViewModule {
  codeFile: string;
  debugFile?: string;
  debugId?: string;
  version?: string;
  vendor?: string;
  symbols?: string;
  flags?: string[];
}

export interface ViewReport {
  kind: string;
  format: string;
  system: { os: { platform: string; version?: string; build?: string; description?: string }; cpu: { arch: string; description?: string; count?: number } };
  process?: { name?: string };
  crash: { reason: string; code?: number; address: Wide | null; assertion?: string; message?: string } | null;
  threads: ViewThread[];
  crashingThread: number | null;
  modules: ViewModule[];
  annotations: { source: string; module?: string; key: string; value: string }[];
  culprit?: { name: string; version?: string; vendor?: string; thirdParty?: boolean; confidence: string; summary: string; steps: string[] };
  signature?: string;
  warnings: { code?: string; message?: string; detail?: string }[];
}

export function hex(v: Wide | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return `0x${v.toString(16).padStart(v > 0xffffffffn || Number(v) > 0xffffffff ? 16 : 8, '0')}`;
}

/** The last path component, for either separator: 'C:\\Windows\\ntdll.dll' → 'ntdll.dll'. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** A frame the way Breakpad prints it: function + offset, else module + offset, else the address. */
export function frameLabel(f: ViewFrame, modules: ViewModule[]): { func: string; module: string } {
  const mod = f.module !== undefined ? modules[f.module] : undefined;
  const module = mod ? baseName(mod.codeFile) : '';
  if (f.function) return { func: f.functionOffset !== undefined ? `${f.function} + ${hex(f.functionOffset)}` : f.function, module };
  if (mod && f.moduleOffset !== undefined) return { func: `${module} + ${hex(f.moduleOffset)}`, module };
  return { func: hex(f.instruction), module };
}

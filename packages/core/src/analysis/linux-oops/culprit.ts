import type { KernelModule, OopsReport } from '../../formats/linux-oops/types.js';
import { describeModuleMarker } from '../../formats/linux-oops/taint.js';
import type { Culprit } from '../../report/model.js';
import type { TitleResult } from './title.js';

/**
 * Who is responsible for one report, in order of evidence strength:
 *   1. the module holding the faulting instruction, when it is not the core kernel;
 *   2. else the first module among the reliable frames of the reporting CPU's trace;
 *   3. else the core-kernel function the title names (or the faulting function).
 * Taint never assigns blame: a proprietary module being loaded is reported, not accused.
 * A kernel that had oopsed before (`[#N]` with N > 1, taint D) lowers confidence: the first
 * oops is the likelier root cause.
 */
export function attributeCulprit(r: OopsReport, title: TitleResult, index: number): Culprit {
  const steps: string[] = [];
  let name: string | undefined;
  let module: string | undefined;
  let confidence: Culprit['confidence'] = 'none';
  let reason = '';

  const f = r.faulting;
  const where = f?.function ? `${f.function}${f.offset !== undefined ? `+0x${f.offset.toString(16)}` : ''}` : undefined;
  const what = f?.register === 'WARNING' ? 'The WARNING was raised at' : `The faulting instruction (${f?.register})`;
  if (f && where && f.module) {
    module = f.module;
    confidence = 'high';
    reason = `the faulting instruction ${where} is in it`;
    steps.push(`${what} ${where} is in module ${f.module}.`);
  } else {
    if (where) steps.push(`${what} ${where}, in the core kernel.`);
    else steps.push('The report names no faulting function.');
    const frame = r.frames.find((x) => x.reliable && x.module && x.cpuSection === 0);
    if (frame?.module) {
      module = frame.module;
      confidence = 'medium';
      reason = `it is the first module in the reliable call trace (${frame.function ?? '?'})`;
      steps.push(`The first reliable frame from a module is ${frame.function ?? '?'} [${frame.module}] (log line ${frame.line}).`);
    } else {
      const skipped = r.frames.filter((x) => !x.reliable && x.module).length;
      steps.push(skipped > 0 ? `No reliable frame is in a module (${skipped} unreliable '? ' frames are, and are ignored).` : 'No frame of the trace is in a module.');
    }
  }
  if (module) {
    name = module;
    const flags = moduleFlags(r.modules, module);
    if (flags.length) steps.push(`Module ${module} is marked ${flags.join(', ')} in the module list.`);
  } else {
    const fn = title.guiltyFunction ?? f?.function;
    if (fn) {
      name = fn;
      confidence = f?.function === fn || title.guiltyFrame !== undefined ? 'medium' : 'low';
      reason = `the core kernel function ${fn} is where the report points`;
      steps.push(`Culprit is the core kernel function ${fn}${title.guiltyFunction ? ' (helper frames skipped as syzbot does)' : ''}.`);
    }
  }

  // Taint is context, never blame.
  if (r.taint) {
    const letters = r.taintFlags.filter((t) => t.letter !== 'G');
    if (letters.length) steps.push(`Kernel is tainted: ${letters.map((t) => `${t.letter} (${t.meaning})`).join('; ')}.`);
    const marked = r.modules.filter((m) => m.markers.some((x) => x === 'P' || x === 'O' || x === 'E'));
    if (marked.length) {
      const list = marked.map((m) => `${m.name} (${m.markers.filter((x) => /[A-Z]/.test(x)).map(describeModuleMarker).join(', ')})`).join(', ');
      const innocent = marked.filter((m) => m.name !== module).map((m) => m.name);
      steps.push(`Taint comes from: ${list}.`);
      if (innocent.length) steps.push(`Taint alone assigns no blame: ${innocent.join(', ')} ${innocent.length > 1 ? 'are' : 'is'} loaded but the trace does not point there.`);
    }
  } else if (r.taint === '') steps.push('Kernel is not tainted.');

  const diedBefore = r.taint?.includes('D') || (r.oopsNumber !== undefined && r.oopsNumber > 1);
  if (diedBefore) {
    steps.push(`The kernel had already oopsed before this report (${r.oopsNumber !== undefined ? `Oops #${r.oopsNumber}` : 'taint D'}): the first oops matters more; this one may be a consequence.`);
    confidence = confidence === 'high' ? 'medium' : confidence === 'medium' ? 'low' : confidence;
  }
  if (r.consequenceOf !== undefined) steps.push(`This panic follows report #${r.consequenceOf + 1} of the log and is caused by it.`);
  else if (index > 0) steps.push(`Report #1 of the log came earlier; later reports are often consequences of the first.`);

  if (!name) return { name: 'unknown', confidence: 'none', summary: 'No function or module to blame: the report has no usable frames.', steps };
  const flags = module ? moduleFlags(r.modules, module) : [];
  const kind = module ? `module ${module}${flags.length ? ` (${flags.join(', ')})` : ''}` : `kernel function ${name}`;
  return {
    name,
    thirdParty: module ? (flags.some((x) => x === 'out-of-tree' || x === 'proprietary') ? true : r.modules.some((m) => m.name === module) ? false : undefined) : false,
    confidence,
    summary: `Probably caused by ${kind}: ${reason}.`,
    steps,
  };
}

export function moduleFlags(modules: KernelModule[], name: string): string[] {
  const m = modules.find((x) => x.name === name);
  return m ? m.markers.map(describeModuleMarker) : [];
}

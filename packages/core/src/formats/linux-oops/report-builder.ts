import { parseFrameLine } from './frame-line.js';
import { readHeaderFacts, readMarkerFacts, warningFunction } from './header-lines.js';
import { OOPS_LIMITS } from './limits.js';
import type { KernelLine } from './line-prefix.js';
import { continuesReport, isConsequentialPanic, matchMarker } from './markers.js';
import { continuesModuleList, startModuleList, type ModuleListState } from './module-list.js';
import { archFromLine, archFromVersion, readFaultingInstruction, readRegisterLine } from './registers.js';
import type { FaultingInstruction, OopsKind, OopsReport } from './types.js';

/**
 * Cuts a stream of kernel lines into reports and fills each one. A report opens at a marker
 * (markers.ts); markers that arrive before the report has a call trace are part of it
 * (`BUG: ...` + `Oops: 0000 [#1]`, `WARNING` + `Kernel panic - not syncing: panic_on_warn set`);
 * a marker after the call trace opens the next report. A report closes at `---[ end trace`,
 * after too many unrelated lines once its trace started, or at its size limits.
 */
const TRACE_HEADER = /^\s*(?:Call Trace:|Call trace:|Backtrace:|stack backtrace:|Exception stack\(|\[<[0-9a-f]+>\] \(unwind_backtrace\))/i;
const STACK_MARK = /^\s*(<<?\/?[A-Z#]{2,6}>>?)\s*/;
const END_MARK = /^\s*---\[ end (?:trace|Kernel panic)/;

/** Lines that belong to a report after its call trace started (everything else is noise there). */
const CONTENT =
  /^\s*(?:Code:|RIP|RSP|EIP|ESP|R\w{1,3}:|E[A-Z]{2}:|[ER]FLAGS|FS:|CS:|DS:|CR\d|DR\d|Stack:|<0>|Dumping ftrace|\(ftrace buffer|Kernel Offset|Rebooting in|SMP: stopping|CPU features|Memory Limit|Sending NMI|NMI backtrace|CPU: |CPU \d|Hardware name|Workqueue|task: |Process |Pid: |Last Breaking|Krnl|Instruction dump|LR =|--- interrupt|Exception stack|=+$|Modules linked|irq event stamp|hardirqs last|softirqs last|INFO: lockdep|Disabling lock|lock\(|\*\*\* DEADLOCK|#\d+:|\(&|x\d+ ?:|pc :|lr :|sp :|pstate|r\d+ ?:|ip :|fp :|psr:|Flags:|Control:|Table:|DAC:|GPR\d\d|NIP|MSR|CTR|XER|CFAR|DAR|DSISR|SOFTE|TRAP|IRQMASK|PACATMSCRATCH|Backtrace:|Function entered|Mem abort|ESR|EC =|SET =|EA =|Data abort|ISV|CM =|user pgtable|swapper pgtable|\[[0-9a-f]+\] pgd=|PGD|P4D|PUD|PMD|PTE|\*pde|\*pte|Oops|Internal error|invalid opcode|general protection|Kernel panic|note: |Fixing recursive fault|Modules|CR2)/;
/** Lines between the end of a report and a panic that is still its consequence. */
const CONSEQUENCE_WINDOW = 12;
const HEX_WORDS = /^\s*(?:[0-9a-f]{8,16}\s*)+\.?$/;

interface Open {
  r: OopsReport;
  traceStarted: boolean;
  stacks: number;
  cpuSection: number;
  stackContext?: string;
  noiseRun: number;
  linesWithoutTrace: number;
  moduleList?: ModuleListState;
  nmiTraceback: boolean;
  /** Inside the user-mode register block that follows `RIP: 0033:` (not the kernel's state). */
  userRegs: boolean;
  /** s390 `Last Breaking-Event-Address:` prints one more frame that is not part of the trace (satyr stops there too). */
  afterBreakingEvent: boolean;
  /** The current line was taken as a module-list continuation. */
  inModuleList: boolean;
  satyrIp?: FaultingInstruction;
}

export interface BuildResult {
  reports: OopsReport[];
  /** satyr's IP frame per report (`RIP: 0010:[<a>]  [<a>] f`, `EIP: [<a>] f`), same order. */
  satyrIps: (FaultingInstruction | undefined)[];
  droppedReports: number;
}

export class ReportBuilder {
  private open: Open | undefined;
  private lastClosed: { index: number; line: number } | undefined;
  readonly result: BuildResult = { reports: [], satyrIps: [], droppedReports: 0 };

  push(line: KernelLine): void {
    const o = this.open;
    if (line.foreign) {
      if (o) this.noise(o);
      return;
    }
    const marker = matchMarker(line.text);
    if (o) {
      if (line.context && o.r.context && line.context !== o.r.context && !(o.nmiTraceback && line.context.startsWith('C'))) {
        this.noise(o);
        return;
      }
      if (marker) {
        const hasTrace = o.traceStarted && o.r.frames.length > 0;
        if (!hasTrace && !o.r.ended && (marker === 'panic' || continuesReport(marker) || !o.traceStarted)) {
          o.r.extraHeaders.push(line.text.trim());
          readMarkerFacts(line.text, o.r);
          this.content(o, line);
          return;
        }
        const previous = this.close();
        this.start(line, marker, marker === 'panic' && isConsequentialPanic(line.text) ? previous : undefined);
        return;
      }
      if (this.isContent(o, line)) {
        this.content(o, line);
        if (END_MARK.test(line.text)) {
          o.r.ended = true;
          this.close();
        }
      } else this.noise(o);
      return;
    }
    if (marker) {
      const last = this.lastClosed;
      const follows = marker === 'panic' && isConsequentialPanic(line.text) && last && line.no - last.line <= CONSEQUENCE_WINDOW;
      this.start(line, marker, follows ? last.index : undefined);
    }
  }

  finish(): BuildResult {
    this.close();
    return this.result;
  }

  private start(line: KernelLine, kind: OopsKind, consequenceOf: number | undefined): void {
    if (this.result.reports.length >= OOPS_LIMITS.reports) {
      this.result.droppedReports++;
      return;
    }
    const r: OopsReport = {
      kind,
      header: line.text.trim(),
      extraHeaders: [],
      firstLine: line.no,
      lastLine: line.no,
      context: line.context,
      arch: 'unknown',
      taintFlags: [],
      registers: {},
      frames: [],
      modules: [],
      lines: [],
      noiseLines: 0,
      ended: false,
      consequenceOf,
    };
    readMarkerFacts(line.text, r);
    const warn = kind === 'warning' ? warningFunction(line.text) : undefined;
    if (warn) r.faulting = { text: line.text.trim(), register: 'WARNING', ...warn, line: line.no, satyrFrame: false, reliable: true };
    this.open = { r, traceStarted: false, stacks: 0, cpuSection: 0, noiseRun: 0, linesWithoutTrace: 0, nmiTraceback: false, userRegs: false, afterBreakingEvent: false, inModuleList: false };
    this.content(this.open, line);
  }

  /** Returns the index of the closed report. */
  private close(): number | undefined {
    const o = this.open;
    if (!o) return undefined;
    this.open = undefined;
    const r = o.r;
    if (r.arch === 'unknown' && r.kernelVersion) r.arch = archFromVersion(r.kernelVersion) ?? 'unknown';
    if (o.moduleList) {
      r.modules = o.moduleList.modules;
      r.lastUnloaded = o.moduleList.lastUnloaded;
    }
    this.result.reports.push(r);
    this.result.satyrIps.push(o.satyrIp);
    this.lastClosed = { index: this.result.reports.length - 1, line: r.lastLine };
    return this.result.reports.length - 1;
  }

  private noise(o: Open): void {
    o.r.noiseLines++;
    if (o.traceStarted) {
      o.noiseRun++;
      if (o.noiseRun > OOPS_LIMITS.noiseLinesInReport) this.close();
    } else {
      o.linesWithoutTrace++;
      if (o.linesWithoutTrace > OOPS_LIMITS.linesWithoutTrace) this.close();
    }
  }

  private isContent(o: Open, line: KernelLine): boolean {
    if (o.moduleList?.open && continuesModuleList(o.moduleList, line)) {
      o.inModuleList = true;
      return true;
    }
    const t = line.text;
    if (!o.traceStarted) return true;
    if (END_MARK.test(t) || TRACE_HEADER.test(t) || STACK_MARK.test(t) || CONTENT.test(t) || HEX_WORDS.test(t)) return true;
    return parseFrameLine(t) !== undefined;
  }

  private content(o: Open, line: KernelLine): void {
    const r = o.r;
    o.noiseRun = 0;
    r.lastLine = line.no;
    if (r.lines.length >= OOPS_LIMITS.linesPerReport) {
      r.truncated = `report longer than ${OOPS_LIMITS.linesPerReport} lines`;
      this.close();
      return;
    }
    r.lines.push(line.text);
    if (!o.traceStarted && ++o.linesWithoutTrace > OOPS_LIMITS.linesWithoutTrace) {
      this.close();
      return;
    }
    let t = line.text;
    if (o.inModuleList) {
      o.inModuleList = false;
      return;
    }
    if (/^\s*Last Breaking-Event-Address:/.test(t)) o.afterBreakingEvent = true;
    if (/^\s*NMI backtrace for cpu \d+/.test(t)) {
      o.cpuSection++;
      return;
    }
    if (/Sending NMI from CPU/.test(t)) o.nmiTraceback = true;
    if (o.cpuSection === 0) readHeaderFacts(t, r);
    const arch = archFromLine(t);
    if (arch && r.arch === 'unknown' && o.cpuSection === 0) r.arch = arch;
    if (!o.moduleList) {
      const list = startModuleList(t);
      if (list) {
        o.moduleList = list;
        return;
      }
    }
    if (TRACE_HEADER.test(t)) {
      o.traceStarted = true;
      o.stacks++;
      o.stackContext = undefined;
      o.userRegs = false;
      if (!/\(unwind_backtrace\)/.test(t)) return;
    }
    if (/^\s*RIP: 00(?:33|23|2b|73):/.test(t)) o.userRegs = true;
    const fault = readFaultingInstruction(t, line.no);
    if (fault) {
      o.userRegs = false;
      if (fault.satyrFrame && !o.satyrIp) o.satyrIp = fault;
      if (o.cpuSection === 0 && (!r.faulting || (!r.faulting.function && fault.function) || r.faulting.register === 'WARNING')) {
        if (!(r.faulting?.register === 'WARNING' && !fault.function)) r.faulting = fault;
      }
      return;
    }
    if (!o.userRegs && o.cpuSection === 0 && !parseFrameLine(t) && readRegisterLine(t, r.registers, r.arch) > 0) return;
    // Stack context markers: `<IRQ>`, `</IRQ>`, `<NMI>`, `<EOI>`, `<<EOE>>`, `<TASK>`.
    let mark: RegExpExecArray | null;
    while ((mark = STACK_MARK.exec(t))) {
      const label = mark[1].replace(/[<>]/g, '');
      if (label.startsWith('/') || label === 'EOI' || label === 'EOE') o.stackContext = undefined;
      else o.stackContext = label;
      t = t.slice(mark[0].length);
    }
    const f = parseFrameLine(t);
    if (!f || o.afterBreakingEvent) return;
    o.traceStarted = true;
    if (r.frames.length >= OOPS_LIMITS.framesPerReport) {
      r.truncated = `more than ${OOPS_LIMITS.framesPerReport} frames`;
      return;
    }
    r.frames.push({
      address: f.address,
      reliable: f.reliable,
      function: f.function,
      offset: f.offset,
      length: f.length,
      module: f.module,
      fromFunction: f.fromFunction,
      fromModule: f.fromModule,
      stackContext: o.stackContext,
      stack: Math.max(0, o.stacks - 1),
      cpuSection: o.cpuSection,
      line: line.no,
    });
  }
}

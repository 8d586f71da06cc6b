import type { ByteSource } from '../../io/byte-source.js';
import { FileReader } from '../../io/file-reader.js';
import { ByteView } from '../../io/byte-view.js';
import { warningFromError, type ReportWarning } from '../../io/errors.js';
import type { CpuArch, CpuContext } from '../../report/cpu.js';
import { lookupBugCheck } from '../../analysis/bugcheck/catalogue.js';
import { IMAGE_FILE_MACHINE, DUMP_TYPE, TRIAGE_DUMP_VALID } from './constants.js';
import { readDumpHeader, type RawDumpHeader } from './header.js';
import { contextSize, readContext } from './context/index.js';
import { readExceptionRecord, EXCEPTION_RECORD32_SIZE, EXCEPTION_RECORD64_SIZE, type RawExceptionRecord } from './exception-record.js';
import { readTriageHeader, readTriageDataBlocks, type RawTriageHeader } from './triage.js';
import { readTriageDrivers, readTriageUnloadedDrivers, type KernelDriver, type UnloadedDriver } from './triage-drivers.js';
import { findProcessName } from './triage-process-name.js';
import { readKdDebuggerData, type RawKdDebuggerData } from './kd-debugger-data.js';
import { BlockMemory, type MemoryBlock, type VirtualMemory } from './virtual-memory.js';
import { readFullMemory, type FullMemoryInfo } from './full-memory.js';

export const FORMAT = 'kernel-dump';

/** Everything read from a kernel dump, before analysis. */
export interface ParsedKernelDump {
  header: RawDumpHeader;
  arch: CpuArch;
  /** Context saved in the header: the processor state when KeBugCheckEx ran. */
  headerContext: CpuContext | null;
  headerException: RawExceptionRecord | null;
  /** Context and exception record a bug check parameter points at, read from captured memory. */
  faultContext: { parameter: number; address: bigint; context: CpuContext } | null;
  faultException: { parameter: number; address: bigint; record: RawExceptionRecord } | null;
  triage: RawTriageHeader | null;
  drivers: KernelDriver[];
  unloadedDrivers: UnloadedDriver[];
  processName?: string;
  /** The faulting thread's stack as captured: first byte's address and the bytes. */
  stack: { base: bigint; bytes: Uint8Array } | null;
  kdDebuggerData: RawKdDebuggerData | null;
  memory: VirtualMemory | null;
  /** Physical layout of complete and kernel dumps. */
  fullMemory: FullMemoryInfo | null;
  dataBlockCount: number;
  warnings: ReportWarning[];
}

export function archOfMachine(machine: number): CpuArch {
  if (machine === IMAGE_FILE_MACHINE.AMD64) return 'amd64';
  if (machine === IMAGE_FILE_MACHINE.I386) return 'x86';
  if (machine === IMAGE_FILE_MACHINE.ARM64) return 'arm64';
  if (machine === IMAGE_FILE_MACHINE.ARMNT) return 'arm';
  return 'unknown';
}

export function parseKernelDump(source: ByteSource): ParsedKernelDump {
  const reader = new FileReader(source, true, FORMAT);
  const header = readDumpHeader(reader);
  const warnings: ReportWarning[] = [];
  const attempt = <T>(part: string, fn: () => T): T | null => {
    try {
      return fn();
    } catch (err) {
      warnings.push(warningFromError(err, part));
      return null;
    }
  };
  if (header.availableBytes < header.layout.headerSize) {
    warnings.push({
      code: 'CULPRIT_ERR_TRUNCATED',
      message: `the file ends inside the ${header.layout.headerSize}-byte dump header (after ${header.availableBytes} bytes)`,
      part: 'DUMP_HEADER',
      offset: header.availableBytes,
    });
  }
  const arch = archOfMachine(header.machineImageType);
  const ptr = header.layout.pointerSize;
  const headerView = reader.viewUpTo(0, header.layout.headerSize, 'DUMP_HEADER');
  const headerContext =
    contextSize(arch) > 0 && headerView.has(header.layout.contextRecord, contextSize(arch)) && !isFiller(headerView.u32(header.layout.contextRecord))
      ? attempt('CONTEXT', () => readContext(arch, headerView, header.layout.contextRecord))
      : null;
  const excSize = header.is64 ? EXCEPTION_RECORD64_SIZE : EXCEPTION_RECORD32_SIZE;
  const headerException =
    headerView.has(header.layout.exceptionRecord, excSize) && !isFiller(headerView.u32(header.layout.exceptionRecord))
      ? attempt('EXCEPTION_RECORD', () => readExceptionRecord(headerView, header.layout.exceptionRecord, header.is64))
      : null;

  const out: ParsedKernelDump = {
    header,
    arch,
    headerContext,
    headerException,
    faultContext: null,
    faultException: null,
    triage: null,
    drivers: [],
    unloadedDrivers: [],
    stack: null,
    kdDebuggerData: null,
    memory: null,
    fullMemory: null,
    dataBlockCount: 0,
    warnings,
  };

  if (header.dumpType === DUMP_TYPE.TRIAGE) {
    readTriageParts(reader, out, attempt);
  } else if (header.dumpType !== undefined && header.dumpType !== DUMP_TYPE.HEADER) {
    const full = attempt('PHYSICAL_MEMORY', () => readFullMemory(reader, header, arch, warnings));
    if (full) {
      out.fullMemory = full.info;
      out.memory = full.memory;
      out.drivers = full.drivers;
      out.kdDebuggerData = full.kdDebuggerData;
      out.stack = full.stackOf(headerContext);
    }
  } else if (header.dumpType === undefined) {
    warnings.push({ code: 'CULPRIT_ERR_BAD_VALUE', message: 'the header does not say which kind of dump this is', part: 'DUMP_HEADER' });
  }

  if (out.memory) resolveFaultRecords(out, arch, ptr);
  return out;
}

function readTriageParts(reader: FileReader, out: ParsedKernelDump, attempt: <T>(part: string, fn: () => T) => T | null): void {
  const { header } = out;
  const triage = attempt('TRIAGE_DUMP', () => readTriageHeader(reader, header.layout.headerSize, header.is64));
  if (!triage) return;
  out.triage = triage;
  const valid = attempt('TRIAGE_DUMP', () => reader.view(triage.validOffset, 4, 'TRIAGE_DUMP').u32(0));
  if (valid !== null && valid !== TRIAGE_DUMP_VALID) {
    out.warnings.push({
      code: 'CULPRIT_ERR_BAD_VALUE',
      message: 'the triage dump is not marked complete (no TRGD marker): the writer may have stopped early',
      part: 'TRIAGE_DUMP',
      offset: triage.validOffset,
    });
  }
  if (triage.sizeOfDump > reader.size) {
    out.warnings.push({
      code: 'CULPRIT_ERR_TRUNCATED',
      message: `the dump says it is ${triage.sizeOfDump} bytes long but the file has ${reader.size}`,
      part: 'TRIAGE_DUMP',
      offset: reader.size,
    });
  }
  out.drivers = attempt('DUMP_DRIVER_ENTRY', () => readTriageDrivers(reader, triage, header.is64)) ?? [];
  out.unloadedDrivers = attempt('DUMP_UNLOADED_DRIVERS', () => readTriageUnloadedDrivers(reader, triage, header.is64)) ?? [];
  out.processName = attempt('EPROCESS', () => findProcessName(reader, triage.processOffset, triage.threadOffset)) ?? undefined;

  const blocks: MemoryBlock[] = [];
  if (triage.sizeOfCallStack > 0) {
    const stack = attempt('CallStack', () => reader.view(triage.callStackOffset, triage.sizeOfCallStack, 'CallStack'));
    if (stack) {
      out.stack = { base: triage.topOfStack, bytes: stack.bytes };
      blocks.push({ address: triage.topOfStack, fileOffset: triage.callStackOffset, size: triage.sizeOfCallStack });
    }
  }
  if (triage.dataPageAddress !== 0n && triage.dataPageSize > 0 && triage.dataPageOffset + triage.dataPageSize <= reader.size) {
    blocks.push({ address: triage.dataPageAddress, fileOffset: triage.dataPageOffset, size: triage.dataPageSize });
  }
  const dataBlocks = attempt('TRIAGE_DATA_BLOCK', () => readTriageDataBlocks(reader, triage, header.is64)) ?? [];
  out.dataBlockCount = dataBlocks.length;
  if (dataBlocks.length < triage.dataBlocksCount && dataBlocks.length > 0) {
    out.warnings.push({
      code: 'CULPRIT_ERR_TRUNCATED',
      message: `${triage.dataBlocksCount - dataBlocks.length} of ${triage.dataBlocksCount} memory blocks point outside the file`,
      part: 'TRIAGE_DATA_BLOCK',
      offset: triage.dataBlocksOffset,
    });
  }
  blocks.push(...dataBlocks);
  if (triage.debuggerDataOffset > 0 && triage.debuggerDataSize > 0) {
    out.kdDebuggerData = attempt('KDDEBUGGER_DATA64', () =>
      readKdDebuggerData(reader.view(triage.debuggerDataOffset, triage.debuggerDataSize, 'KDDEBUGGER_DATA64')),
    );
  }
  out.memory = new BlockMemory(blocks, (offset, length) => {
    const bytes = reader.source.read(offset, length);
    return bytes.byteLength === length ? bytes : null;
  });
}

/**
 * Bug checks raised for an exception (0x7E, 0x3B, 0x1E-like codes) pass the addresses of the
 * exception record and of the saved CONTEXT as parameters. When the dump captured that memory
 * (usually: the records live on the faulting stack), reading them gives the real fault site,
 * like `.exr` / `.cxr` in WinDbg.
 */
function resolveFaultRecords(out: ParsedKernelDump, arch: CpuArch, ptr: 4 | 8): void {
  const memory = out.memory!;
  const info = lookupBugCheck(out.header.bugCheckCode, out.header.bugCheckParameters);
  info.roles.forEach((role, i) => {
    const address = out.header.bugCheckParameters[i]!;
    if (address === 0n) return;
    try {
      if (role === 'context-record' && !out.faultContext && contextSize(arch) > 0) {
        const bytes = memory.read(address, contextSize(arch));
        if (!bytes) return;
        const view = new ByteView(bytes, 0, true, { format: FORMAT, part: `CONTEXT at 0x${address.toString(16)}` });
        const context = readContext(arch, view, 0);
        if (context) out.faultContext = { parameter: i + 1, address, context };
      } else if (role === 'exception-record' && !out.faultException) {
        const size = ptr === 8 ? EXCEPTION_RECORD64_SIZE : EXCEPTION_RECORD32_SIZE;
        const bytes = memory.read(address, size);
        if (!bytes) return;
        const view = new ByteView(bytes, 0, true, { format: FORMAT, part: `EXCEPTION_RECORD at 0x${address.toString(16)}` });
        out.faultException = { parameter: i + 1, address, record: readExceptionRecord(view, 0, ptr === 8) };
      }
    } catch (err) {
      out.warnings.push(warningFromError(err, role));
    }
  });
}

/** An unwritten header field still holds the 'PAGE' filler. */
function isFiller(value: number): boolean {
  return value === 0x45474150;
}

import { fileNameOf, type CrashReport, type Frame, type MinidumpDetails, type ModuleInfo, type ThreadReport } from '@culprit/core';

/**
 * rust-minidump's `minidump-stackwalk --json` document (its JSON schema: crash_info,
 * crashing_thread, modules, threads, system_info, ...). Addresses are fixed-width hex strings
 * the way that tool prints them: pointer width for addresses, 8 digits for 32-bit offsets.
 */
export function minidumpStackwalkJson(report: CrashReport): Record<string, unknown> {
  const details = report.details.minidump as MinidumpDetails | undefined;
  const wide = ['amd64', 'arm64', 'ppc64', 'mips64', 'riscv64'].includes(report.system.cpu.arch);
  const addr = (v: bigint): string => '0x' + v.toString(16).padStart(wide ? 16 : 8, '0');
  const off = (v: bigint): string => '0x' + v.toString(16).padStart(wide ? 16 : 8, '0');

  // Every frame in a module repeats the module's file name: work each out once.
  const moduleNames = report.modules.map((m) => fileNameOf(m.codeFile));

  const frameJson = (f: Frame, i: number, withRegisters: boolean): Record<string, unknown> => {
    const mod = f.module !== undefined ? report.modules[f.module] : undefined;
    // rust-minidump reports a caller frame at its return address minus one (inside the call
    // instruction); Breakpad, and Culprit's human output, show the return address itself.
    const adj = f.trust === 'context' ? 0n : 1n;
    const out: Record<string, unknown> = {
      file: f.file ?? null,
      frame: i,
      function: f.function ?? null,
      function_offset: f.functionOffset !== undefined ? off(f.functionOffset - adj) : null,
      inlines: f.inlines && f.inlines.length > 0 ? f.inlines.map((x) => ({ file: x.file ?? null, function: x.function, line: x.line ?? null })) : null,
      line: f.line ?? null,
      missing_symbols: mod !== undefined && !f.function,
      module: mod ? moduleNames[f.module!] : null,
      module_offset: f.moduleOffset !== undefined ? off(f.moduleOffset - adj) : null,
      offset: addr(f.instruction - adj),
    };
    if (withRegisters && f.context) {
      const regs: Record<string, string> = {};
      // rust-minidump lists rflags for no amd64 frame; x86 frames carry eflags.
      const names = Object.keys(f.context.registers).filter((n) => !(report.system.cpu.arch === 'amd64' && n === 'eflags'));
      for (const name of names.sort()) {
        if (!f.context.valid || f.context.valid.includes(name)) regs[name] = addr(f.context.registers[name]);
      }
      out.registers = regs;
    }
    out.trust = f.trust;
    out.unloaded_modules = f.unloadedModules && f.unloadedModules.length > 0 ? f.unloadedModules.map((u) => ({ module: u.name, offsets: [off(u.offset)] })) : null;
    return out;
  };

  const threadJson = (t: ThreadReport, crashing: boolean): Record<string, unknown> => ({
    frame_count: t.frames.length,
    frames: t.frames.map((f, i) => frameJson(f, i, crashing && i === 0)),
    last_error_value: t.lastErrorValue !== undefined ? `0x${t.lastErrorValue.toString(16).padStart(8, '0')}` : null,
    thread_id: t.id,
    thread_name: t.name ?? null,
  });

  const moduleJson = (m: ModuleInfo, i: number): Record<string, unknown> => ({
    base_addr: addr(m.base),
    cert_subject: null,
    code_id: m.codeId ?? null,
    corrupt_symbols: m.symbols === 'corrupt',
    debug_file: m.debugFile ? fileNameOf(m.debugFile) : null,
    debug_id: m.debugId ?? null,
    end_addr: addr(m.base + m.size),
    filename: moduleNames[i],
    loaded_symbols: m.symbols === 'loaded',
    missing_symbols: m.symbols === 'missing',
    symbol_url: null,
    version: m.version ?? null,
  });

  const ct = report.crashingThread;
  const crash = report.crash;
  const os = report.system.os;
  const linux = details?.linux;
  const lsb = linux?.lsbRelease;
  return {
    crash_info: {
      address: crash?.address != null && crash.reason !== '' ? addr(crash.address) : null,
      adjusted_address: null,
      assertion: crash?.assertion ?? null,
      crash_inconsistencies: [],
      crashing_thread: ct,
      instruction: null,
      instruction_pointer_update: null,
      memory_accesses: null,
      possible_bit_flips: null,
      type: crash && crash.reason !== '' ? crash.reason : null,
    },
    crashing_thread: ct !== null ? { ...threadJson(report.threads[ct], true), threads_index: ct } : null,
    handles: details?.handles
      ? details.handles.map((h) => ({ handle: h.handle.toString(), type_name: h.typeName ?? null, object_name: h.objectName ?? null, attributes: h.attributes, granted_access: h.grantedAccess }))
      : null,
    linux_memory_map_count: linux?.maps ? linux.maps.length : null,
    lsb_release: lsb
      ? { codename: lsb.DISTRIB_CODENAME ?? null, description: lsb.DISTRIB_DESCRIPTION ?? null, id: lsb.DISTRIB_ID ?? null, release: lsb.DISTRIB_RELEASE ?? null }
      : null,
    mac_boot_args: details?.macBootArgs !== undefined ? { bootargs: details.macBootArgs } : null,
    mac_crash_info: details?.macCrashInfo
      ? {
          num_records: details.macCrashInfo.length,
          records: details.macCrashInfo.map((r) => ({
            thread: r.thread.toString(),
            dialog_mode: r.dialogMode.toString(),
            abort_cause: r.abortCause?.toString() ?? null,
            module: r.modulePath || null,
            message: r.message || null,
            signature_string: r.signatureString || null,
            backtrace: r.backtrace || null,
            message2: r.message2 || null,
          })),
        }
      : null,
    main_module: report.mainModule,
    modules: report.modules.map(moduleJson),
    modules_contains_cert_info: false,
    pid: report.process?.pid ?? null,
    proc_limits: null,
    process_uptime: report.process?.uptimeSeconds ?? null,
    soft_errors: report.warnings.length > 0 ? report.warnings.map((w) => ({ [w.code]: w.message })) : null,
    status: 'OK',
    system_info: {
      cpu_arch: report.system.cpu.arch,
      cpu_count: report.system.cpu.count ?? null,
      cpu_info: report.system.cpu.description || null,
      cpu_microcode_version: report.system.cpu.microcode ?? null,
      os: os.platform,
      os_ver: osVersion(report),
    },
    thread_count: report.threads.length,
    threads: report.threads.map((t) => threadJson(t, false)),
    unloaded_modules: report.unloadedModules.map((m) => ({
      base_addr: addr(m.base),
      cert_subject: null,
      code_id: m.codeId ?? null,
      end_addr: addr(m.base + m.size),
      filename: fileNameOf(m.codeFile),
    })),
    crashpad_info: details?.crashpad
      ? {
          report_id: details.crashpad.reportId,
          client_id: details.crashpad.clientId,
          simple_annotations: Object.fromEntries(details.crashpad.simpleAnnotations),
          module_info: details.crashpad.modules.map((m) => ({
            module_index: m.moduleIndex,
            list_annotations: m.listAnnotations,
            simple_annotations: Object.fromEntries(m.simpleAnnotations),
            annotation_objects: Object.fromEntries(m.annotationObjects.filter((o) => typeof o.value === 'string').map((o) => [o.name, o.value])),
          })),
        }
      : null,
  };
}

/** rust-minidump's os_ver: "<version> <build>" for Linux kernels, Breakpad's description elsewhere. */
function osVersion(report: CrashReport): string | null {
  const os = report.system.os;
  if ((os.id === 'linux' || os.id === 'android') && os.build && os.build !== os.version?.split('.')[2]) return `${os.version} ${os.build}`;
  return os.description?.trimEnd() ?? null;
}

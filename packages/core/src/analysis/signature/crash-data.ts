/**
 * The crash data that signature generation reads, mirroring Socorro's signature generation
 * schema (socorro/signature/schema.rst, copied in ../shared/corpus/signature/schema.rst). Keys keep
 * Socorro's snake_case spelling on purpose: the structure is the boundary with Socorro's tools and
 * test cases, and a crash-data JSON made for Socorro can be given to Culprit unchanged.
 *
 * Every field is optional and may be null, as in Socorro ("missing keys are treated as None").
 * Values are not trusted: rules check types before use.
 */
export interface SignatureCrashData {
  /** Index into `threads` of the crashing thread; Socorro treats a missing value as 0. */
  crashing_thread?: number | null;
  /** The crash reason (minidump-stackwalk `crash_info.type`), e.g. 'EXCEPTION_STACK_OVERFLOW'. */
  reason?: string | null;
  /** Operating system name; 'Windows NT' lower-cases module names while building frames. */
  os?: string | null;
  threads?: SignatureThread[] | null;
  /** Allocation size of a failed allocation (annotation OOMAllocationSize). */
  oom_allocation_size?: number | string | null;
  /** 'Reporting' while the JS engine reports a large allocation failure (JSLargeAllocationFailure). */
  js_large_allocation_failure?: string | null;
  /** Abort message (annotation AbortMessage). */
  abort_message?: string | null;
  /** JSON text with "phase" and "conditions" (annotation AsyncShutdownTimeout). */
  async_shutdown_timeout?: string | null;
  /** JIT crash classification; replaces the signature (optional rule, not in the default pipeline). */
  jit_category?: string | null;
  /** IPC channel error (annotation ipc_channel_error). */
  ipc_channel_error?: string | null;
  /** IPC message name (annotation IPCMessageName). */
  ipc_message_name?: string | null;
  /** Comma-separated names of other minidumps in the report, e.g. 'browser'. */
  additional_minidumps?: string | null;
  /** Status of the stack walker when it failed, e.g. 'ERROR_JSON_PARSE'; appended to EMPTY signatures. */
  mdsw_status_string?: string | null;
  /** MOZ_CRASH reason (annotation MozCrashReason). */
  moz_crash_reason?: string | null;
  /** Hang type (annotation Hang); read by Socorro's HungProcess rule, which Culprit does not run. */
  hang_type?: number | string | null;
  /** Java stack trace text; Culprit analyses native crashes and does not build Java signatures. */
  java_stack_trace?: string | null;
}

export interface SignatureThread {
  frames?: SignatureFrame[] | null;
  /** Win32 error name of the thread's last error, e.g. 'ERROR_COMMITMENT_LIMIT'. */
  last_error_value?: string | null;
  thread_name?: string | null;
  frame_count?: number | null;
}

/**
 * One frame as minidump-stackwalk's JSON writes it. Offsets are hex strings ('0x2015d').
 * Inlined calls of the frame are listed innermost first, as in minidump-stackwalk's `inlines`.
 */
export interface SignatureFrame {
  function?: string | null;
  module?: string | null;
  file?: string | null;
  line?: number | string | null;
  module_offset?: string | null;
  offset?: string | null;
  inlines?: SignatureInlineFrame[] | null;
  /** Unloaded modules whose range held this address (frames outside every loaded module). */
  unloaded_modules?: SignatureUnloadedModule[] | null;
}

export interface SignatureInlineFrame {
  function?: string | null;
  file?: string | null;
  line?: number | string | null;
}

export interface SignatureUnloadedModule {
  module?: string | null;
  offsets?: string[] | null;
}

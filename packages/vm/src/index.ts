// @culprit/vm: watches QEMU guests over QMP, catches their crashes, reports them, applies a policy.
export { VM_LIMITS } from './limits.js';
export { parseQmpJson, stringifyQmpJson, qmpBigInt, isQmpObject, QmpJsonError, type QmpValue, type QmpObject } from './qmp/json.js';
export { QmpClient, QmpError, type QmpEvent, type QmpClientOptions } from './qmp/client.js';
export { classifyEvent, type EventClass, type CrashChannel, type GuestPanicInfo, type HyperVBugCheck } from './detect/classify.js';
export { findConsoleCrash, lastBootStart, type ConsoleFinding } from './detect/console-panic.js';
export { ConsoleTail } from './detect/console-tail.js';
export { dumpGuestMemory, parseSize, type DumpFormat, type DumpOptions, type DumpResult } from './collect/dump.js';
export { buildVmReport, type CrashEvidence } from './report/build-report.js';
export type { VmCrashReport, VmIdentity, GuestOs } from './report/vm-report.js';
export { reportToJson } from './report/json.js';
export { renderVmReport } from './report/human.js';
export { submitVmReport, submissionFields, type SubmitOptions } from './submit/submit.js';
export { CrashPolicy, ON_CRASH_CHOICES, type OnCrash, type PolicyOptions, type PolicyDecision } from './policy/policy.js';
export { applyPolicy, type AppliedPolicy } from './policy/apply.js';
export { BoundedEventQueue } from './watch/event-queue.js';
export { VmWatcher, type VmWatcherOptions } from './watch/vm-watcher.js';
export { Supervisor, type SupervisorOptions } from './watch/supervisor.js';

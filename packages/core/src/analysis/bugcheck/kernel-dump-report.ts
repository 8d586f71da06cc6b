import type { CrashReport } from '../../report/model.js';
import type { KernelDumpDetails } from '../../formats/kernel-dump/report.js';
import { baseName } from '../../formats/kernel-dump/triage-drivers.js';
import { attributeBugCheck, type AttributionModule } from './attribution.js';
import { isCoreImage } from './core-images.js';
import { isInboxDriver } from './inbox-drivers.js';

/**
 * The analysis step of a Windows kernel dump report: which driver is to blame, and the failure
 * bucket. It reads only what the reader put in the report (bug check, drivers, unloaded drivers,
 * the crashing thread's scanned frames, `details.evidence`) and fills the culprit, the signature,
 * the crash address and each driver's flag.
 */
export function analyzeKernelDumpReport(report: CrashReport): void {
  const details = report.details['windows-kernel-dump'] as KernelDumpDetails | undefined;
  if (!details || !report.crash) return;
  const modules: AttributionModule[] = report.modules.map((m) => ({ name: baseName(m.codeFile), base: m.base, size: m.size, timestamp: m.timestamp }));
  report.modules.forEach((m, i) => {
    const name = modules[i]!.name;
    m.flags = [isCoreImage(name) ? 'core-os' : isInboxDriver(name) ? 'inbox' : 'third-party'];
  });
  const thread = report.crashingThread === null ? undefined : report.threads[report.crashingThread];
  const attribution = attributeBugCheck({
    bugCheckCode: details.bugCheck.code,
    parameters: details.bugCheck.parameters.map((p) => p.value),
    modules,
    unloaded: report.unloadedModules.map((u) => ({ name: u.codeFile, start: u.base, end: u.base + u.size })),
    contexts: details.evidence.contexts,
    exceptions: details.evidence.exceptions,
    stackAddresses: (thread?.frames ?? []).filter((f) => f.trust === 'scan').map((f) => f.instruction),
  });
  report.crash.address = attribution.faultAddress?.address ?? null;
  report.culprit = attribution.culprit;
  report.signature = attribution.bucket;
  details.bucket = attribution.bucket;
}


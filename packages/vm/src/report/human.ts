import type { VmCrashReport } from './vm-report.js';
import { describeChannel } from './build-report.js';

/** A few lines for a terminal or a journal. */
export function renderVmReport(r: VmCrashReport): string {
  const lines = [
    `VM guest crash: ${r.vm.name}${r.vm.uuid ? ` (uuid ${r.vm.uuid})` : ''} via ${r.vm.qmp}`,
    `  Host:      ${r.host.name} kept running; other guests: ${r.host.otherGuests.map((g) => `${g.name} ${g.status}`).join(', ') || 'none watched'}`,
    `  Detected:  ${r.detectedAt} through ${describeChannel(r.channel)}${r.panicAction ? `, QEMU action ${r.panicAction}` : ''}`,
    `  Guest OS:  ${r.guestOs}`,
    `  Crash:     ${r.title}`,
  ];
  if (r.bugCheck) lines.push(`  Bug check: ${r.bugCheck.code} ${r.bugCheck.name} (${r.bugCheck.parameters.join(', ')})`);
  if (r.culprit) lines.push(`  Culprit:   ${r.culprit.name} (${r.culprit.confidence} confidence): ${r.culprit.summary}`);
  if (r.signature) lines.push(`  Signature: ${r.signature}`);
  if (r.dump) lines.push(r.dump.taken ? `  Dump:      ${r.dump.path} (${r.dump.format}, ${r.dump.bytes} bytes)` : `  Dump:      none: ${r.dump.reason}`);
  if (r.policy) lines.push(`  Policy:    ${r.policy.action} (${r.policy.reason})${r.policy.done ? `, now ${r.policy.status ?? 'unknown'}` : `, not applied: ${r.policy.error}`}`);
  if (r.submission) lines.push(r.submission.id ? `  Submitted: ${r.submission.url} → report ${r.submission.id}` : `  Submitted: failed (${r.submission.error})`);
  for (const n of r.notes) lines.push(`  Note:      ${n}`);
  return lines.join('\n') + '\n';
}

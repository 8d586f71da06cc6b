import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { VmCrashReport } from '../report/vm-report.js';
import { reportToJson } from '../report/json.js';

export interface SubmitOptions {
  /** Server base URL (…/submit is appended unless the URL already ends with it). */
  url: string;
  timeoutMs?: number;
  /** Largest crash file to upload (a dump over this is referenced by path, not sent). */
  maxUploadBytes?: number;
}

/**
 * Sends a guest crash with the Breakpad protocol the Culprit service speaks: `multipart/form-data`
 * `POST /submit`, the crash file as `upload_file_minidump` (any kind the engine sniffs: a console
 * log, a Windows kernel dump), the VM's identity as string fields. The answer is the report id as
 * plain text.
 */
export async function submitVmReport(report: VmCrashReport, opts: SubmitOptions): Promise<string> {
  const form = new FormData();
  const fields = submissionFields(report);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const file = await crashFile(report, opts.maxUploadBytes ?? 512 * 1024 * 1024);
  if (file) form.append('upload_file_minidump', new Blob([file.bytes], { type: file.type }), file.name);
  const target = /\/submit\/?$/.test(opts.url) ? opts.url : new URL('submit', opts.url.endsWith('/') ? opts.url : opts.url + '/').toString();
  const res = await fetch(target, { method: 'POST', body: form, signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
  const body = (await res.text()).trim();
  if (!res.ok) throw new Error(`${target} answered ${res.status}: ${body.slice(0, 200)}`);
  return body;
}

/** The string fields of a submission (documented in the README for the service side). */
export function submissionFields(r: VmCrashReport): Record<string, string> {
  const f: Record<string, string> = {
    kind: 'vm-guest',
    vm_name: r.vm.name,
    vm_uuid: r.vm.uuid ?? '',
    vm_qmp: r.vm.qmp,
    host: r.host.name,
    guest_os: r.guestOs,
    vm_channel: r.channel,
    vm_title: r.title,
    vm_signature: r.signature ?? '',
    vm_detected_at: r.detectedAt,
    vm_other_guests: r.host.otherGuests.map((g) => `${g.name}=${g.status}`).join(','),
    vm_report: reportToJson(r, { withAnalysis: false }),
  };
  if (r.culprit) f.vm_culprit = r.culprit.name;
  if (r.bugCheck) {
    f.bugcheck_code = r.bugCheck.code;
    f.bugcheck_parameters = r.bugCheck.parameters.join(',');
  }
  if (r.dump?.taken) f.vm_dump_path = r.dump.path;
  return f;
}

async function crashFile(r: VmCrashReport, max: number): Promise<{ bytes: Uint8Array; name: string; type: string } | undefined> {
  if (r.dump?.taken && r.dump.format === 'win-dmp' && r.dump.bytes <= max) {
    return { bytes: await readFile(r.dump.path), name: basename(r.dump.path), type: 'application/octet-stream' };
  }
  if (r.console && /\S/.test(r.console.excerpt)) {
    return { bytes: new TextEncoder().encode(r.console.excerpt), name: `${r.vm.name}-console.log`, type: 'text/plain' };
  }
  return undefined;
}

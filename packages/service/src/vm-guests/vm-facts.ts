/**
 * What `culprit vm watch` says about a guest crash, read back from the annotations it sends with
 * every submission (packages/vm/src/submit/submit.ts `submissionFields`): which VM, on which
 * host, through which channel, and that the host and the other guests kept running.
 */
export interface VmFacts {
  /** Groups a guest's crashes: its SMBIOS UUID, else `name@host`. */
  key: string | null;
  name: string | null;
  uuid: string | null;
  qmp: string | null;
  host: string | null;
  guestOs: string | null;
  /** pvpanic, hyper-v, console, unexpected-reset... (the watcher's CrashChannel). */
  channel: string | null;
  title: string | null;
  /** The watcher's own signature (the service buckets by its own analysis). */
  signature: string | null;
  culprit: string | null;
  detectedAt: string | null;
  /** The watcher, hence the host, was running when it reported. */
  hostKeptRunning: boolean;
  /** The other guests the watcher follows, and their run state when the report was made. */
  otherGuests: { name: string; status: string }[];
  dumpPath: string | null;
  bugCheck: { code: string; parameters: string[] } | null;
}

export const VM_GUEST_KIND = 'vm-guest';

/** Other guests listed per report; a watcher follows a host's guests, not thousands. */
export const MAX_OTHER_GUESTS = 256;
/** Longest guest key indexed (a UUID is 36; `name@host` is bounded by this). */
export const MAX_GUEST_KEY = 300;

/** QEMU reports this UUID when it was started without `-uuid`: it names no guest. */
const NIL_UUID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

const value = (fields: Readonly<Record<string, string>>, key: string): string | null => {
  const v = fields[key]?.trim();
  return v ? v : null;
};

/** The grouping key of a guest: its UUID (lower case), else `name@host`; null when neither is known. */
export function vmGuestKey(fields: Readonly<Record<string, string>>): string | null {
  const uuid = value(fields, 'vm_uuid')?.toLowerCase() ?? null;
  if (uuid && !NIL_UUID.test(uuid)) return uuid.length <= MAX_GUEST_KEY ? uuid : null;
  const name = value(fields, 'vm_name');
  if (!name) return null;
  const key = `${name}@${value(fields, 'host') ?? ''}`;
  return key.length <= MAX_GUEST_KEY ? key : null;
}

export function vmFactsFrom(fields: Readonly<Record<string, string>>): VmFacts {
  const watcher = watcherReport(fields.vm_report);
  const code = value(fields, 'bugcheck_code');
  const uuid = value(fields, 'vm_uuid');
  return {
    key: vmGuestKey(fields),
    name: value(fields, 'vm_name'),
    uuid: uuid && !NIL_UUID.test(uuid) ? uuid : null,
    qmp: value(fields, 'vm_qmp'),
    host: value(fields, 'host'),
    guestOs: value(fields, 'guest_os'),
    channel: value(fields, 'vm_channel'),
    title: value(fields, 'vm_title'),
    signature: value(fields, 'vm_signature'),
    culprit: value(fields, 'vm_culprit'),
    detectedAt: value(fields, 'vm_detected_at'),
    // Every report comes from a watcher that was still running on the host; its JSON says so explicitly.
    hostKeptRunning: watcher?.keptRunning ?? true,
    otherGuests: watcher?.otherGuests ?? otherGuestsField(fields.vm_other_guests ?? ''),
    dumpPath: value(fields, 'vm_dump_path'),
    bugCheck: code ? { code, parameters: (value(fields, 'bugcheck_parameters') ?? '').split(',').filter((p) => p !== '').slice(0, 4) } : null,
  };
}

/** `db-1=running,db-2=paused` (names cannot be told apart from a comma here; vm_report is preferred). */
function otherGuestsField(text: string): { name: string; status: string }[] {
  return text
    .split(',')
    .filter((g) => g.includes('='))
    .slice(0, MAX_OTHER_GUESTS)
    .map((g) => {
      const at = g.lastIndexOf('=');
      return { name: g.slice(0, at), status: g.slice(at + 1) };
    });
}

/** The host part of the watcher's JSON report (`vm_report`), when it parses; bounded by the field size limit. */
function watcherReport(json: string | undefined): { keptRunning: boolean; otherGuests: { name: string; status: string }[] } | undefined {
  if (!json) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const host = (parsed as { host?: unknown } | null)?.host as { keptRunning?: unknown; otherGuests?: unknown } | undefined;
  if (!host || typeof host !== 'object' || !Array.isArray(host.otherGuests)) return undefined;
  const otherGuests = host.otherGuests
    .slice(0, MAX_OTHER_GUESTS)
    .filter((g): g is { name: string; status: string } => typeof g?.name === 'string' && typeof g?.status === 'string')
    .map((g) => ({ name: g.name, status: g.status }));
  return { keptRunning: host.keptRunning === true, otherGuests };
}

import type { Selectable } from 'kysely';
import type { ReportsTable } from '../storage/schema.js';

/** A `reports` row as the API shows it (camelCase, ISO times, no storage keys). */
export function reportSummary(r: Selectable<ReportsTable>) {
  return {
    id: r.id,
    receivedAt: new Date(Number(r.received_at)).toISOString(),
    product: r.product,
    version: r.version,
    platform: r.platform,
    processType: r.process_type,
    guid: r.guid,
    status: r.status,
    error: r.error,
    kind: r.kind,
    clientKind: r.client_kind,
    vmGuest: r.vm_guest,
    format: r.format,
    signature: r.signature,
    bucketId: r.bucket_id,
    crashReason: r.crash_reason,
    osName: r.os_name,
    osVersion: r.os_version,
    cpuArch: r.cpu_arch,
    culprit: r.culprit_name ? { name: r.culprit_name, version: r.culprit_version } : null,
    dumpSize: Number(r.dump_size),
  };
}

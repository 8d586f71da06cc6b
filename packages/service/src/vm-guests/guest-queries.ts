import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { vmFactsFrom, VM_GUEST_KIND } from './vm-facts.js';

/** Buckets listed per guest (most reports first). */
export const BUCKETS_PER_GUEST = 20;

export interface GuestBucket {
  id: number;
  signature: string;
  count: number;
}

export interface GuestSummary {
  key: string;
  /** From the guest's latest report: a guest may be renamed, or moved to another host. */
  name: string | null;
  uuid: string | null;
  qmp: string | null;
  host: string | null;
  guestOs: string | null;
  crashes: number;
  firstCrash: string;
  lastCrash: string;
  lastChannel: string | null;
  buckets: GuestBucket[];
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

/** VM guests with crashes received since `since`, latest crash first, each with its buckets. */
export async function listGuests(db: Kysely<Database>, since: number, limit: number, only?: string): Promise<GuestSummary[]> {
  let q = db
    .selectFrom('reports')
    .select((eb) => ['vm_guest', eb.fn.countAll<number>().as('n'), eb.fn.min('received_at').as('first'), eb.fn.max('received_at').as('last')])
    .where('client_kind', '=', VM_GUEST_KIND)
    .where('vm_guest', 'is not', null)
    .where('received_at', '>=', since);
  if (only !== undefined) q = q.where('vm_guest', '=', only);
  const rows = await q.groupBy('vm_guest').orderBy('last', 'desc').orderBy('vm_guest').limit(limit).execute();
  const guests: GuestSummary[] = [];
  for (const r of rows) {
    const key = r.vm_guest!;
    const latest = await db
      .selectFrom('reports')
      .select('annotations')
      .where('vm_guest', '=', key)
      .where('client_kind', '=', VM_GUEST_KIND)
      .orderBy('received_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const facts = vmFactsFrom(JSON.parse(latest.annotations) as Record<string, string>);
    guests.push({
      key,
      name: facts.name,
      uuid: facts.uuid,
      qmp: facts.qmp,
      host: facts.host,
      guestOs: facts.guestOs,
      crashes: Number(r.n),
      firstCrash: iso(r.first as number),
      lastCrash: iso(r.last as number),
      lastChannel: facts.channel,
      buckets: await guestBuckets(db, key, since),
    });
  }
  return guests;
}

async function guestBuckets(db: Kysely<Database>, key: string, since: number): Promise<GuestBucket[]> {
  const rows = await db
    .selectFrom('reports')
    .innerJoin('buckets', 'buckets.id', 'reports.bucket_id')
    .select((eb) => ['buckets.id', 'buckets.signature', eb.fn.countAll<number>().as('n')])
    .where('reports.vm_guest', '=', key)
    .where('reports.client_kind', '=', VM_GUEST_KIND)
    .where('reports.received_at', '>=', since)
    .groupBy(['buckets.id', 'buckets.signature'])
    .orderBy('n', 'desc')
    .orderBy('buckets.id')
    .limit(BUCKETS_PER_GUEST)
    .execute();
  return rows.map((b) => ({ id: b.id, signature: b.signature, count: Number(b.n) }));
}

export interface GuestCrash {
  reportId: string;
  receivedAt: string;
  status: string;
  channel: string | null;
  detectedAt: string | null;
  hostKeptRunning: boolean;
  crashReason: string | null;
  signature: string | null;
  bucketId: number | null;
  culprit: string | null;
}

/** One guest's crashes, newest first, and its reports per UTC day. */
export async function guestHistory(db: Kysely<Database>, key: string, since: number, limit: number) {
  const inWindow = db.selectFrom('reports').where('vm_guest', '=', key).where('client_kind', '=', VM_GUEST_KIND).where('received_at', '>=', since);
  const rows = await inWindow
    .select(['id', 'received_at', 'status', 'annotations', 'crash_reason', 'signature', 'bucket_id', 'culprit_name'])
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  const series = await inWindow.select((eb) => ['received_day', eb.fn.countAll<number>().as('n')]).groupBy('received_day').orderBy('received_day').execute();
  const crashes: GuestCrash[] = rows.map((r) => {
    const facts = vmFactsFrom(JSON.parse(r.annotations) as Record<string, string>);
    return {
      reportId: r.id,
      receivedAt: iso(r.received_at),
      status: r.status,
      channel: facts.channel,
      detectedAt: facts.detectedAt,
      hostKeptRunning: facts.hostKeptRunning,
      crashReason: r.crash_reason,
      signature: r.signature,
      bucketId: r.bucket_id,
      culprit: r.culprit_name,
    };
  });
  return { crashes, series: series.map((s) => ({ day: s.received_day, count: Number(s.n) })) };
}

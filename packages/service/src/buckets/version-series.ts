import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

/** Versions drawn as their own line; the others are summed into one `other` line. */
export const VERSION_LINES = 8;

export interface VersionLine {
  /** null: reports that carried no version. */
  version: string | null;
  /** The sum of the versions past the first VERSION_LINES. */
  other?: true;
  points: { day: string; count: number }[];
}

/**
 * A bucket's reports per UTC day and product version since `since`, most frequent versions first.
 * Days without reports are left out (the client fills the window). The query groups by day and
 * version, so its size is bounded by the window's days times the bucket's distinct versions.
 */
export async function versionSeries(db: Kysely<Database>, bucketId: number, since: number): Promise<VersionLine[]> {
  const inWindow = db.selectFrom('reports').where('bucket_id', '=', bucketId).where('received_at', '>=', since);
  const ranked = await inWindow
    .select((eb) => ['version', eb.fn.countAll<number>().as('n')])
    .groupBy('version')
    .orderBy('n', 'desc')
    .orderBy('version')
    .limit(VERSION_LINES + 1)
    .execute();
  const own = ranked.slice(0, VERSION_LINES).map((r) => r.version);
  const hasOther = ranked.length > VERSION_LINES;
  const lines: VersionLine[] = own.map((version) => ({ version, points: [] }));
  const other: VersionLine = { version: null, other: true, points: [] };
  const byDay = await inWindow
    .select((eb) => ['received_day', 'version', eb.fn.countAll<number>().as('n')])
    .groupBy(['received_day', 'version'])
    .orderBy('received_day')
    .execute();
  for (const r of byDay) {
    const line = lines.find((l) => l.version === r.version) ?? other;
    const last = line.points.at(-1);
    if (last && last.day === r.received_day) last.count += Number(r.n);
    else line.points.push({ day: r.received_day, count: Number(r.n) });
  }
  return hasOther ? [...lines, other] : lines;
}

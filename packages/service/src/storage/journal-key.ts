/**
 * Blob keys of files kept inside the intake journal: `journal/<segment>/<record>/<start>/<length>`,
 * the record's offset (to erase it) and the file's absolute byte range in the segment.
 */
export interface JournalRange {
  segment: number;
  record: number;
  start: number;
  length: number;
}

export const JOURNAL_KEY_PREFIX = 'journal/';

export function journalKey(r: JournalRange): string {
  return `${JOURNAL_KEY_PREFIX}${r.segment}/${r.record}/${r.start}/${r.length}`;
}

/** The range a key names, or null for any other key (a plain file of the blob store). */
export function parseJournalKey(key: string): JournalRange | null {
  const m = /^journal\/(\d{1,10})\/(\d{1,15})\/(\d{1,15})\/(\d{1,15})$/.exec(key);
  if (!m) return null;
  return { segment: Number(m[1]), record: Number(m[2]), start: Number(m[3]), length: Number(m[4]) };
}

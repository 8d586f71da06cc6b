/**
 * Android prints each microdump line through logcat, so a saved log puts a prefix before it:
 *   brief:      `W/google-breakpad( 3745): `
 *   time:       `02-25 07:59:17.030 F/google-breakpad(16162): `
 *   threadtime: `02-23 15:49:14.700  1740  1739 F google-breakpad: `
 * A dump written straight to a file (Linux, `L` in the O line) has no prefix at all. The BEGIN
 * line decides which it is; later lines of other tags that logcat interleaves are not ours.
 */
export const BREAKPAD_TAG = 'google-breakpad';

export type PrefixMode =
  /** No prefix: the line is the record. */
  | { kind: 'bare' }
  /** Lines carry the google-breakpad tag; the record follows the first ': ' after it. */
  | { kind: 'tag' }
  /** Some other fixed-width prefix of this many characters. */
  | { kind: 'column'; width: number };

export function logcatPrefix(prefix: string): { mode: PrefixMode; pid?: number } {
  if (prefix.trim() === '') return { mode: { kind: 'bare' } };
  const at = prefix.indexOf(BREAKPAD_TAG);
  if (at < 0) return { mode: { kind: 'column', width: prefix.length } };
  return { mode: { kind: 'tag' }, pid: pidOf(prefix, at) };
}

/** The record text of a line, or undefined when the line is not part of the dump. */
export function payloadOf(line: string, mode: PrefixMode): string | undefined {
  switch (mode.kind) {
    case 'bare':
      return line;
    case 'column':
      return line.slice(mode.width);
    case 'tag': {
      const at = line.indexOf(BREAKPAD_TAG);
      if (at < 0) return undefined;
      const colon = line.indexOf(': ', at + BREAKPAD_TAG.length);
      if (colon >= 0) return line.slice(colon + 2);
      // An empty message ends in ':' alone.
      return line.endsWith(':') ? '' : undefined;
    }
  }
}

/** brief/time: `tag( pid)`; threadtime: `pid  tid L tag`. */
function pidOf(prefix: string, tagAt: number): number | undefined {
  const brief = /^\(\s*(\d+)\)/.exec(prefix.slice(tagAt + BREAKPAD_TAG.length));
  if (brief) return Number(brief[1]);
  const threadtime = /(\d+)\s+\d+\s+[VDIWEFA]\s+$/.exec(prefix.slice(0, tagAt));
  return threadtime ? Number(threadtime[1]) : undefined;
}

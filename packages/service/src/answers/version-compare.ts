/**
 * Versions as crash reports carry them, and their order. Four schemes, never mixed:
 *   dotted     Windows VS_FIXEDFILEINFO `a.b.c.d`, product versions and SemVer 2.0.0 (`1.2.3-rc.1+build`):
 *              numeric parts compared as numbers, missing parts are 0 (`6.1` = `6.1.0.0`), a
 *              pre-release sorts before its release and pre-release identifiers follow SemVer §11.
 *   timestamp  a PE TimeDateStamp (drivers without a version resource): seconds, compared as numbers.
 *   build-id   an ELF GNU build id (or Mach-O UUID): a hash, so only "same" or "different" — never older.
 * Anything else is `null`: the version is unknown, and the caller says so.
 */
export type Version =
  | { scheme: 'dotted'; parts: number[]; pre: (number | string)[]; text: string }
  | { scheme: 'timestamp'; seconds: number; text: string }
  | { scheme: 'build-id'; id: string; text: string };

export type VersionScheme = Version['scheme'];

/** More parts than any real version has; a longer string is not a version. */
const MAX_PARTS = 8;
const MAX_TEXT = 200;

const DOTTED = /^v?(\d+(?:[.,]\s?\d+){0,7})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?(?:\s+\(.*\))?$/;

/**
 * Reads a version string. `timestamp:` and `build-id:` prefixes name the scheme explicitly
 * (a solution's "fixed in" for a driver or an ELF object); a bare `0x…` of up to 8 digits is a PE
 * timestamp as WinDbg prints it; 32 to 64 hex digits are a build id.
 */
export function parseVersion(input: string | null | undefined): Version | null {
  if (input === null || input === undefined) return null;
  const text = input.trim();
  if (text === '' || text.length > MAX_TEXT) return null;
  const prefixed = /^(timestamp|build-id):\s*(.+)$/i.exec(text);
  if (prefixed) return prefixed[1]!.toLowerCase() === 'timestamp' ? parseTimestamp(prefixed[2]!, text) : parseBuildId(prefixed[2]!, text);
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return parseTimestamp(text, text);
  if (/^[0-9a-f]{32,64}$/i.test(text) && !/^\d+$/.test(text)) return parseBuildId(text, text);
  const m = DOTTED.exec(text);
  if (!m) return null;
  const parts = m[1]!.split(/[.,]\s?/).map(Number);
  if (parts.length > MAX_PARTS || parts.some((p) => !Number.isSafeInteger(p))) return null;
  const pre = m[2] === undefined ? [] : m[2].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id));
  if (pre.some((id) => id === '')) return null;
  return { scheme: 'dotted', parts, pre, text };
}

/** Seconds since 1970 as decimal, `0x` hex, or an ISO date (`2020-08-20`, midnight UTC). */
function parseTimestamp(value: string, text: string): Version | null {
  const v = value.trim();
  let seconds: number;
  if (/^0x[0-9a-f]{1,16}$/i.test(v)) seconds = parseInt(v.slice(2), 16);
  else if (/^\d{1,16}$/.test(v)) seconds = Number(v);
  else if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(v) && Number.isFinite(Date.parse(v))) seconds = Math.floor(Date.parse(v) / 1000);
  else return null;
  return Number.isSafeInteger(seconds) ? { scheme: 'timestamp', seconds, text } : null;
}

function parseBuildId(value: string, text: string): Version | null {
  const id = value.trim().toLowerCase();
  return /^[0-9a-f]{8,128}$/.test(id) ? { scheme: 'build-id', id, text } : null;
}

/**
 * Order of two versions: negative when `a` is older, 0 when the same, positive when newer; `null`
 * when they cannot be ordered (different schemes, or two different build ids).
 */
export function compareVersions(a: Version, b: Version): number | null {
  if (a.scheme === 'dotted' && b.scheme === 'dotted') return compareDotted(a, b);
  if (a.scheme === 'timestamp' && b.scheme === 'timestamp') return Math.sign(a.seconds - b.seconds);
  if (a.scheme === 'build-id' && b.scheme === 'build-id') return a.id === b.id ? 0 : null;
  return null;
}

function compareDotted(a: { parts: number[]; pre: (number | string)[] }, b: { parts: number[]; pre: (number | string)[] }): number {
  const n = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < n; i++) {
    const d = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // SemVer §11.3: a version without pre-release identifiers ranks above one with them.
  if (a.pre.length === 0 || b.pre.length === 0) return Math.sign(b.pre.length - a.pre.length);
  const m = Math.max(a.pre.length, b.pre.length);
  for (let i = 0; i < m; i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    // §11.4.4: a larger set of pre-release fields ranks higher when all before are equal.
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    // §11.4.3: numeric identifiers rank below alphanumeric ones.
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1; // §11.4.2: ASCII order
  }
  return 0;
}

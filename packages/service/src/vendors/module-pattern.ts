import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Vendor module patterns: a file name with `*` (any run of characters) and `?` (one character),
 * matched case-insensitively against a module's file name (`nvlddmkm.sys`, `libfoo.so*`). Windows
 * names are case-insensitive, and the same vendor should not lose a module to `LibFoo.so`.
 */
export const MAX_PATTERNS = 200;
export const MAX_PATTERN_LENGTH = 200;

export function isValidPattern(p: string): boolean {
  return p.length > 0 && p.length <= MAX_PATTERN_LENGTH && !/[\\/\0]/.test(p) && p.replace(/[*?]/g, '') !== '';
}

export function hasWildcard(p: string): boolean {
  return /[*?]/.test(p);
}

export function patternToRegExp(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'is');
}

export function matchesAnyPattern(name: string | null | undefined, patterns: readonly string[]): boolean {
  if (!name) return false;
  return patterns.some((p) => patternToRegExp(p).test(name));
}

/** The pattern as a LIKE operand with `\` escaping, lower-cased (compared against `lower(column)`). */
export function patternToLike(pattern: string): string {
  return [...pattern.toLowerCase()].map((c) => (c === '*' ? '%' : c === '?' ? '_' : c === '%' || c === '_' || c === '\\' ? `\\${c}` : c)).join('');
}

/** A WHERE condition: `column` matches one of the patterns (false for none), in SQL the PostgreSQL dialect also runs. */
export function columnMatchesAny(column: string, patterns: readonly string[]): Expression<SqlBool> {
  if (patterns.length === 0) return sql<SqlBool>`1 = 0`;
  const parts = patterns.map((p) => sql<SqlBool>`lower(${sql.ref(column)}) like ${patternToLike(p)} escape '\\'`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The file name of a module path, whichever separator the crashing system used. */
export function moduleFileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

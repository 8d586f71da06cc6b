import type { Insertable } from 'kysely';
import type { SolutionKind, SolutionsTable } from '../storage/schema.js';
import { parseVersion } from '../answers/version-compare.js';
import { isValidPattern } from '../vendors/module-pattern.js';

/** The request body of POST (all required ones present) and PATCH /api/solutions. */
export interface SolutionInput {
  bucketId?: number;
  module?: string;
  versionRange?: { from?: string; to?: string };
  kind?: SolutionKind;
  title?: { en: string; ja?: string };
  text?: { en: string; ja?: string };
  link?: string;
  fixedIn?: string;
  status?: 'published' | 'draft';
}

type Columns = Partial<Insertable<SolutionsTable>>;

/** The columns an input sets, or why it is refused (a message for a 400). */
export function columnsOf(input: SolutionInput): Columns | string {
  const c: Columns = {};
  if (input.bucketId !== undefined) c.bucket_id = input.bucketId;
  if (input.module !== undefined) {
    if (!isValidPattern(input.module)) return `module '${input.module}' is not a file name or pattern.`;
    c.module = input.module;
  }
  if (input.versionRange !== undefined) {
    for (const end of ['from', 'to'] as const) {
      const v = input.versionRange[end];
      if (v !== undefined && !parseVersion(v)) return `versionRange.${end} '${v}' is not a version Culprit can compare (a.b.c.d, semver, timestamp:…, build-id:…).`;
    }
    c.version_from = input.versionRange.from ?? null;
    c.version_to = input.versionRange.to ?? null;
  }
  if (input.kind !== undefined) c.kind = input.kind;
  if (input.title !== undefined) {
    c.title_en = input.title.en;
    c.title_ja = input.title.ja || null;
  }
  if (input.text !== undefined) {
    c.text_en = input.text.en;
    c.text_ja = input.text.ja || null;
  }
  if (input.link !== undefined) {
    if (!isHttpUrl(input.link)) return `link '${input.link}' is not an http(s) URL.`;
    c.link = input.link;
  }
  if (input.fixedIn !== undefined) {
    if (!parseVersion(input.fixedIn)) return `fixedIn '${input.fixedIn}' is not a version Culprit can compare (a.b.c.d, semver, timestamp:…, build-id:…).`;
    c.fixed_in = input.fixedIn;
  }
  if (input.status !== undefined) c.status = input.status;
  return c;
}

/** Rules on the solution as it will be stored (after a PATCH merges in). */
export function checkWhole(s: { bucket_id: number | null; module: string | null; kind: SolutionKind; fixed_in: string | null; version_from: string | null; version_to: string | null }): string | null {
  if (s.bucket_id === null && s.module === null) return 'a solution attaches to a bucket (bucketId) or a module (module).';
  // "Update to the latest version" is the answer that helps nobody: an update names the version that fixes it.
  if (s.kind === 'update' && s.fixed_in === null) return "an 'update' solution needs fixedIn: the version that fixes the problem.";
  if ((s.version_from !== null || s.version_to !== null) && s.module === null && s.bucket_id === null) return 'versionRange needs a module or a bucket.';
  return null;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

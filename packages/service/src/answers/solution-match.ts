import type { SolutionKind } from '../storage/schema.js';
import { compareVersions, parseVersion, type Version, type VersionScheme } from './version-compare.js';

/** The versions that identify the culprit's build on the reporting machine, by scheme. */
export interface InstalledVersions {
  dotted: Version | null;
  timestamp: Version | null;
  buildId: Version | null;
}

export const NO_VERSIONS: InstalledVersions = { dotted: null, timestamp: null, buildId: null };

export function installedVersions(facts: { moduleVersion: string | null; productVersion: string | null; timestamp: number | null; buildId: string | null }): InstalledVersions {
  const dotted = [facts.moduleVersion, facts.productVersion].map(parseVersion).find((v) => v?.scheme === 'dotted') ?? null;
  return {
    dotted,
    timestamp: facts.timestamp !== null && facts.timestamp > 0 ? parseVersion(`timestamp:${facts.timestamp}`) : null,
    buildId: facts.buildId ? parseVersion(`build-id:${facts.buildId}`) : null,
  };
}

const pick = (installed: InstalledVersions, scheme: VersionScheme): Version | null =>
  scheme === 'dotted' ? installed.dotted : scheme === 'timestamp' ? installed.timestamp : installed.buildId;

export interface SolutionTerms {
  kind: SolutionKind;
  fixedIn: string | null;
  from: string | null;
  to: string | null;
}

export interface Match {
  applies: 'yes' | 'unknown-version' | 'no';
  /** The installed version is at or past `fixedIn`: this crash contradicts the solution. */
  atOrPastFix: boolean;
  /** The installed version the decision used (for the answer's text). */
  installed: Version | null;
}

/**
 * Whether a solution applies to the versions on the reporting machine. Inside `from`..`to`
 * (inclusive) and older than `fixedIn`: yes. At or past `fixedIn`: no, and the crash contradicts
 * the solution. When the report lacks a version of the scheme the solution speaks in — or the
 * build ids differ, which says nothing about order — the answer is "unknown-version".
 */
export function matchSolution(s: SolutionTerms, installed: InstalledVersions): Match {
  let unknown = false;
  let used: Version | null = null;
  for (const [end, bound] of [['from', s.from], ['to', s.to]] as const) {
    const ref = parseVersion(bound);
    if (!ref) continue;
    const have = pick(installed, ref.scheme);
    if (!have) {
      unknown = true;
      continue;
    }
    used = have;
    const c = compareVersions(have, ref);
    if (c === null) {
      // Different build ids: this is not the build the range names.
      if (ref.scheme === 'build-id') return { applies: 'no', atOrPastFix: false, installed: have };
      unknown = true;
    } else if ((end === 'from' && c < 0) || (end === 'to' && c > 0)) {
      return { applies: 'no', atOrPastFix: false, installed: have };
    }
  }
  const fixed = parseVersion(s.fixedIn);
  if (fixed) {
    const have = pick(installed, fixed.scheme);
    if (!have) return { applies: 'unknown-version', atOrPastFix: false, installed: used };
    const c = compareVersions(have, fixed);
    if (c === null) return { applies: 'unknown-version', atOrPastFix: false, installed: have };
    if (c >= 0) return { applies: 'no', atOrPastFix: true, installed: have };
    used = have;
  }
  return { applies: unknown ? 'unknown-version' : 'yes', atOrPastFix: false, installed: used };
}

/**
 * Socorro's signature lists, compiled once into matchers. Entries are Python regular expressions
 * joined with '|' and applied with `re.match`, i.e. anchored at the start of the normalised frame
 * only (socorro/signature/rules.py, CSignatureTool.build_re). `^(?:a|b)` is the JavaScript
 * equivalent. Sentinels are exact strings, not patterns (siglists/README.rst).
 */
import {
  IRRELEVANT_SIGNATURE_RE,
  PREFIX_SIGNATURE_RE,
  SIGNATURE_SENTINELS,
  SIGNATURES_WITH_LINE_NUMBERS_RE,
} from './siglists.generated.js';

/** The four lists as text, the shape they have on disk. */
export interface SignatureListSource {
  irrelevant: readonly string[];
  prefix: readonly string[];
  lineNumbers: readonly string[];
  sentinels: readonly string[];
}

/** What the lists are used for: does an entry match at the start of this text. */
export interface PatternMatcher {
  test(text: string): boolean;
}

/** The lists ready for use by the frame walk and the function normalisers. */
export interface SignatureLists {
  /** Frames skipped while walking (crash-handling and platform-variant frames). */
  irrelevant: PatternMatcher;
  /** Frames after which the walk continues to the next frame. */
  prefix: PatternMatcher;
  /** Functions whose line number is appended (`js_Interpret:42`). */
  lineNumbers: PatternMatcher;
  /** Exact frame signatures that become the top of the stack when present. */
  sentinels: readonly string[];
}

/**
 * A pattern list that behaves as `re.match("|".join(lines))`; an empty list never matches.
 * Compiling the 306 irrelevant-frame patterns as one expression costs a cold run several
 * milliseconds, so entries are grouped by the character they must start with (when they start
 * with a plain or escaped literal that is not optional) and each group is compiled the first time
 * a text starting with its character is tested; the other entries form one group always tried.
 */
export function compileAnchored(patterns: readonly string[]): PatternMatcher {
  const byFirst = new Map<string, string[]>();
  const anywhere: string[] = [];
  for (const p of patterns) {
    const first = requiredFirstChar(p);
    if (first === undefined) anywhere.push(p);
    else byFirst.set(first, [...(byFirst.get(first) ?? []), p]);
  }
  const compiled = new Map<string, RegExp>();
  const rest = anywhere.length > 0 ? anchored(anywhere) : null;
  return {
    test(text: string): boolean {
      const c = text.charAt(0);
      const group = byFirst.get(c);
      if (group) {
        let re = compiled.get(c);
        if (!re) compiled.set(c, (re = anchored(group)));
        if (re.test(text)) return true;
      }
      return rest !== null && rest.test(text);
    },
  };
}

function anchored(patterns: readonly string[]): RegExp {
  // No 'u' flag: Python's `re` accepts identity escapes such as `\<` that unicode mode refuses.
  return new RegExp(`^(?:${patterns.join('|')})`);
}

const META = new Set([...'.^$*+?{}[]\\|()']);
const OPTIONAL = new Set([...'*?{']);

/** The character every match of `pattern` starts with, when that is plain to see; else undefined. */
function requiredFirstChar(pattern: string): string | undefined {
  if (pattern.includes('|')) return undefined; // an alternative of its own may start elsewhere
  let first: string;
  let next: number;
  if (pattern[0] === '\\') {
    // An escaped punctuation mark is that mark; `\d`, `\w`, `\b` and the like are classes.
    if (pattern.length < 2 || /[0-9A-Za-z]/.test(pattern[1]!)) return undefined;
    first = pattern[1]!;
    next = 2;
  } else {
    if (pattern.length === 0 || META.has(pattern[0]!)) return undefined;
    first = pattern[0]!;
    next = 1;
  }
  return OPTIONAL.has(pattern[next] ?? '') ? undefined : first;
}

export function compileSignatureLists(source: SignatureListSource): SignatureLists {
  return {
    irrelevant: compileAnchored(source.irrelevant),
    prefix: compileAnchored(source.prefix),
    lineNumbers: compileAnchored(source.lineNumbers),
    sentinels: [...source.sentinels],
  };
}

export const DEFAULT_SIGNATURE_LIST_SOURCE: SignatureListSource = {
  irrelevant: IRRELEVANT_SIGNATURE_RE,
  prefix: PREFIX_SIGNATURE_RE,
  lineNumbers: SIGNATURES_WITH_LINE_NUMBERS_RE,
  sentinels: SIGNATURE_SENTINELS,
};

let defaults: SignatureLists | undefined;

/** Socorro's shipped lists (compiled on first use, then shared). */
export function defaultSignatureLists(): SignatureLists {
  defaults ??= compileSignatureLists(DEFAULT_SIGNATURE_LIST_SOURCE);
  return defaults;
}

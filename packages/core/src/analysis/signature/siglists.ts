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

/** The lists ready for use by the frame walk and the function normalisers. */
export interface SignatureLists {
  /** Frames skipped while walking (crash-handling and platform-variant frames). */
  irrelevant: RegExp;
  /** Frames after which the walk continues to the next frame. */
  prefix: RegExp;
  /** Functions whose line number is appended (`js_Interpret:42`). */
  lineNumbers: RegExp;
  /** Exact frame signatures that become the top of the stack when present. */
  sentinels: readonly string[];
}

/** A pattern list compiled the way `re.match("|".join(lines))` behaves; an empty list never matches. */
export function compileAnchored(patterns: readonly string[]): RegExp {
  if (patterns.length === 0) return /(?!)/;
  // No 'u' flag: Python's `re` accepts identity escapes such as `\<` that unicode mode refuses.
  return new RegExp(`^(?:${patterns.join('|')})`);
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

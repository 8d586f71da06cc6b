/** The last rules of every pipeline: tidy whitespace, keep printable ASCII, cut to 255 characters. */
import { SIGNATURE_LIMITS, TRUNCATION_MARKER } from '../limits.js';
import type { SignatureRule } from './rule.js';

/** Keeps printable ASCII (0x20–0x7e) only (Socorro's utils.drop_bad_characters). */
export function dropNonPrintable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '');
}

/** Trims, turns every whitespace character into a space and runs of spaces into one. */
export const sigFixWhitespace: SignatureRule = {
  name: 'SigFixWhitespace',
  predicate: () => true,
  action(_data, result) {
    const fixed = result.signature.trim().replace(/\s/g, ' ').replace(/\s\s+/g, ' ');
    if (fixed !== result.signature) result.setSignature(this.name, fixed);
  },
};

/**
 * Drops characters that are not printable ASCII (NULs and emoji from damaged symbols). Runs after
 * SigFixWhitespace so tabs and newlines have already become spaces rather than vanishing.
 */
export const sigPrintableCharsOnly: SignatureRule = {
  name: 'SigPrintableCharsOnly',
  predicate: () => true,
  action(_data, result) {
    const fixed = dropNonPrintable(result.signature);
    if (fixed !== result.signature) result.setSignature(this.name, fixed);
  },
};

/** Cuts signatures longer than 255 characters to 252 and appends `...`. */
export const sigTruncate: SignatureRule = {
  name: 'SigTruncate',
  predicate: (_data, result) => result.signature.length > SIGNATURE_LIMITS.signatureChars,
  action(_data, result) {
    const keep = SIGNATURE_LIMITS.signatureChars - TRUNCATION_MARKER.length;
    result.setSignature(this.name, `${result.signature.slice(0, keep)}${TRUNCATION_MARKER}`);
    result.info(this.name, 'SigTrunc: signature truncated due to length');
  },
};

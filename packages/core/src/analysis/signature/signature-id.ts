import { sha1Hex, utf8Bytes } from '../../hash/sha1.js';

/** Length of a signature id in hex digits: 64 bits, ample for telling signatures apart. */
export const SIGNATURE_ID_HEX_DIGITS = 16;

/** Stable short id of a signature: the first 16 hex digits of SHA-1 of its UTF-8 bytes. */
export function signatureId(signature: string): string {
  return sha1Hex(utf8Bytes(signature)).slice(0, SIGNATURE_ID_HEX_DIGITS);
}

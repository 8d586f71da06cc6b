/** Strict hex for microdump fields: the writer only ever prints [0-9A-F]; anything else is damage. */
const HEX_RE = /^[0-9A-Fa-f]+$/;

/** A hex number of at most 16 digits, or undefined. */
export function hexU64(token: string | undefined): bigint | undefined {
  if (token === undefined || token.length === 0 || token.length > 16 || !HEX_RE.test(token)) return undefined;
  return BigInt('0x' + token);
}

/** Hex text to bytes (two digits a byte), or undefined if odd-length or not hex. */
export function hexBytes(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !HEX_RE.test(text)) return text.length === 0 ? new Uint8Array(0) : undefined;
  // Stack memory lines run to thousands of digits: digit values from char codes, no substrings.
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (digit(text.charCodeAt(2 * i)) << 4) | digit(text.charCodeAt(2 * i + 1));
  return out;
}

/** The value of a hex digit already checked by HEX_RE. */
function digit(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

// Breakpad builds its numeric fallbacks with `snprintf("0x%08x")`: lower-case hex, at least eight
// digits, of a 32-bit value.

export function hex8(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * The reason Breakpad starts from before it knows the platform, and keeps when the platform or the
 * code is unrecognised: `"0x%08x / 0x%08x"` of exception_code and exception_flags.
 */
export function numericReason(code: number, flags: number): string {
  return `${hex8(code)} / ${hex8(flags)}`;
}

/** The low 32 bits of a 64-bit exception parameter, as Breakpad's casts to 32-bit enums see it. */
export function low32(value: bigint): number {
  return Number(BigInt.asUintN(32, value));
}

/**
 * Named limits for signature generation. Function names come from symbol files and frames from
 * dumps, so both are bounded before regular expressions and string scans run over them.
 */
export const SIGNATURE_LIMITS = {
  /** Frames (after inline expansion) looked at; Socorro's MAXIMUM_FRAMES_TO_CONSIDER. */
  framesConsidered: 40,
  /** Longest function name normalised; longer names are cut first (C++ names rarely pass 1 KiB). */
  functionChars: 4096,
  /**
   * Longest normalised frame the lists are matched against. Patterns such as `.*framework.*\.oat`
   * take time quadratic in the length; a module name can be 64 KiB. Signatures stop at 255 anyway.
   */
  frameChars: 1024,
  /** Longest signature; Socorro's SIGNATURE_MAX_LENGTH. Longer ones end in TRUNCATION_MARKER. */
  signatureChars: 255,
  /** Longest abort message kept in a signature (Socorro's AbortSignature). */
  abortMessageChars: 80,
  /** Longest IPC channel error kept in a signature (Socorro's SignatureIPCChannelError). */
  ipcChannelErrorChars: 100,
  /** Conditions read from an AsyncShutdownTimeout annotation. */
  shutdownConditions: 1000,
} as const;

/** Socorro's SigTruncate marker, appended after cutting to signatureChars - 3 characters. */
export const TRUNCATION_MARKER = '...';

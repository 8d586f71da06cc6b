/**
 * What a signature generation run produces: the signature, and notes saying how it was reached.
 * Mirrors Socorro's generator.Result (socorro/signature/generator.py).
 */
export class SignatureGenerationResult {
  signature = '';
  /** Messages worth showing a user ("signature truncated due to length"). */
  readonly notes: string[] = [];
  /** Every step, for someone asking why a report got its signature. */
  readonly debugLog: string[] = [];
  /** Every frame normalised, before the lists picked some (Socorro's normalized_frames). */
  normalizedFrames: string[] = [];

  setSignature(rule: string, signature: string): void {
    this.debug(rule, `change signature: "${this.signature}" -> "${signature}"`);
    this.signature = signature;
  }

  info(rule: string, message: string): void {
    this.notes.push(`${rule}: ${message}`);
  }

  debug(rule: string, message: string): void {
    this.debugLog.push(`${rule}: ${message}`);
  }

  /** The normalised frames joined with " | " (Socorro's proto_signature). */
  get protoSignature(): string {
    return this.normalizedFrames.join(' | ');
  }
}

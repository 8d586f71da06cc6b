import type { QmpClient } from '../qmp/client.js';
import { VM_LIMITS } from '../limits.js';

/**
 * The vCPU registers, as HMP's `info registers -a` prints them (QMP has no structured equivalent in
 * QEMU 7.2). Text, bounded.
 */
export async function readRegisters(qmp: QmpClient): Promise<string> {
  const r = await qmp.execute('human-monitor-command', { 'command-line': 'info registers -a' });
  const text = typeof r === 'string' ? r : '';
  return text.length > VM_LIMITS.registersBytes ? text.slice(0, VM_LIMITS.registersBytes) + '\n[truncated]\n' : text;
}

/** The instruction pointer of the first vCPU in that text, if printed (RIP= / EIP= / PC=). */
export function instructionPointer(registers: string): bigint | undefined {
  const m = /\b(?:RIP|EIP|PC)=([0-9a-fA-F]+)/.exec(registers);
  return m ? BigInt('0x' + m[1]) : undefined;
}

import { decodeUtf8 } from '../../../io/byte-view.js';
import { LIMITS } from '../../../io/limits.js';
import type { StreamInput } from '../stream-context.js';

/**
 * Breakpad's Linux streams that are copies of /proc and /etc files: cpuinfo, status,
 * lsb-release, maps, stat, uptime, limits, loadavg. Decoded as UTF-8, as the kernel and the
 * C library write them (a malformed byte becomes U+FFFD rather than failing the stream).
 */
export function readLinuxText(input: StreamInput): string {
  const n = Math.min(input.data.length, LIMITS.textStreamBytes);
  return decodeUtf8(input.data.slice(0, n));
}

/** /proc/PID/cmdline and environ: NUL-separated strings. */
export function readNulSeparated(input: StreamInput): string[] {
  const text = readLinuxText(input);
  const parts = text.split('\0');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** "KEY=value" lines (lsb-release) and "Key:\tvalue" lines (status, cpuinfo blocks). */
export function parseKeyValues(text: string, sep: '=' | ':'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf(sep);
    if (i <= 0) continue;
    const key = line.slice(0, i).trim();
    let value = line.slice(i + 1).trim();
    if (sep === '=' && value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!(key in out)) out[key] = value;
  }
  return out;
}

/** One line of /proc/PID/maps. */
export interface LinuxMapping {
  start: bigint;
  end: bigint;
  permissions: string;
  offset: bigint;
  device: string;
  inode: number;
  path: string;
}

const MAPS_LINE = /^([0-9a-f]+)-([0-9a-f]+)\s+(\S{4})\s+([0-9a-f]+)\s+(\S+)\s+(\d+)\s*(.*)$/i;

export function parseMaps(text: string): LinuxMapping[] {
  const out: LinuxMapping[] = [];
  for (const line of text.split('\n')) {
    const m = MAPS_LINE.exec(line);
    if (!m) continue;
    out.push({
      start: BigInt('0x' + m[1]),
      end: BigInt('0x' + m[2]),
      permissions: m[3],
      offset: BigInt('0x' + m[4]),
      device: m[5],
      inode: Number(m[6]),
      path: m[7],
    });
  }
  return out;
}

import { closeSync, openSync, readSync } from 'node:fs';

/**
 * TEST-ONLY. Lets the poison tests prove the pool survives a dump that hangs or exhausts memory
 * without depending on a parser bug to exist. Active only when the service runs with
 * `testHooks: true` (CULPRIT_TEST_HOOKS=1); production never reads these markers.
 */
export const TEST_ONLY_HANG_MARKER = 'CULPRIT-TEST-ONLY-HANG';
export const TEST_ONLY_OOM_MARKER = 'CULPRIT-TEST-ONLY-OOM';
export const TEST_ONLY_CRASH_MARKER = 'CULPRIT-TEST-ONLY-CRASH';

export function runTestOnlyPoison(path: string, offset: number): void {
  const head = Buffer.alloc(32);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, offset);
  } finally {
    closeSync(fd);
  }
  const text = head.subarray(0, n).toString('latin1');
  if (text.startsWith(TEST_ONLY_HANG_MARKER)) {
    for (;;) {
      // spin: only the pool's time limit ends this
    }
  }
  if (text.startsWith(TEST_ONLY_OOM_MARKER)) {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1 << 20).fill(hoard.length));
  }
  if (text.startsWith(TEST_ONLY_CRASH_MARKER)) process.abort();
}

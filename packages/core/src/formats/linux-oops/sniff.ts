/**
 * Is this the text of a kernel log? Binary formats are registered (and sniffed) first; this
 * still refuses anything that is not text, so a minidump that happens to contain "BUG:" in a
 * memory region is never claimed.
 */
const MARKERS = /(?:\bBUG: |WARNING: (?:CPU|at)|Kernel panic - not syncing|[Kk]ernel BUG at|general protection fault|Oops(?::|\[#)|Unable to handle kernel|Internal error: |INFO: task .* blocked|INFO: rcu|soft lockup|Call Trace:|Call trace:|Modules linked in:)/;
const LOG_LINE = /(?:^|\n)(?:<\d>)?\[ *\d+\.\d{6}\]|(?:^|\n)\w{3} [ \d]\d \d\d:\d\d:\d\d \S+ kernel: /;

export function looksLikeKernelLog(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  if (control > head.length / 100) return false;
  let text = '';
  const n = Math.min(head.length, 64 * 1024);
  for (let i = 0; i < n; i++) text += String.fromCharCode(head[i]);
  return MARKERS.test(text) || LOG_LINE.test(text);
}

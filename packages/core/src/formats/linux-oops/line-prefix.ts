/**
 * Removes what log collectors put in front of kernel messages, so the rest of the reader sees
 * the text printk wrote:
 *   - syslog / journal:  `Jan 12 19:08:41 host kernel: `  or  `2010-02-22T09:24:08.156534-08:00 host kernel: `
 *   - console level:     `<4>`
 *   - printk time:       `[  190.154802] `
 *   - printk caller:     `[ T6604] ` / `[    C0] ` (CONFIG_PRINTK_CALLER)
 * Lines of a syslog file that did not come from the kernel are flagged so they count as noise.
 */
export interface KernelLine {
  no: number;
  /** Message text with every prefix removed (leading spaces of the message kept). */
  text: string;
  /** Printk caller (`T6604`, `C0`) when present. */
  context?: string;
  /** Had a printk timestamp or a syslog/journal prefix (used for module-list continuations). */
  prefixed: boolean;
  /** A syslog line from another program than the kernel. */
  foreign: boolean;
}

// abrt detects syslog by an `N:NN:NN` clock in the first 15 characters (koops_extract_oopses).
const SYSLOG_CLOCK = /^.{0,14}?\d:\d\d:\d\d/;
const LEVEL = /^<\d{1,2}>/;
const TIMESTAMP = /^\[ *\d+\.\d+\]/;
const CALLER = /^\[ *([CT]\d+)\]/;

export function stripPrefix(no: number, raw: string): KernelLine {
  let text = raw;
  let prefixed = false;
  if (SYSLOG_CLOCK.test(text)) {
    const k = text.indexOf('kernel: ');
    if (k === -1 || k > 120) return { no, text: raw, prefixed: true, foreign: true };
    text = text.slice(k + 8);
    prefixed = true;
  }
  const level = LEVEL.exec(text);
  if (level) text = text.slice(level[0].length);
  const ts = TIMESTAMP.exec(text);
  let context: string | undefined;
  if (ts) {
    prefixed = true;
    text = text.slice(ts[0].length);
    const caller = CALLER.exec(text);
    if (caller) {
      context = caller[1];
      text = text.slice(caller[0].length);
    }
    if (text.startsWith(' ')) text = text.slice(1);
    // Continuation of a multi-line printk inside syslog: `kernel: <0> ffff8800...`.
    const inner = LEVEL.exec(text);
    if (inner) text = text.slice(inner[0].length);
  }
  return { no, text, context, prefixed, foreign: false };
}

import type { CpuArch } from '../../report/cpu.js';
import { Cursor, functionPart } from './frame-line.js';
import type { FaultingInstruction } from './types.js';

/**
 * Register dumps as the kernel's `__show_regs()` prints them, per architecture (the file under
 * arch/<arch>/kernel/ that defines it in brackets):
 *   x86_64  `RAX: dffffc0000000000 RBX: ffff8801cbbfad60 RCX: 0000000000000000`  (x86 process_64)
 *   i386    `EAX: 00000000 EBX: f78b4000 ECX: f78b4000 EDX: 00000000`            (x86 process_32)
 *   arm64   `x29: ffff000049b6fa10 x28: ffff0000467c42a0`, `sp : ffff000049b6fa10` (arm64 process)
 *   arm     `r7:df912310 r6:df912140` / `pc : [<c0...>]    lr : [<c0...>]`         (arm process)
 *   ppc64   `GPR00: c000000000... c000000000... ...` four per row                   (powerpc process)
 *   s390x   `Krnl GPRS: 0000000000010000 070000000020db8e ...` four per row          (s390 dumpstack)
 */
const PAIR = /\b(EFLAGS|R[A-Z0-9]{1,3}|E[A-Z]{2}|CR[0-4]|DR[0-7]|[xXrR]\d{1,2}|sp|lr|pc|fp|ip|psr|pstate|NIP|LR|CTR|MSR|XER|CCR|LR)\s?:\s?([0-9a-fA-F]{8,16})\b/g;
const NOT_REGS = /^(?:Code|Call Trace|Modules linked|Hardware name|Stack|CPU:|Pid)/;

export function readRegisterLine(text: string, registers: Record<string, bigint>, arch: CpuArch): number {
  const t = text.trim();
  if (NOT_REGS.test(t)) return 0;
  let found = 0;
  const gpr = /^GPR(\d\d):\s*((?:[0-9a-f]{16}\s*){1,8})$/.exec(t);
  if (gpr) {
    const base = Number(gpr[1]);
    gpr[2].trim().split(/\s+/).forEach((v, i) => {
      registers[`r${base + i}`] = BigInt('0x' + v);
      found++;
    });
    return found;
  }
  if (arch === 's390x' || /^Krnl GPRS:/.test(t)) {
    const vals = t.replace(/^Krnl GPRS:/, '').trim();
    if (/^(?:[0-9a-f]{16}\s+){3}[0-9a-f]{16}$/.test(vals)) {
      const next = Object.keys(registers).filter((k) => /^r\d+$/.test(k)).length;
      vals.split(/\s+/).forEach((v, i) => {
        if (next + i < 16) registers[`r${next + i}`] = BigInt('0x' + v);
      });
      return 4;
    }
  }
  // x86 `RSP: 0018:ffff8801cb5474a8`: segment selector, then the stack pointer.
  const sp = /\b([RE]SP): ([0-9a-f]{4}):([0-9a-f]{8,16})\b/.exec(t);
  if (sp) {
    registers[sp[1]] = BigInt('0x' + sp[3]);
    registers.SS = BigInt('0x' + sp[2]);
    found++;
  }
  for (const m of t.matchAll(PAIR)) {
    const name = normaliseName(m[1], arch);
    registers[name] = BigInt('0x' + m[2]);
    found++;
  }
  return found;
}

function normaliseName(name: string, arch: CpuArch): string {
  if (arch === 'arm64' || arch === 'arm') return name.toLowerCase();
  return name;
}

/**
 * The faulting instruction, in the forms the kernel prints it:
 *   `RIP: 0010:__lock_acquire+0xd55/0x47f0`, `RIP: 0010:[<ffffffff810d9c93>]  [<ffffffff810d9c93>] pte_list_remove+0x3b3/0x3d0`,
 *   `IP: [<f88dec25>] :radeon:radeon_cp_init_ring_buffer+0x90/0x302`, `IP: strlen+0x0/0x30`,
 *   `EIP is at radeon_cp_init_ring_buffer+0x90/0x302 [radeon]`, `EIP: [<f88dec25>] ? radeon_cp_init_ring_buffer+0x90/0x302 [radeon] SS:ESP ...`,
 *   `pc : selinux_socket_sendmsg+0x28/0x58`, `PC is at clear_page+0x14/0x28`, `NIP [c0000000000a2d10] .func+0x6c/0x5a0`,
 *   `Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])`.
 * User-mode RIP lines (`RIP: 0033:`) are not the kernel's instruction and are ignored.
 */
export function readFaultingInstruction(text: string, line: number): FaultingInstruction | undefined {
  const t = text.trim();
  let m = /^(N?IP|RIP|EIP):\s*(?:([0-9a-f]{4}):)?(.*)$/.exec(t);
  if (m && !t.startsWith('EIP is at')) {
    const register = m[1] === 'NIP' ? 'NIP' : m[1];
    if (m[2] && m[2] !== '0010' && m[2] !== '0060' && m[2] !== '0008') return undefined; // user mode CS
    let rest = m[3].trim();
    let address: bigint | undefined;
    let satyrFrame = false;
    const addrs = /^(?:\[<([0-9a-f]+)>\]\s*){1,2}/.exec(rest);
    if (addrs) {
      address = BigInt('0x' + addrs[1]);
      rest = rest.slice(addrs[0].length);
      // satyr's parse_IP takes `RIP: <token> <frame>` and `EIP: [<addr>] <func>`.
      const count = addrs[0].split('[<').length - 1;
      satyrFrame = register === 'EIP' ? m[2] === undefined : register === 'RIP' && m[2] !== undefined && count === 2;
    }
    const reliable = !rest.startsWith('?');
    rest = rest.replace(/^\?\s*/, '');
    // Old x86 `IP: [<f88dec25>] :radeon:radeon_cp_init_ring_buffer+0x90/0x302`.
    let module: string | undefined;
    const oldMod = /^:([\w-]+):/.exec(rest);
    if (oldMod) {
      module = oldMod[1];
      rest = rest.slice(oldMod[0].length);
    }
    const bare = /^0x([0-9a-f]+)\b/.exec(rest);
    if (bare) return { text: t, register, address: BigInt('0x' + bare[1]), line, satyrFrame: false, reliable };
    const fn = functionPart(new Cursor(rest));
    if (!fn || !fn.function) {
      if (address === undefined) return undefined;
      return { text: t, register, address, line, satyrFrame: false, reliable };
    }
    return { text: t, register, address, function: fn.function, offset: fn.offset, length: fn.length, module: fn.module ?? module, line, satyrFrame, reliable };
  }
  m = /^(?:EIP is at|PC is at|pc\s*:|NIP\s*\[[0-9a-f]+\]|NIP\s*:)\s*(?:\[<([0-9a-f]+)>\]\s*)?(.*)$/.exec(t);
  if (m) {
    const register = t.startsWith('EIP') ? 'EIP' : t.startsWith('PC') ? 'PC' : t.startsWith('NIP') ? 'NIP' : 'pc';
    const rest = m[2].replace(/^\./, '');
    const fn = functionPart(new Cursor(rest));
    const address = m[1] ? BigInt('0x' + m[1]) : undefined;
    if (!fn?.function) return address !== undefined ? { text: t, register, address, line, satyrFrame: false, reliable: true } : undefined;
    return { text: t, register, address, function: fn.function, offset: fn.offset, length: fn.length, module: fn.module, line, satyrFrame: false, reliable: true };
  }
  m = /^Krnl PSW\s*:\s*[0-9a-f]{16}\s+([0-9a-f]{16})\s*(\(.*\))?/.exec(t);
  if (m) {
    const fn = m[2] ? functionPart(new Cursor(m[2])) : undefined;
    return { text: t, register: 'PSW', address: BigInt('0x' + m[1]), function: fn?.function, offset: fn?.offset, length: fn?.length, module: fn?.module, line, satyrFrame: false, reliable: true };
  }
  return undefined;
}

/** Architecture from the shape of the register dump and the faulting instruction. */
export function archFromLine(text: string): CpuArch | undefined {
  const t = text.trim();
  if (/^RIP: |^RAX: |^R8: /.test(t)) return 'amd64';
  if (/^EIP: |^EAX: |^EIP is at/.test(t)) return 'x86';
  if (/^x29: |^pstate: /.test(t)) return 'arm64';
  if (/^PC is at|^r10?:[0-9a-f]{8}|^pc : \[<|^psr: /.test(t)) return 'arm';
  if (/^GPR00: |^NIP[: ]/.test(t)) return 'ppc64';
  if (/^Krnl PSW|^Krnl GPRS/.test(t)) return 's390x';
  return undefined;
}

/** Fallback: the machine suffix in the kernel release (`3.3.7-1.fc16.x86_64`). */
export function archFromVersion(version: string): CpuArch | undefined {
  if (/x86_64|amd64/.test(version)) return 'amd64';
  if (/i[3-6]86/.test(version)) return 'x86';
  if (/aarch64|arm64/.test(version)) return 'arm64';
  if (/armv\d|armhf/.test(version)) return 'arm';
  if (/ppc64/.test(version)) return 'ppc64';
  if (/s390x/.test(version)) return 's390x';
  return undefined;
}

import type { KernelFrame, OopsReport } from '../../formats/linux-oops/types.js';
import { makeSkipper } from './frame-skip.js';

/**
 * A one-line title in the style of syzbot's bucket titles (syzkaller pkg/report/linux.go
 * `linuxOopses` formats): the kind of report plus the guilty function, found by skipping
 * helper frames (frame-skip.ts) and, for stalls and hangs, by the anchor logic syzkaller uses.
 */
export interface TitleResult {
  title: string;
  /** The function the title names, if any. */
  guiltyFunction?: string;
  /** Index into `report.frames` of the guilty frame; -1 for the faulting instruction. */
  guiltyFrame?: number;
}

interface Candidate {
  name: string;
  index: number;
}

/** Faulting instruction first, then the reliable frames of the reporting CPU, in order. */
function candidates(r: OopsReport, opts: { faulting: boolean; firstStackOnly: boolean }): Candidate[] {
  const out: Candidate[] = [];
  if (opts.faulting && r.faulting?.function && r.faulting.register !== 'WARNING') out.push({ name: r.faulting.function, index: -1 });
  r.frames.forEach((f: KernelFrame, i) => {
    if (!f.reliable || !f.function || f.cpuSection !== 0) return;
    if (opts.firstStackOnly && f.stack !== 0) return;
    out.push({ name: f.function, index: i });
  });
  return out;
}

function guilty(r: OopsReport, extraSkip: readonly string[] = [], firstStackOnly = false): Candidate | undefined {
  const skip = makeSkipper(extraSkip);
  return candidates(r, { faulting: true, firstStackOnly }).find((c) => !skip(c.name));
}

// syzkaller linuxStallAnchorFrames: where generic dispatch code calls into the subsystem at fault.
const STALL_ANCHORS = [
  /process_one_work/, /do_syscall_/, /do_fast_syscall_/, /sysenter_dispatch/, /tracesys_phase2/, /netif_receive_skb/,
  /do_softirq/, /call_timer_fn/, /_run_timers/, /run_timer_softirq/, /run_ksoftirqd/, /smpboot_thread_fn/, /kthread/,
  /start_secondary/, /cpu_startup_entry/, /ret_from_fork/, /vfs_write/, /vfs_read/, /vfs_iter_read/, /vfs_iter_write/,
  /do_iter_read/, /do_iter_write/, /vfs_ioctl/, /ksys_ioctl/, /compat_ioctl/, /blkdev_driver_ioctl/, /blkdev_ioctl/,
  /^call_read_iter/, /^call_write_iter/, /do_iter_readv_writev/, /^call_mmap/, /mmap_region/, /do_mmap/, /do_dentry_open/,
  /vfs_open/, /^sock_sendmsg/, /^sock_recvmsg/, /^sock_release/, /^__sock_release/, /__sys_setsockopt/, /kernel_setsockopt/,
  /sock_common_setsockopt/, /__sys_listen/, /kernel_listen/, /sk_common_release/, /^sock_mmap/, /__sys_accept/,
  /kernel_accept/, /^sock_do_ioctl/, /^sock_ioctl/, /^compat_sock_ioctl/, /^nfnetlink_rcv_msg/, /^rtnetlink_rcv_msg/,
  /^(?:compat_)?(?:SYSC|SyS|__sys|___sys|__do_sys|__se_sys|__x64_sys)_(?:socketpair|connect|ioctl)/, /__do_fault/,
  /handle_mm_fault/, /do_page_fault/, /^page_fault$/, /__fput/, /task_work_run/, /exit_to_usermode/, /smp_call_function/,
];

function stallFrame(r: OopsReport): Candidate | undefined {
  const skip = makeSkipper();
  const list = candidates(r, { faulting: true, firstStackOnly: false }).filter((c) => !skip(c.name));
  let prev = list[0];
  for (const c of list) {
    if (STALL_ANCHORS.some((re) => re.test(c.name))) {
      if (c.name.includes('smp_call_function')) return { name: 'smp_call_function', index: c.index };
      if (!prev) return undefined;
      let name = prev.name;
      for (const p of ['__x64_', '__ia32_', '__arm64_', 'SYSC_', 'SyS_', 'compat_SYSC_', 'compat_SyS_']) if (name.startsWith(p)) name = name.slice(p.length);
      return { name, index: prev.index };
    }
    prev = c;
  }
  return undefined;
}

// syzkaller linuxHangTaskFrameExtractor.
function hangFrame(r: OopsReport): Candidate | undefined {
  const list = candidates(r, { faulting: false, firstStackOnly: true });
  for (const c of list) {
    if (c.name.includes('rtnl_lock')) return c;
    if (/synchronize_(?:rcu|srcu|net|sched)/.test(c.name)) return { name: 'synchronize_rcu', index: c.index };
  }
  const skip = ['sched', '_lock', '_slowlock', 'down', 'rwsem', 'completion', 'kthread', 'wait', 'synchronize', 'context_switch', '__switch_to', 'cancel_delayed_work'];
  return list.find((c) => !skip.some((s) => c.name.includes(s)));
}

/** `at: [<ffffffffa02919ba>] find_ref_lock+0x24/0x46 [videodev]` after a lockdep line. */
function lockdepFunction(r: OopsReport, after: RegExp): string | undefined {
  const i = r.lines.findIndex((l) => after.test(l));
  if (i === -1) return undefined;
  for (let j = i + 1; j < Math.min(r.lines.length, i + 6); j++) {
    const m = /at: (?:\[<[0-9a-f]+>\] )?([\w.]+)\+0x/.exec(r.lines[j]);
    if (m) return m[1];
  }
  return undefined;
}

const within = (fmt: string, c: Candidate | undefined): TitleResult =>
  c ? { title: `${fmt} in ${c.name}`, guiltyFunction: c.name, guiltyFrame: c.index } : { title: fmt };

export function reportTitle(r: OopsReport): TitleResult {
  const h = r.header;
  switch (r.kind) {
    case 'kasan': {
      const m = /BUG: KASAN: ([a-z-]+) in ([\w.]+)/.exec(h);
      const access = r.lines.map((l) => /\b(Read|Write) of size/.exec(l)?.[1]).find((x) => x);
      if (m) {
        const skip = makeSkipper();
        const fn = skip(m[2]) ? guilty(r)?.name ?? m[2] : m[2];
        return { title: `KASAN: ${m[1]}${access ? ' ' + access : ''} in ${fn}`, guiltyFunction: fn };
      }
      return { title: `KASAN: ${h.replace(/^.*BUG: KASAN: /, '')}` };
    }
    case 'null-pointer-dereference':
      return within('BUG: unable to handle kernel NULL pointer dereference', guilty(r));
    case 'paging-request':
      return within('BUG: unable to handle kernel paging request', guilty(r));
    case 'general-protection-fault':
      return within('general protection fault', guilty(r));
    case 'kernel-bug':
      if (/lib\/list_debug\.c/.test(h)) return within('BUG: corrupted list', guilty(r));
      if (/mm\/usercopy\.c/.test(h)) return within('BUG: bad usercopy', guilty(r, ['usercopy', '__check']));
      return within('kernel BUG', guilty(r));
    case 'internal-error':
    case 'oops':
      return within(r.kind === 'oops' ? 'Oops' : 'Internal error', guilty(r));
    case 'invalid-opcode':
      return within('invalid opcode', guilty(r));
    case 'divide-error':
      return within('divide error', guilty(r));
    case 'double-fault':
      return within('PANIC: double fault', guilty(r));
    case 'warning': {
      if (/lib\/debugobjects\.c.* (?:debug_print|debug_check)/.test(h)) {
        return within('WARNING: ODEBUG bug', guilty(r, ['debug_', 'rcu', 'hrtimer_', 'timer_', 'work_', 'percpu_', 'kmem_', 'slab_', 'kfree', 'vunmap', 'vfree', '__free_', 'debug_check', 'kobject_'], true));
      }
      if (/lib\/refcount\.c.* refcount_/.test(h)) return within('WARNING: refcount bug', guilty(r, ['refcount', 'kobject_'], true));
      if (/kernel\/locking\/lockdep\.c.*lock_/.test(h)) return within('WARNING: locking bug', guilty(r, ['lock_sock', 'release_sock'], true));
      const fn = r.faulting?.register === 'WARNING' ? r.faulting.function : /at \S+ ([\w.]+)\+0x/.exec(h)?.[1];
      if (fn) return { title: `WARNING in ${fn}`, guiltyFunction: fn, guiltyFrame: -1 };
      return within('WARNING', guilty(r));
    }
    case 'lockdep': {
      if (/possible recursive locking|possible circular locking|lock inversion|SOFTIRQ-safe/.test(h)) {
        const fn = lockdepFunction(r, /is trying to acquire|just changed the state of lock/);
        return fn ? { title: `possible deadlock in ${fn}`, guiltyFunction: fn } : { title: 'possible deadlock' };
      }
      if (/inconsistent lock state/.test(h)) {
        const fn = lockdepFunction(r, / takes:$|takes:/) ?? (/at: (?:\[<[0-9a-f]+>\] )?([\w.]+)\+0x/.exec(r.lines.find((l) => /at: /.test(l)) ?? '')?.[1]);
        return fn ? { title: `inconsistent lock state in ${fn}`, guiltyFunction: fn } : { title: 'inconsistent lock state' };
      }
      return within('INFO: suspicious RCU usage', guilty(r, ['rcu', 'kmem', 'slab', 'kmalloc', 'vmalloc', 'kcalloc', 'kzalloc']));
    }
    case 'soft-lockup':
      return within('BUG: soft lockup', stallFrame(r) ?? guilty(r));
    case 'rcu-stall':
      return within('INFO: rcu detected stall', stallFrame(r));
    case 'hard-lockup':
      return within('watchdog: hard LOCKUP', guilty(r));
    case 'hung-task':
      return within('INFO: task hung', hangFrame(r));
    case 'spinlock': {
      const m = /BUG: (spinlock|rwlock) (lockup suspected|already unlocked|recursion|bad magic|wrong owner|wrong CPU|cpu recursion)/.exec(h);
      return within(m ? `BUG: ${m[1]} ${m[2]}` : 'BUG: spinlock', guilty(r, ['spin_']));
    }
    case 'scheduling-while-atomic':
      return within('BUG: scheduling while atomic', guilty(r, ['schedule', 'preempt']));
    case 'sleeping-in-atomic':
      return within('BUG: sleeping function called from invalid context', guilty(r, ['might_sleep', 'might_resched']));
    case 'panic': {
      const msg = (r.panicMessage ?? h.replace(/^.*not syncing:\s*/, '')).trim();
      if (/^Attempted to kill init!/.test(msg)) return { title: 'kernel panic: Attempted to kill init!' };
      if (/^stack-protector:/.test(msg)) return within('kernel panic: stack is corrupted', guilty(r, ['stack_chk']));
      return { title: `kernel panic: ${msg.replace(/\s*\.\.\.$/, '').replace(/ exitcode=0x[0-9a-f]+$/, '')}` };
    }
    case 'slab-corruption': {
      const m = /BUG ([\w-]+) \(.*\): (.+)$/.exec(h);
      return { title: m ? `BUG: ${m[1]}: ${m[2]}` : h };
    }
    case 'list-corruption':
      return within('BUG: corrupted list', guilty(r));
    case 'machine-check':
      return { title: 'Machine Check Exception' };
    case 'bug': {
      const m = /BUG: ([^:]+?)(?: at .*| \(.*)?$/.exec(h);
      return within(`BUG: ${m ? m[1] : h}`, guilty(r));
    }
  }
}

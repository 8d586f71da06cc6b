import { VM_LIMITS } from '../limits.js';

/** What to do with a guest once its crash is collected (`--on-crash`). */
export type OnCrash = 'pause' | 'restart' | 'poweroff';
export const ON_CRASH_CHOICES: readonly OnCrash[] = ['pause', 'restart', 'poweroff'];

export interface PolicyOptions {
  onCrash: OnCrash;
  /** At most this many restarts of one VM within `windowMs`; beyond, the guest is left paused. */
  maxRestarts: number;
  windowMs: number;
}

export interface PolicyDecision {
  /** 'none': nothing to do (the guest survived its oops). */
  action: OnCrash | 'none';
  reason: string;
}

/**
 * Decides per crash. A restart policy guards against crash loops: a guest that keeps crashing right
 * after each restart is left paused for a human, with the reason in the report.
 */
export class CrashPolicy {
  private readonly restarts = new Map<string, number[]>();

  constructor(readonly options: PolicyOptions) {}

  decide(vm: string, now: number, fatal: boolean): PolicyDecision {
    if (!fatal) return { action: 'none', reason: 'the guest reported a kernel oops but kept running: left running' };
    const { onCrash, maxRestarts, windowMs } = this.options;
    if (onCrash !== 'restart') return { action: onCrash, reason: `--on-crash ${onCrash}` };
    const recent = (this.restarts.get(vm) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= maxRestarts) {
      this.restarts.set(vm, recent);
      return {
        action: 'pause',
        reason: `crash loop: ${recent.length} restart(s) within ${Math.round(windowMs / 1000)} s already; left paused for inspection`,
      };
    }
    recent.push(now);
    this.restarts.set(vm, recent.slice(-VM_LIMITS.crashHistory));
    return { action: 'restart', reason: '--on-crash restart' };
  }
}

import type { QmpClient } from '../qmp/client.js';
import { isQmpObject } from '../qmp/json.js';
import type { PolicyDecision } from './policy.js';

export interface AppliedPolicy extends PolicyDecision {
  done: boolean;
  /** Run state after the action, when QEMU still answers. */
  status?: string;
  error?: string;
}

/**
 * Carries out a decision through QMP. Restart = `system_reset` then `cont`: a panicked guest is in
 * run state guest-panicked (or paused), which only a reset leaves. Power off = `quit` (a dead kernel
 * would ignore an ACPI `system_powerdown`). Pause = `stop`, if the guest still runs.
 */
export async function applyPolicy(qmp: QmpClient | undefined, decision: PolicyDecision): Promise<AppliedPolicy> {
  if (!qmp || qmp.isClosed) return { ...decision, done: false, error: 'QEMU is gone (it may have exited on the panic): nothing to apply' };
  if (decision.action === 'none') return { ...decision, done: true };
  try {
    if (decision.action === 'restart') {
      await qmp.execute('system_reset');
      const st = await status(qmp);
      if (st !== 'running') await qmp.execute('cont');
    } else if (decision.action === 'poweroff') {
      await qmp.execute('quit').catch(() => undefined); // QEMU may close the socket before answering
      return { ...decision, done: true, status: 'shutdown' };
    } else if ((await status(qmp)) === 'running') {
      await qmp.execute('stop');
    }
    return { ...decision, done: true, status: await status(qmp) };
  } catch (err) {
    return { ...decision, done: false, error: (err as Error).message };
  }
}

export async function status(qmp: QmpClient): Promise<string | undefined> {
  const r = await qmp.execute('query-status');
  return isQmpObject(r) && typeof r.status === 'string' ? r.status : undefined;
}

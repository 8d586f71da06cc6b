import { basename, dirname, join } from 'node:path';
import { stat } from 'node:fs/promises';
import { QmpClient, type QmpEvent } from '../qmp/client.js';
import { isQmpObject } from '../qmp/json.js';
import { classifyEvent, isCrashRelevant, type CrashChannel, type EventClass, type GuestPanicInfo } from '../detect/classify.js';
import { ConsoleTail } from '../detect/console-tail.js';
import { findConsoleCrash, lastBootStart } from '../detect/console-panic.js';
import { dumpGuestMemory, type DumpOptions, type DumpResult } from '../collect/dump.js';
import { readRegisters } from '../collect/registers.js';
import { buildVmReport } from '../report/build-report.js';
import type { GuestOs, VmCrashReport, VmIdentity } from '../report/vm-report.js';
import type { CrashPolicy } from '../policy/policy.js';
import { applyPolicy, status as queryStatus } from '../policy/apply.js';
import { BoundedEventQueue } from './event-queue.js';
import { VM_LIMITS } from '../limits.js';

export interface VmWatcherOptions {
  qmpPath: string;
  /** Serial console log to follow; default: the file behind chardev serial0, if QEMU has one. */
  consolePath?: string;
  policy: CrashPolicy;
  dump: DumpOptions;
  /** Treat a reset or shutdown the guest asked for as a crash even when the console shows no panic. */
  unexpectedStopIsCrash?: boolean;
  guestOs?: GuestOs;
  /** The other guests' state, for the report. */
  otherGuests?: (self: VmWatcher) => Promise<{ name: string; qmp: string; status: string }[]>;
  /** Submits the report; resolves to the server's report id. */
  submit?: (report: VmCrashReport) => Promise<string>;
  submitUrl?: string;
  onReport?: (report: VmCrashReport) => void;
  log?: (message: string) => void;
  limits?: Partial<Pick<typeof VM_LIMITS, 'greetingMs' | 'commandMs' | 'reconnectMinMs' | 'reconnectMaxMs' | 'consolePollMs' | 'consoleSettleMs' | 'eventQueue'>>;
}

type Work = { ev: QmpEvent; cls: EventClass } | { console: true };

/**
 * Watches one VM: keeps a QMP session open (reconnecting with backoff when it drops), follows the
 * console, queues events in a bounded queue and handles crash episodes one at a time: collect,
 * report, apply the policy, submit. Nothing here waits on another VM.
 */
export class VmWatcher {
  identity: VmIdentity;
  lastStatus = 'unknown';
  connected = false;
  connects = 0;
  readonly reports: VmCrashReport[] = [];
  private qmp: QmpClient | undefined;
  private console: ConsoleTail | undefined;
  private readonly queue: BoundedEventQueue<Work>;
  private stopped = false;
  private draining = false;
  private backoff: number;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private consoleSeenAt: number | undefined;
  /** Crash-class events up to this time belong to the episode just handled. */
  private episodeUntil = 0;
  private coalesced = 0;
  private readonly lim: typeof VM_LIMITS;

  constructor(readonly options: VmWatcherOptions) {
    this.lim = { ...VM_LIMITS, ...options.limits };
    this.queue = new BoundedEventQueue<Work>(this.lim.eventQueue);
    this.backoff = this.lim.reconnectMinMs;
    this.identity = { name: basename(options.qmpPath).replace(/\.(sock|qmp|monitor)$/, ''), qmp: options.qmpPath };
    if (options.consolePath) this.setConsole(options.consolePath);
  }

  get droppedEvents(): number {
    return this.queue.dropped;
  }

  get coalescedEvents(): number {
    return this.coalesced;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
    this.pollTimer = setInterval(() => void this.pollConsole(), this.lim.consolePollMs);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pollTimer);
    this.qmp?.close();
  }

  /** Current run state, asked live with a short timeout (for other watchers' reports). */
  async liveStatus(timeoutMs = 1000): Promise<string> {
    const q = this.qmp;
    if (!q || q.isClosed) return 'disconnected';
    try {
      const r = await q.execute('query-status', undefined, timeoutMs);
      return isQmpObject(r) && typeof r.status === 'string' ? r.status : 'unknown';
    } catch {
      return 'not answering';
    }
  }

  private log(msg: string): void {
    this.options.log?.(`[${this.identity.name}] ${msg}`);
  }

  private setConsole(path: string): void {
    if (this.console?.path === path) return;
    this.console = new ConsoleTail(path);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const session: { qmp?: QmpClient } = {};
      const qmp = await QmpClient.connect(this.options.qmpPath, {
        greetingMs: this.lim.greetingMs,
        commandMs: this.lim.commandMs,
        onEvent: (ev) => this.onEvent(ev),
        // A close before the session is established is reported by connect() itself.
        onClose: (err) => session.qmp && this.onClose(session.qmp, err),
      });
      session.qmp = qmp;
      if (this.stopped) return qmp.close();
      this.qmp = qmp;
      this.connected = true;
      this.connects++;
      this.backoff = this.lim.reconnectMinMs;
      await this.identify(qmp);
      this.log(`attached (${this.lastStatus})`);
      // A guest that panicked while nobody watched is still worth a report.
      if (this.lastStatus === 'guest-panicked' && this.connects === 1) {
        this.enqueue({ event: 'GUEST_PANICKED', data: { action: 'pause' }, raw: '(found in run state guest-panicked at attach)' });
      }
    } catch (err) {
      this.log(`connect failed: ${(err as Error).message}`);
      this.scheduleReconnect();
    }
  }

  private onClose(qmp: QmpClient, err?: Error): void {
    if (this.qmp !== qmp && this.qmp !== undefined) return;
    this.connected = false;
    this.lastStatus = 'disconnected';
    this.log(`QMP connection lost${err ? `: ${err.message}` : ''}; reconnecting`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer !== undefined) return;
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.lim.reconnectMaxMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, wait);
  }

  private async identify(qmp: QmpClient): Promise<void> {
    const [name, uuid, chardevs, st] = await Promise.all([
      qmp.execute('query-name').catch(() => undefined),
      qmp.execute('query-uuid').catch(() => undefined),
      qmp.execute('query-chardev').catch(() => undefined),
      queryStatus(qmp).catch(() => undefined),
    ]);
    if (isQmpObject(name) && typeof name.name === 'string' && name.name) this.identity.name = name.name;
    // QEMU answers the all-zero UUID when it was given none: that identifies nothing.
    if (isQmpObject(uuid) && typeof uuid.UUID === 'string' && /[1-9a-f]/i.test(uuid.UUID)) this.identity.uuid = uuid.UUID;
    this.lastStatus = st ?? 'unknown';
    if (!this.options.consolePath && !this.console) {
      // QEMU 7.2's query-chardev says only "file" for a file backend, without the path; so the log
      // is found by convention beside the socket: vm1.sock → vm1.log / vm1.console.log.
      const guess = await consoleBesideSocket(this.options.qmpPath);
      if (guess) this.setConsole(guess);
      else if (Array.isArray(chardevs) && chardevs.some((c) => isQmpObject(c) && (c.label === 'serial0' || c.label === 'charserial0') && c.filename === 'file')) {
        this.log('the serial console goes to a file QEMU does not name: pass --console SOCKET=LOGFILE to watch it');
      }
    }
    if (this.console) {
      this.identity.console = this.console.path;
      // Text from before we attached was (or will never be) reported by someone else.
      if (this.connects === 1 && this.lastStatus !== 'guest-panicked') await this.console.skipExisting();
    }
  }

  /** For tests and for the CLI: feed one event as if QEMU had sent it. */
  onEvent(ev: QmpEvent): void {
    const cls = classifyEvent(ev);
    if (cls.kind === 'state' && cls.running !== undefined) this.lastStatus = cls.running ? 'running' : 'paused';
    if (cls.kind === 'crash' || cls.kind === 'guest-stop' || cls.kind === 'state') this.enqueue(ev, cls);
  }

  private enqueue(ev: QmpEvent, cls: EventClass = classifyEvent(ev)): void {
    this.queue.push({ ev, cls }, isCrashRelevant(ev));
    void this.drain();
  }

  private async pollConsole(): Promise<void> {
    const tail = this.console;
    if (!tail || this.draining) return;
    await tail.refresh().catch(() => 0);
    const found = findConsoleCrash(tail.sinceMark());
    if (!found) {
      this.consoleSeenAt = undefined;
      return;
    }
    this.consoleSeenAt ??= Date.now();
    // Give pvpanic's event (which follows the panic text within milliseconds) the first word, and
    // let the report finish printing.
    const settled = (found.panic && found.complete) || Date.now() - this.consoleSeenAt >= this.lim.consoleSettleMs;
    if (settled) {
      this.consoleSeenAt = undefined;
      this.queue.push({ console: true }, true);
      void this.drain();
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let w = this.queue.shift(); w; w = this.queue.shift()) {
        try {
          await this.handle(w);
        } catch (err) {
          this.log(`handling failed: ${(err as Error).message}`);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async handle(w: Work): Promise<void> {
    if ('console' in w) {
      const found = findConsoleCrash(this.console?.sinceMark() ?? '');
      if (!found) return; // an event already covered it
      await this.crash('console', [], undefined, undefined, found.panic);
      return;
    }
    const { ev, cls } = w;
    if (cls.kind === 'state') return;
    if (Date.now() < this.episodeUntil) {
      this.coalesced++;
      this.reports.at(-1)?.events.push(ev.raw);
      return;
    }
    if (cls.kind === 'crash') {
      await this.crash(cls.channel, [ev.raw], cls.action, cls.info, true);
    } else if (cls.kind === 'guest-stop') {
      await this.console?.refresh().catch(() => 0);
      const found = findConsoleCrash(this.console?.sinceMark() ?? '');
      if (found?.panic || this.options.unexpectedStopIsCrash) await this.crash(cls.channel, [ev.raw], undefined, undefined, true);
      else {
        this.log(`guest ${cls.reason}, no panic on the console: not a crash`);
        this.console?.mark();
      }
    }
  }

  private async crash(channel: CrashChannel, events: string[], action: string | undefined, info: GuestPanicInfo | undefined, fatal: boolean): Promise<void> {
    const detectedAt = new Date();
    const qmp = this.qmp && !this.qmp.isClosed ? this.qmp : undefined;
    this.log(`crash detected (${channel})`);
    const statusAtCrash = qmp ? await queryStatus(qmp).catch(() => undefined) : undefined;
    const registers = qmp ? await readRegisters(qmp).catch(() => undefined) : undefined;
    let consoleText: string | undefined;
    if (this.console) {
      await this.console.refresh().catch(() => 0);
      const text = this.console.sinceMark();
      consoleText = text.slice(lastBootStart(text));
      this.console.mark();
    }
    const frozen = statusAtCrash === 'guest-panicked' || statusAtCrash === 'paused';
    let dump: DumpResult | undefined;
    if (this.options.dump.format !== 'none') {
      dump = qmp && frozen ? await dumpGuestMemory(qmp, this.identity.name, this.options.dump).catch((e: Error) => ({ taken: false as const, reason: e.message })) : { taken: false, reason: 'the guest is not frozen (or QEMU is gone): no consistent memory to dump' };
    }
    const otherGuests = (await this.options.otherGuests?.(this).catch(() => [])) ?? [];
    const report = buildVmReport({
      vm: { ...this.identity },
      channel,
      events,
      panicAction: action,
      panicInfo: info,
      statusAtCrash,
      console: consoleText,
      registers,
      dump,
      otherGuests,
      guestOsHint: this.options.guestOs,
      detectedAt,
    });
    // Evidence is complete: act before submitting, so a slow server does not prolong the outage.
    const decision = this.options.policy.decide(this.identity.qmp, Date.now(), fatal);
    report.policy = await applyPolicy(this.qmp && !this.qmp.isClosed ? this.qmp : undefined, decision);
    if (report.policy.done && report.policy.status) this.lastStatus = report.policy.status;
    this.episodeUntil = Date.now() + this.lim.consoleSettleMs;
    await this.console?.refresh().catch(() => 0);
    this.console?.mark();
    if (this.options.submit) {
      const url = this.options.submitUrl ?? '';
      try {
        report.submission = { url, id: await this.options.submit(report) };
      } catch (err) {
        report.submission = { url, error: (err as Error).message };
      }
    }
    this.reports.push(report);
    if (this.reports.length > VM_LIMITS.crashHistory) this.reports.shift();
    this.options.onReport?.(report);
  }
}

async function consoleBesideSocket(socket: string): Promise<string | undefined> {
  const stem = basename(socket).replace(/\.(sock|qmp|monitor)$/, '');
  for (const name of [`${stem}.log`, `${stem}.console.log`, `${stem}.console`]) {
    const p = join(dirname(socket), name);
    if ((await stat(p).catch(() => undefined))?.isFile()) return p;
  }
  return undefined;
}

import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VmWatcher, type VmWatcherOptions } from './vm-watcher.js';

export interface SupervisorOptions extends Omit<VmWatcherOptions, 'qmpPath' | 'consolePath' | 'otherGuests'> {
  /** QMP sockets to watch. */
  sockets: string[];
  /** Folders whose unix sockets are all QMP sockets (rescanned for new VMs). */
  folders: string[];
  /** Console logs by QMP socket path. */
  consoles?: Record<string, string>;
  rescanMs?: number;
}

/** Watches many VMs: one independent watcher each, new sockets in the folders picked up as they appear. */
export class Supervisor {
  readonly watchers = new Map<string, VmWatcher>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SupervisorOptions) {}

  async start(): Promise<void> {
    for (const s of this.options.sockets) this.add(s);
    await this.rescan();
    if (this.options.folders.length) this.timer = setInterval(() => void this.rescan(), this.options.rescanMs ?? 2000);
  }

  stop(): void {
    clearInterval(this.timer);
    for (const w of this.watchers.values()) w.stop();
  }

  private add(path: string): void {
    const key = resolve(path);
    if (this.watchers.has(key)) return;
    const w = new VmWatcher({
      ...this.options,
      qmpPath: key,
      consolePath: this.options.consoles?.[path] ?? this.options.consoles?.[key],
      otherGuests: (self) => this.otherGuests(self),
    });
    this.watchers.set(key, w);
    w.start();
  }

  private async rescan(): Promise<void> {
    for (const dir of this.options.folders) {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const n of names) {
        const p = join(dir, n);
        const st = await stat(p).catch(() => undefined);
        if (st?.isSocket()) this.add(p);
      }
    }
  }

  /** Every other guest's state, asked in parallel with a short timeout: a hung VM cannot stall a report. */
  private async otherGuests(self: VmWatcher): Promise<{ name: string; qmp: string; status: string }[]> {
    const others = [...this.watchers.values()].filter((w) => w !== self);
    return Promise.all(others.map(async (w) => ({ name: w.identity.name, qmp: w.identity.qmp, status: await w.liveStatus() })));
  }
}

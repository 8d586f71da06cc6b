// Test-only: a QMP server on a unix socket that speaks just enough of the protocol
// (docs/interop/qmp-spec) for the watcher: greeting, capabilities, scripted answers, events on demand.
import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Answer = (args: Record<string, unknown> | undefined) => unknown;

export class FakeQmp {
  readonly commands: string[] = [];
  readonly sockets = new Set<Socket>();
  status = 'running';
  /** When set, connections are accepted but nothing is ever said (a hung QEMU). */
  silent = false;
  readonly answers = new Map<string, Answer>();
  private server: Server | undefined;

  constructor(
    readonly path: string,
    readonly name = 'fake',
  ) {
    this.answers.set('qmp_capabilities', () => ({}));
    this.answers.set('query-name', () => ({ name: this.name }));
    this.answers.set('query-uuid', () => ({ UUID: '6e1c9d4a-0000-4000-8000-000000000001' }));
    this.answers.set('query-chardev', () => []);
    this.answers.set('query-status', () => ({ status: this.status, running: this.status === 'running', singlestep: false }));
    this.answers.set('human-monitor-command', () => 'RIP=ffffffffc04cc230 RFL=00000006\r\n');
    this.answers.set('system_reset', () => {
      if (this.status === 'guest-panicked') this.status = 'paused';
      return {};
    });
    this.answers.set('cont', () => {
      this.status = 'running';
      return {};
    });
    this.answers.set('stop', () => {
      this.status = 'paused';
      return {};
    });
  }

  static tmpPath(name: string): string {
    return join(mkdtempSync(join(tmpdir(), 'culprit-vm-')), `${name}.sock`);
  }

  listen(): Promise<void> {
    this.server = createServer((s) => this.accept(s));
    return new Promise((resolve) => this.server!.listen(this.path, resolve));
  }

  private accept(s: Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => undefined);
    if (this.silent) return;
    s.write('{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "fake"}, "capabilities": ["oob"]}}\r\n');
    let buf = '';
    s.on('data', (d) => {
      buf += d.toString();
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const msg = JSON.parse(line) as { execute: string; id?: string; arguments?: Record<string, unknown> };
        this.commands.push(msg.execute);
        const answer = this.answers.get(msg.execute);
        const reply = answer
          ? { return: answer(msg.arguments), id: msg.id }
          : { error: { class: 'CommandNotFound', desc: `The command ${msg.execute} has not been found` }, id: msg.id };
        s.write(JSON.stringify(reply) + '\r\n');
      }
    });
  }

  /** Sends an event line verbatim (so tests can send integers JSON.stringify could not). */
  emitRaw(line: string): void {
    for (const s of this.sockets) s.write(line + '\r\n');
  }

  emit(event: string, data: Record<string, unknown>): void {
    this.emitRaw(JSON.stringify({ event, data, timestamp: { seconds: 1700000000, microseconds: 1 } }));
  }

  /** Drops every connection (QEMU restarted, socket lost). */
  dropConnections(): void {
    for (const s of this.sockets) s.destroy();
  }

  get connections(): number {
    return this.sockets.size;
  }

  close(): Promise<void> {
    this.dropConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Polls until `cond` holds; fails after a generous bound (not a timing assertion: a hang guard). */
export async function until(cond: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > limitMs) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

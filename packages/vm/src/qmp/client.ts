import { createConnection, type Socket } from 'node:net';
import { VM_LIMITS } from '../limits.js';
import { LineSplitter } from './lines.js';
import { isQmpObject, parseQmpJson, stringifyQmpJson, type QmpObject, type QmpValue } from './json.js';

/** An asynchronous event (docs/interop/qmp-spec: `{"event", "data", "timestamp"}`). */
export interface QmpEvent {
  event: string;
  data: QmpObject;
  /** Host time QEMU stamped on the event, in microseconds since the epoch. */
  timestampUs?: number;
  /** The line as QEMU sent it, for the report. */
  raw: string;
}

export class QmpError extends Error {
  constructor(
    message: string,
    readonly errorClass?: string,
  ) {
    super(message);
    this.name = 'QmpError';
  }
}

export interface QmpClientOptions {
  greetingMs?: number;
  commandMs?: number;
  onEvent?: (event: QmpEvent) => void;
  onClose?: (error?: Error) => void;
}

interface Pending {
  resolve: (v: QmpValue) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One QMP session over a unix socket: greeting, capabilities negotiation, commands matched to their
 * answers by id, events handed to `onEvent`. Every wait has a timeout, so a QEMU that stops answering
 * fails the call instead of hanging the watcher.
 */
export class QmpClient {
  greeting: QmpObject | undefined;
  private socket: Socket | undefined;
  private readonly pending = new Map<string, Pending>();
  private nextId = 1;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly opts: QmpClientOptions,
  ) {}

  static async connect(path: string, opts: QmpClientOptions = {}): Promise<QmpClient> {
    const client = new QmpClient(path, opts);
    await client.open();
    return client;
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = createConnection({ path: this.path });
      this.socket = socket;
      const splitter = new LineSplitter();
      let greeted = false;
      const fail = (err: Error): void => {
        if (!greeted) {
          greeted = true;
          clearTimeout(timer);
          reject(err);
        }
        this.close(err);
      };
      const timer = setTimeout(() => fail(new QmpError(`no QMP greeting within ${this.opts.greetingMs ?? VM_LIMITS.greetingMs} ms`)), this.opts.greetingMs ?? VM_LIMITS.greetingMs);
      socket.on('error', fail);
      socket.on('close', () => fail(new QmpError('QMP socket closed')));
      socket.on('data', (chunk: Buffer) => {
        let lines: string[];
        try {
          lines = splitter.push(chunk);
        } catch (err) {
          fail(err as Error);
          return;
        }
        for (const line of lines) {
          let msg: QmpValue;
          try {
            msg = parseQmpJson(line);
          } catch (err) {
            fail(new QmpError(`malformed QMP message: ${(err as Error).message}`));
            return;
          }
          if (!isQmpObject(msg)) continue;
          if (!greeted) {
            if (!isQmpObject(msg.QMP)) {
              fail(new QmpError('the first message is not a QMP greeting'));
              return;
            }
            greeted = true;
            clearTimeout(timer);
            this.greeting = msg.QMP;
            // Capabilities negotiation leaves the greeting state; only then are commands accepted.
            this.execute('qmp_capabilities').then(() => resolve(), (e: Error) => {
              reject(e);
              this.close(e);
            });
            continue;
          }
          this.dispatch(msg, line);
        }
      });
    });
  }

  private dispatch(msg: QmpObject, line: string): void {
    if (typeof msg.event === 'string') {
      const ts = isQmpObject(msg.timestamp) ? msg.timestamp : undefined;
      const sec = typeof ts?.seconds === 'number' ? ts.seconds : undefined;
      const usec = typeof ts?.microseconds === 'number' ? ts.microseconds : 0;
      this.opts.onEvent?.({
        event: msg.event,
        data: isQmpObject(msg.data) ? msg.data : Object.create(null),
        timestampUs: sec !== undefined && sec >= 0 ? sec * 1e6 + usec : undefined,
        raw: line,
      });
      return;
    }
    const id = typeof msg.id === 'string' ? msg.id : undefined;
    const waiter = id !== undefined ? this.pending.get(id) : undefined;
    if (!waiter || id === undefined) return;
    this.pending.delete(id);
    clearTimeout(waiter.timer);
    if ('return' in msg) waiter.resolve(msg.return ?? null);
    else {
      const e = isQmpObject(msg.error) ? msg.error : undefined;
      waiter.reject(new QmpError(typeof e?.desc === 'string' ? e.desc : 'QMP error', typeof e?.class === 'string' ? e.class : undefined));
    }
  }

  /** Runs one command; rejects on a QMP error, on timeout, or when the socket closes. */
  execute(command: string, args?: QmpObject, timeoutMs = this.opts.commandMs ?? VM_LIMITS.commandMs): Promise<QmpValue> {
    if (this.closed || !this.socket) return Promise.reject(new QmpError('QMP connection is closed'));
    const id = `culprit-${this.nextId++}`;
    const socket = this.socket;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new QmpError(`${command}: no answer within ${timeoutMs} ms`, 'Timeout'));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      const msg: QmpObject = { execute: command, id };
      if (args) msg.arguments = args;
      socket.write(stringifyQmpJson(msg) + '\n');
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.socket?.destroy();
    for (const [id, w] of this.pending) {
      clearTimeout(w.timer);
      w.reject(error ?? new QmpError('QMP connection closed'));
      this.pending.delete(id);
    }
    this.opts.onClose?.(error);
  }
}

import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { matchesAnyPattern } from '../vendors/module-pattern.js';
import { listVendors } from '../vendors/vendor-store.js';
import { postJson } from './post-json.js';
import { RefusedAddressError } from './public-lookup.js';

export const WEBHOOK_EVENTS = ['bucket.new', 'bucket.spike', 'solution.published', 'solution.contradicted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** One event: the module it concerns decides which vendors' webhooks hear of it. */
export interface EventMessage {
  event: WebhookEvent;
  /** The culprit module (file name) the event is about; vendor webhooks get only their modules' events. */
  module: string | null;
  /** One line for people (Slack's `text`). */
  text: string;
  /** Machine-readable details. */
  data: Record<string, unknown>;
}

const ATTEMPTS = 3;
const TIMEOUT_MS = 5000;
const BACKOFF_MS = [500, 2000];

export interface DispatcherOptions {
  /** Hold every webhook, not only vendors' ones, to public addresses (`CULPRIT_WEBHOOKS_PUBLIC_ONLY`). */
  publicOnlyForAll?: boolean;
}

/**
 * Sends events to the registered webhooks as Slack-compatible JSON (`{ text }`, plus Culprit's
 * `event` and `data`): POST, up to 3 attempts, each delivery recorded. Sending never blocks
 * processing: `emit` returns at once and `drain` waits for what is in flight (tests, shutdown).
 * A vendor's webhook (or any, with `publicOnlyForAll`) connects to public addresses only: vendors
 * are outside parties, and the delivery records they read back would otherwise tell them what
 * answers inside the service's network.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: DispatcherOptions = {},
  ) {}

  emit(message: EventMessage): void {
    const p = this.deliverAll(message)
      .catch((err) => process.emitWarning(`culprit: webhook ${message.event} failed: ${(err as Error).message}`))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async deliverAll(message: EventMessage): Promise<void> {
    const hooks = await this.db.selectFrom('webhooks').selectAll().execute();
    const vendors = new Map((await listVendors(this.db)).map((v) => [v.id, v]));
    const targets = hooks.filter((h) => {
      if (!(JSON.parse(h.events) as string[]).includes(message.event)) return false;
      if (h.vendor_id === null) return true;
      const v = vendors.get(h.vendor_id);
      return v !== undefined && matchesAnyPattern(message.module, v.modules);
    });
    const body = JSON.stringify({ text: message.text, event: message.event, data: message.data });
    await Promise.all(targets.map((h) => this.deliver(h.id, h.url, message.event, body, this.options.publicOnlyForAll === true || h.registered_by === 'vendor')));
  }

  private async deliver(webhookId: number, url: string, event: string, body: string, publicOnly: boolean): Promise<void> {
    let status: number | null = null;
    let error: string | null = null;
    let attempts = 0;
    while (attempts < ATTEMPTS) {
      attempts++;
      try {
        status = await postJson(url, body, { timeoutMs: TIMEOUT_MS, publicOnly });
        const ok = status >= 200 && status < 300;
        error = ok ? null : `HTTP ${status}`;
        // 4xx other than 429: the receiver refuses this request; sending it again will not help.
        if (ok || (status >= 400 && status < 500 && status !== 429)) break;
      } catch (err) {
        error = (err as Error).message;
        // The address policy said no before anything was sent; it will say so again.
        if (err instanceof RefusedAddressError) break;
      }
      if (attempts < ATTEMPTS) await new Promise((r) => setTimeout(r, BACKOFF_MS[attempts - 1]));
    }
    await this.db.insertInto('webhook_deliveries').values({ webhook_id: webhookId, event, status_code: status, error, attempts, at: Date.now() }).execute();
  }
}

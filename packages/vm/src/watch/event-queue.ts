import { VM_LIMITS } from '../limits.js';

/**
 * A bounded FIFO of events. When full, the oldest ordinary event makes room; critical events
 * (crash candidates) are dropped only when the queue holds nothing else, and every drop is counted.
 * A guest or a QEMU flooding events costs a fixed amount of memory.
 */
export class BoundedEventQueue<T> {
  private items: { item: T; critical: boolean }[] = [];
  dropped = 0;

  constructor(readonly capacity = VM_LIMITS.eventQueue) {}

  push(item: T, critical: boolean): void {
    if (this.items.length >= this.capacity) {
      this.dropped++;
      const victim = this.items.findIndex((e) => !e.critical);
      // Only crash events queued: a new one adds nothing the queued ones do not already say.
      if (victim < 0) return;
      this.items.splice(victim, 1);
    }
    this.items.push({ item, critical });
  }

  shift(): T | undefined {
    return this.items.shift()?.item;
  }

  get length(): number {
    return this.items.length;
  }
}

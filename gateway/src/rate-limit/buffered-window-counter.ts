/** Adds `delta` to a shared counter and returns its new total (e.g. Redis INCRBY + EXPIRE). */
export type AddToShared = (key: string, delta: number) => Promise<number>;

interface Slot {
  pending: number;
  shared: number;
}

/**
 * Counts hits per key locally and adds them to the shared (Redis) counter in the background, at
 * most every `flushMs`. A decision uses the last shared total plus the local hits not yet added,
 * so a replica's own traffic is counted at once and the others' within one flush interval. This
 * takes a Redis round trip off every request for the coarse per-client API budget; the strict
 * limits (login failures, registrations) stay exact.
 */
export class BufferedWindowCounter {
  private slots = new Map<string, Slot>();
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    private readonly addToShared: AddToShared,
    private readonly flushMs = 100,
  ) {}

  /** Counts one hit and returns the estimated total for the key. */
  hit(key: string): number {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { pending: 0, shared: 0 };
      this.slots.set(key, slot);
    }
    slot.pending += 1;
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
    return slot.shared + slot.pending;
  }

  /** Sends pending hits to the shared counter (also called on shutdown). */
  flush(): Promise<void> {
    this.flushing ??= this.sendPending().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Forgets keys of windows that are over (their Redis keys expire by themselves). */
  retainOnly(isCurrent: (key: string) => boolean): void {
    for (const key of this.slots.keys()) if (!isCurrent(key)) this.slots.delete(key);
  }

  private async sendPending(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.slots].filter(([, slot]) => slot.pending > 0);
    await Promise.all(
      batch.map(async ([key, slot]) => {
        const delta = slot.pending;
        slot.pending -= delta;
        try {
          slot.shared = await this.addToShared(key, delta);
        } catch {
          slot.pending += delta; // Redis unavailable: keep counting locally, retry next flush
        }
      }),
    );
  }
}

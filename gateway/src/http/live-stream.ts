import type { Msg, Subscription } from '@nats-io/transport-node';
import type { NatsClient } from '@hydroml/nest-kit';

/** What a live stream follows: a NATS subject, the resource's current state, and its updates. */
export interface LiveSource<T> {
  /** Subject before the environment's prefix. */
  subject: string;
  /** The current state, access-checked: a rejection here ends the stream before it starts. */
  current(): Promise<T>;
  /**
   * The update a message stands for, or null to send nothing. `stale` marks messages that arrived
   * before the current state did (older than it, or at most one step ahead).
   */
  next(msg: Msg, stale: boolean): Promise<T | null>;
  /** After a final value the stream ends. */
  isFinal(value: T): boolean;
}

/**
 * The current state, then every update until a final one; for SSE and GraphQL subscriptions.
 * Subscribed before the state is read, so nothing between the two is lost; `return()` ends the
 * NATS subscription at once, even while waiting for a message.
 */
export async function followLive<T>(
  nats: NatsClient,
  source: LiveSource<T>,
): Promise<AsyncIterableIterator<T>> {
  const sub = nats.connection.subscribe(nats.subject(source.subject));
  let first: T;
  try {
    first = await source.current();
  } catch (error) {
    sub.unsubscribe();
    throw error;
  }
  const values = generate(sub, source, first, sub.getReceived());
  const iterator: AsyncIterableIterator<T> = {
    next: () => values.next(),
    return: () => {
      sub.unsubscribe();
      return values.return(undefined);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

async function* generate<T>(
  sub: Subscription,
  source: LiveSource<T>,
  first: T,
  staleCount: number,
): AsyncGenerator<T, undefined> {
  try {
    yield first;
    if (source.isFinal(first)) return;
    let seen = 0;
    for await (const msg of sub) {
      seen += 1;
      const value = await source.next(msg, seen <= staleCount);
      if (value === null) continue;
      yield value;
      if (source.isFinal(value)) return;
    }
  } finally {
    sub.unsubscribe();
  }
}

import { ServerNats, type NatsContext, type NatsOptions } from '@nestjs/microservices';
import { corkUntilCheckPhase } from './cork.js';
import type { Msg, MsgCallback, NatsConnection, Subscription } from '@nats-io/transport-node';
import { HEADERS } from '@hydroml/contracts';
import { logger, withCorrelationId } from '../logging/logger.js';
import { natsHandlerSeconds } from '../metrics/metrics.js';

type ServerNatsOptions = NonNullable<NatsOptions['options']>;

/** ServerNats keeps its subscriptions private; close() unsubscribes them for a graceful drain. */
interface WithSubscriptions {
  subscriptions: Subscription[];
}

/**
 * Nest's NATS server with two additions: every subject is subscribed under a prefix (so test runs
 * and environments sharing one NATS never collide), and every message is handled inside the
 * correlation id of its headers, so all log lines of one request carry it.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(
    private readonly natsOptions: ServerNatsOptions,
    private readonly prefix: string,
  ) {
    super(natsOptions);
  }

  override bindEvents(client: NatsConnection): void {
    const defaultQueue: string | undefined = this.natsOptions.queue;
    const subscriptions = (this as unknown as WithSubscriptions).subscriptions;
    for (const [pattern, handler] of this.messageHandlers) {
      const extras = handler.extras as { queue?: string } | undefined;
      const queue = extras?.queue ?? defaultQueue;
      const callback = this.getMessageHandler(pattern).bind(this) as MsgCallback<Msg>;
      subscriptions.push(
        client.subscribe(prefixSubject(this.prefix, pattern), { queue, callback }),
      );
    }
  }

  /** Replies of one loop turn leave in one socket write (see corkUntilCheckPhase). */
  override getPublisher(
    natsMsg: Msg,
    id: string,
    ctx: NatsContext,
  ): (response: unknown) => unknown {
    const publish = super.getPublisher(natsMsg, id, ctx) as (response: unknown) => unknown;
    return (response: unknown): unknown => {
      corkUntilCheckPhase(this.unwrap<NatsConnection>());
      return publish(response);
    };
  }

  override handleMessage(channel: string, message: Msg): Promise<unknown> {
    const correlationId = message.headers?.get(HEADERS.correlationId) ?? '';
    if (isPastDeadline(message)) {
      // The caller has given up waiting: doing the work now would only add load.
      logger().warn({ correlationId, subject: channel }, 'dropped a request past its deadline');
      return Promise.resolve();
    }
    const stop = natsHandlerSeconds.startTimer({ subject: channel });
    return withCorrelationId(correlationId, () => super.handleMessage(channel, message)).finally(
      stop,
    );
  }
}

export function prefixSubject(prefix: string, subject: string): string {
  return prefix ? `${prefix}.${subject}` : subject;
}

/** True when the message carries a deadline (epoch ms) that has already passed. */
export function isPastDeadline(message: Pick<Msg, 'headers'>, now = Date.now()): boolean {
  const deadline = Number(message.headers?.get(HEADERS.deadline));
  return Number.isFinite(deadline) && deadline > 0 && deadline < now;
}

import { randomUUID } from 'node:crypto';
import {
  headers as natsHeaders,
  NoRespondersError,
  RequestError,
  TimeoutError,
  type MsgHdrs,
  type NatsConnection,
} from '@nats-io/transport-node';
import {
  DomainError,
  HEADERS,
  isContractError,
  type CallContext,
  type Contract,
  type EventDef,
} from '@hydroml/contracts';
import { RemoteError } from '../errors/remote-error.js';
import { corkUntilCheckPhase } from './cork.js';
import { prefixSubject } from './prefixed-nats.server.js';

interface NestReply {
  response?: unknown;
  err?: unknown;
}

/**
 * Typed request/reply and events over NATS, speaking Nest's wire format
 * (`{pattern, data, id}` -> `{response | err, isDisposed}`), with the call context in headers.
 */
export class NatsClient {
  constructor(
    readonly connection: NatsConnection,
    readonly prefix: string,
    private readonly defaultTimeoutMs = 10_000,
  ) {}

  subject(name: string): string {
    return prefixSubject(this.prefix, name);
  }

  async request<Req extends object, Res>(
    contract: Contract<Req, Res>,
    payload: Req,
    ctx: CallContext,
  ): Promise<Res> {
    const body = JSON.stringify({ pattern: contract.subject, data: payload, id: randomUUID() });
    const timeout = this.timeoutFor(ctx);
    corkUntilCheckPhase(this.connection);
    try {
      const msg = await this.connection.request(this.subject(contract.subject), body, {
        timeout,
        headers: this.headersFor(ctx),
      });
      return this.unwrap<Res>(msg.json<NestReply>(), contract.subject);
    } catch (error) {
      throw this.transportError(error, contract.subject);
    }
  }

  emit<P>(event: EventDef<P>, payload: P, ctx?: CallContext): void {
    const body = JSON.stringify({ pattern: event.subject, data: payload });
    this.connection.publish(this.subject(event.subject), body, {
      headers: ctx ? this.headersFor(ctx) : undefined,
    });
  }

  private timeoutFor(ctx: CallContext): number {
    if (!ctx.deadline) return this.defaultTimeoutMs;
    return Math.max(1, Math.min(this.defaultTimeoutMs, ctx.deadline - Date.now()));
  }

  private headersFor(ctx: CallContext): MsgHdrs {
    const h = natsHeaders();
    h.set(HEADERS.correlationId, ctx.correlationId);
    if (ctx.principal) h.set(HEADERS.principal, JSON.stringify(ctx.principal));
    if (ctx.deadline) h.set(HEADERS.deadline, String(ctx.deadline));
    return h;
  }

  private unwrap<Res>(reply: NestReply, subject: string): Res {
    if (reply.err !== undefined && reply.err !== null) {
      if (isContractError(reply.err)) throw new RemoteError(reply.err);
      throw new DomainError('internal', `unexpected error reply from ${subject}`);
    }
    return reply.response as Res;
  }

  private transportError(error: unknown, subject: string): unknown {
    if (error instanceof DomainError) return error;
    const service = subject.split('.')[0];
    const noResponders =
      error instanceof NoRespondersError ||
      (error instanceof RequestError && error.isNoResponders());
    if (noResponders) {
      return new DomainError('unavailable', `the ${service} service is not available`);
    }
    if (
      error instanceof TimeoutError ||
      (error instanceof RequestError && error.cause instanceof TimeoutError)
    ) {
      return new DomainError('deadline_exceeded', `the ${service} service did not answer in time`);
    }
    return error;
  }
}

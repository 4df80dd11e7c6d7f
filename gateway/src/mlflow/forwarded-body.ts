import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CallContext, Contract } from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import { requestOf } from '../http/request-of.js';

declare const unchecked: unique symbol;

/** A JSON body the gateway has not validated: only `forward` may send it on. */
export type UncheckedBody = { readonly [unchecked]: true };

/**
 * The request body as parsed, without the gateway's ValidationPipe (a custom parameter decorator
 * is not validated). For MLflow routes whose service validates the same DTO with the same pipe
 * and error factory, so a request is validated once (measured with bench/tracking: a 500-metric
 * log-batch cost about 2 ms of gateway CPU for class-transformer and class-validator).
 */
export const ForwardedBody = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UncheckedBody =>
    requestOf(context).body as UncheckedBody,
);

/**
 * Sends an unchecked body to the experiments service, which validates it as `Req` (its global
 * ValidationPipe, whitelist and forbidNonWhitelisted, raises the same invalid_argument errors the
 * gateway would have) before any handler runs.
 */
export function forward<Req extends object, Res>(
  nats: NatsClient,
  contract: Contract<Req, Res>,
  body: UncheckedBody,
  call: CallContext,
): Promise<Res> {
  return nats.request(contract, body as unknown as Req, call);
}

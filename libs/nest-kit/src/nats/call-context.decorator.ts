import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { HEADERS, type CallContext, type Principal } from '@hydroml/contracts';
import type { MsgHdrs } from '@nats-io/transport-node';

interface HeaderCarrier {
  getHeaders(): unknown;
}

function isHeaderCarrier(value: unknown): value is HeaderCarrier {
  return typeof value === 'object' && value !== null && 'getHeaders' in value;
}

function parsePrincipal(raw: string | undefined): Principal | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Principal;
  } catch {
    return undefined;
  }
}

/** Reads the call context (correlation id, principal, deadline) from a NATS message's headers. */
export function callContextOf(rpcContext: unknown): CallContext {
  const headers = isHeaderCarrier(rpcContext)
    ? (rpcContext.getHeaders() as MsgHdrs | undefined)
    : undefined;
  const deadline = Number(headers?.get(HEADERS.deadline));
  return {
    correlationId: headers?.get(HEADERS.correlationId) || randomUUID(),
    principal: parsePrincipal(headers?.get(HEADERS.principal)),
    deadline: Number.isFinite(deadline) && deadline > 0 ? deadline : undefined,
  };
}

/** Handler parameter: `@Call() call: CallContext`. */
export const Call = createParamDecorator((_data: unknown, ctx: ExecutionContext): CallContext =>
  callContextOf(ctx.switchToRpc().getContext()),
);

import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@hydroml/contracts';

export type GatewayRequest = FastifyRequest & { user?: Principal };

interface GqlContext {
  req: GatewayRequest;
}

/** The HTTP request behind a REST or GraphQL call. */
export function requestOf(context: ExecutionContext): GatewayRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<GqlContext>().req;
  }
  return context.switchToHttp().getRequest<GatewayRequest>();
}

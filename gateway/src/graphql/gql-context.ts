import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GatewayRequest } from '../http/request-of.js';
import type { Loaders } from './loaders.js';

export interface GqlContext {
  req: GatewayRequest;
  loaders: Loaders;
}

/** Resolver parameter: the request's DataLoaders. */
export const GqlLoaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Loaders =>
    GqlExecutionContext.create(context).getContext<GqlContext>().loaders,
);

/** Resolver parameter: the HTTP request (e.g. for the client IP of rate limits). */
export const GqlRequest = createParamDecorator(
  (_data: unknown, context: ExecutionContext): GatewayRequest =>
    GqlExecutionContext.create(context).getContext<GqlContext>().req,
);

import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import type { GatewayRequest } from '../http/request-of.js';
import { toHttpError } from './to-http-error.js';

/**
 * The gateway's one error filter: REST answers `{code, message, details?, correlationId}` with
 * the status from the code table; GraphQL returns the same fields in the error's extensions.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      const request = GqlArgumentsHost.create(host).getContext<{ req: GatewayRequest }>().req;
      const { status, body } = toHttpError(exception, String(request.id));
      return new GraphQLError(body.message, { extensions: { ...body, status } });
    }
    const http = host.switchToHttp();
    const request = http.getRequest<GatewayRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = toHttpError(exception, String(request.id));
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(status).send(body);
    return undefined;
  }
}

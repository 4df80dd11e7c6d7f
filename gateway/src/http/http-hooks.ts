import type { FastifyInstance } from 'fastify';
import { httpRequestSeconds, logger } from '@hydroml/nest-kit';
import { toHttpError } from '../errors/to-http-error.js';
import { isMlflowUrl, toMlflowError } from '../mlflow/mlflow-error.filter.js';

/**
 * Fastify-level hooks: echo the request id, one JSON access-log line per request, and errors
 * raised before Nest sees the request (malformed JSON, body too large) in the contract shape
 * (MLflow's own on its routes).
 */
export function installHttpHooks(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpRequestSeconds.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    logger().info(
      {
        correlationId: request.id,
        method: request.method,
        url: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });
  fastify.setErrorHandler((error, request, reply) => {
    const { status, body } = isMlflowUrl(request.url)
      ? toMlflowError(error, String(request.id))
      : toHttpError(error, String(request.id));
    void reply.status(status).send(body);
  });
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import {
  configureLogger,
  enableDefaultMetrics,
  NestPinoLogger,
  VALIDATION_OPTIONS,
} from '@hydroml/nest-kit';
import { AppModule } from './app.module.js';
import { registerMultipart } from './datasets/multipart.js';
import type { GatewayEnv } from './gateway-env.js';
import { installHttpHooks } from './http/http-hooks.js';
import { installArtifactBodyParser } from './mlflow/artifact-body.js';
import { setupOpenApi } from './http/openapi.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Keeps the gateway's own Fastify error handler (installHttpHooks: every error in the contract
 * shape, MLflow's on its routes) the only one: Nest would install a second one at init, which
 * Fastify reports as an override (FSTWRN004) at every start.
 */
class GatewayFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(): ReturnType<FastifyAdapter['setErrorHandler']> {
    return this.getInstance();
  }
}

/** Builds the gateway (not yet listening): Fastify, helmet, CORS, validation, OpenAPI, GraphQL. */
export async function createGateway(env: GatewayEnv): Promise<NestFastifyApplication> {
  configureLogger('gateway', env.LOG_LEVEL);
  enableDefaultMetrics('gateway');
  const adapter = new GatewayFastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), adapter, {
    logger: new NestPinoLogger(),
  });
  await app.register(helmet, { contentSecurityPolicy: false });
  await app.register(cors, { origin: env.CORS_ORIGINS, credentials: true });
  await registerMultipart(app, env);
  installHttpHooks(app.getHttpAdapter().getInstance());
  installArtifactBodyParser(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'healthz', method: RequestMethod.GET },
      { path: 'readyz', method: RequestMethod.GET },
      { path: 'api/2.0/mlflow/{*path}', method: RequestMethod.ALL },
      { path: 'ajax-api/2.0/mlflow/{*path}', method: RequestMethod.ALL },
      { path: 'api/2.0/mlflow-artifacts/{*path}', method: RequestMethod.ALL },
      { path: 'ajax-api/2.0/mlflow-artifacts/{*path}', method: RequestMethod.ALL },
      { path: 'api/2.0/mlflow-artifacts/artifacts', method: RequestMethod.ALL },
      { path: 'ajax-api/2.0/mlflow-artifacts/artifacts', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}

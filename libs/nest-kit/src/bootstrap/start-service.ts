import { ValidationPipe, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ServiceName } from '@hydroml/contracts';
import type { BaseEnv } from '../config/base-env.js';
import { RpcErrorFilter } from '../errors/rpc-error.filter.js';
import { VALIDATION_OPTIONS } from '../errors/validation.js';
import { configureLogger, logger } from '../logging/logger.js';
import { NestPinoLogger } from '../logging/nest-pino-logger.js';
import { PrefixedNatsServer } from '../nats/prefixed-nats.server.js';
import { startHealthServer } from '../health/health-http.server.js';
import { enableDefaultMetrics } from '../metrics/metrics.js';

/**
 * Creates and starts a service: a NestJS NATS microservice in queue group `<service>` (replicas
 * share the load), validating payloads and answering every error in the contract shape.
 */
export async function startService(
  service: ServiceName,
  module: DynamicModule,
  env: BaseEnv,
): Promise<INestMicroservice> {
  configureLogger(service, env.LOG_LEVEL);
  enableDefaultMetrics(service);
  const strategy = new PrefixedNatsServer(
    {
      servers: env.NATS_URL,
      queue: service,
      name: service,
      gracefulShutdown: env.SHUTDOWN_GRACE_MS > 0,
      gracePeriod: env.SHUTDOWN_GRACE_MS,
    },
    env.NATS_SUBJECT_PREFIX,
  );
  const app = await NestFactory.createMicroservice(module, {
    strategy,
    logger: new NestPinoLogger(),
  });
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks();
  await app.listen();
  // Probes only: the server must not keep a stopping process alive.
  startHealthServer(app, env.HEALTH_PORT)?.unref();
  logger().info(
    { prefix: env.NATS_SUBJECT_PREFIX || undefined },
    `${service} is listening on NATS`,
  );
  return app;
}

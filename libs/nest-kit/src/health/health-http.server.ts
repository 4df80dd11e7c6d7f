import { createServer, type Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { logger } from '../logging/logger.js';
import { metricsText } from '../metrics/metrics.js';
import { NatsClient } from '../nats/nats-client.js';
import { REDIS } from '../redis/redis.js';

async function ready(app: INestApplicationContext): Promise<Record<string, boolean>> {
  const probe = (fn: () => Promise<unknown>) =>
    fn().then(
      () => true,
      () => false,
    );
  return {
    postgres: await probe(() => app.get(DataSource).query('SELECT 1')),
    redis: await probe(() => app.get<Redis>(REDIS).ping()),
    nats: !app.get(NatsClient).connection.isClosed(),
  };
}

/**
 * Liveness (`/healthz`), readiness (`/readyz`: PostgreSQL, Redis, NATS) and Prometheus `/metrics`
 * over plain HTTP for orchestrators; services otherwise speak only NATS. Off when the port is 0.
 */
export function startHealthServer(app: INestApplicationContext, port: number): Server | undefined {
  if (port === 0) return undefined;
  const server = createServer((req, res) => {
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/healthz') return send(200, { status: 'ok' });
    if (req.url === '/metrics') {
      metricsText().then(
        ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
        (err: unknown) => send(500, { error: String(err) }),
      );
      return;
    }
    if (req.url !== '/readyz') return send(404, { code: 'not_found', message: 'not found' });
    ready(app).then(
      (checks) => send(Object.values(checks).every(Boolean) ? 200 : 503, { checks }),
      (err: unknown) => send(503, { error: String(err) }),
    );
  });
  server.listen(port, () => logger().info({ port }, 'health endpoints listening'));
  return server;
}

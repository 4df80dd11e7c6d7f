import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { healthContract, SERVICE_NAMES, type HealthReport } from '@hydroml/contracts';
import { NatsClient, REDIS } from '@hydroml/nest-kit';

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: Record<string, 'ok' | 'down'>;
}

const PROBE_TIMEOUT_MS = 2_000;

/** Ready when NATS and Redis answer, and every service answers its health subject with PostgreSQL up. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly nats: NatsClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<Readiness> {
    const services = await Promise.all(SERVICE_NAMES.map((s) => this.serviceHealth(s)));
    const checks: Record<string, 'ok' | 'down'> = {
      nats: this.nats.connection.isClosed() ? 'down' : 'ok',
      redis: await this.redis.ping().then(
        () => 'ok' as const,
        () => 'down' as const,
      ),
      postgres: services.some((r) => r?.checks.postgres === 'ok') ? 'ok' : 'down',
    };
    SERVICE_NAMES.forEach(
      (name, i) => (checks[`service:${name}`] = services[i]?.status === 'ok' ? 'ok' : 'down'),
    );
    const ready = Object.values(checks).every((state) => state === 'ok');
    return { status: ready ? 'ready' : 'not_ready', checks };
  }

  private async serviceHealth(
    service: (typeof SERVICE_NAMES)[number],
  ): Promise<HealthReport | null> {
    const deadline = Date.now() + PROBE_TIMEOUT_MS;
    return this.nats
      .request(healthContract(service), {}, { correlationId: randomUUID(), deadline })
      .catch(() => null);
  }
}

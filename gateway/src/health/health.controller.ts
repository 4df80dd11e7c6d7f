import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { metricsText } from '@hydroml/nest-kit';
import { Public } from '../auth/public.decorator.js';
import { ReadinessService, type Readiness } from './readiness.service.js';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process is up and serving. */
  @Get('healthz')
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Prometheus metrics of the gateway process (scrape from inside the cluster). */
  @Get('metrics')
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { contentType, body } = await metricsText();
    void reply.header('content-type', contentType);
    return body;
  }

  /** Readiness: 200 when every dependency and service answers, else 503 with what is down. */
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const result = await this.readiness.check();
    void reply.status(result.status === 'ready' ? 200 : 503);
    return result;
  }
}

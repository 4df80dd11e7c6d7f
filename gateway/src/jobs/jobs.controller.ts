import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  isTerminalJobStatus,
  jobEventsSubject,
  type CallContext,
  type JobEvent,
  type JobView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { JobsClient } from './jobs.client.js';

const KEEPALIVE_MS = 15_000;

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsClient,
    private readonly nats: NatsClient,
  ) {}

  @Get(':id')
  get(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<JobView> {
    return this.jobs.get(id, call);
  }

  @Post(':id/cancel')
  @HttpCode(202)
  cancel(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<JobView> {
    return this.jobs.cancel(id, call);
  }

  /**
   * Server-Sent Events: the job's current state first, then every progress and state event,
   * closing after a terminal state.
   */
  @Get(':id/events')
  async events(
    @Param('id', UUID) id: string,
    @Caller() call: CallContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pending: JobEvent[] = [];
    const live: { write?: (event: JobEvent) => void } = {};
    const sub = this.nats.connection.subscribe(this.nats.subject(jobEventsSubject(id)), {
      callback: (_error, msg) => {
        const event = msg.json<JobEvent>();
        if (live.write) live.write(event);
        else pending.push(event);
      },
    });
    let job: JobView;
    try {
      job = await this.jobs.get(id, call);
    } catch (error) {
      sub.unsubscribe();
      throw error;
    }
    reply.hijack();
    const raw = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) raw.setHeader(name, value);
    }
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const keepalive = setInterval(() => raw.write(': keepalive\n\n'), KEEPALIVE_MS);
    const finish = () => {
      clearInterval(keepalive);
      sub.unsubscribe();
      raw.end();
    };
    raw.on('close', finish);
    const write = (event: JobEvent) => {
      if (raw.writableEnded) return;
      raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      if (isTerminalJobStatus(event.job.status)) finish();
    };
    live.write = write;
    write({ type: 'state', job, at: new Date().toISOString() });
    if (!isTerminalJobStatus(job.status)) for (const event of pending.splice(0)) write(event);
  }
}

import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CallContext, JobView } from '@hydroml/contracts';
import { Caller } from '../http/caller.decorator.js';
import { sendEvents } from '../http/event-stream.js';
import { UUID } from '../http/uuid.pipe.js';
import { JobEvents } from './job-events.js';
import { JobsClient } from './jobs.client.js';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsClient,
    private readonly jobEvents: JobEvents,
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
    // Access is checked (404) before the stream opens.
    await sendEvents(reply, await this.jobEvents.follow(id, call));
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  RegisterBestDto,
  StudyContracts as S,
  StudyRequestDto,
  TellRequestDto,
  type AskedTrial,
  type CallContext,
  type Page,
  type StudyAccepted,
  type StudyView,
  type TrialView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { sendEvents } from '../http/event-stream.js';
import { UUID } from '../http/uuid.pipe.js';
import { StudyEvents } from './study-events.js';

/** Hyperparameter studies: trials run as jobs; external workers join with ask/tell. */
@ApiTags('studies')
@Controller()
export class StudiesController {
  constructor(
    private readonly nats: NatsClient,
    private readonly studyEvents: StudyEvents,
  ) {}

  @Post('projects/:id/studies')
  @HttpCode(202)
  start(
    @Param('id', UUID) projectId: string,
    @Body() body: StudyRequestDto,
    @Caller() call: CallContext,
  ): Promise<StudyAccepted> {
    return this.nats.request(S.start, { ...body, projectId }, call);
  }

  @Get('projects/:id/studies')
  list(
    @Param('id', UUID) projectId: string,
    @Caller() call: CallContext,
  ): Promise<Page<StudyView>> {
    return this.nats.request(S.list, { projectId }, call);
  }

  @Get('studies/:id')
  get(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<StudyView> {
    return this.nats.request(S.get, { id }, call);
  }

  /**
   * Server-Sent Events: the study now (`state`), again after each trial ends (`trial`), and a last
   * `state` when it closes; then the stream ends.
   */
  @Get('studies/:id/events')
  async events(
    @Param('id', UUID) id: string,
    @Caller() call: CallContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendEvents(reply, await this.studyEvents.follow(id, call));
  }

  /** Stops a running study: open trials are cancelled and failed, completed ones stay. */
  @Post('studies/:id/cancel')
  @HttpCode(200)
  cancel(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<StudyView> {
    return this.nats.request(S.cancel, { id }, call);
  }

  /**
   * Registers the best trial's model of an ended study under `name` (and `alias`): for studies
   * that did not ask for it at creation, or whose registration did not happen (see `bestModel`).
   */
  @Post('studies/:id/register')
  @HttpCode(200)
  register(
    @Param('id', UUID) id: string,
    @Body() body: RegisterBestDto,
    @Caller() call: CallContext,
  ): Promise<StudyView> {
    return this.nats.request(S.register, { ...body, id }, call);
  }

  @Post('studies/:id/ask')
  @HttpCode(200)
  ask(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<AskedTrial> {
    return this.nats.request(S.ask, { id }, call);
  }

  @Post('studies/:id/tell')
  @HttpCode(200)
  tell(
    @Param('id', UUID) id: string,
    @Body() body: TellRequestDto,
    @Caller() call: CallContext,
  ): Promise<TrialView> {
    return this.nats.request(S.tell, { ...body, id }, call);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  QualityContracts,
  type CallContext,
  type JobView,
  type ProfileView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { sendHtml } from './html-reply.js';
import { ProfileBody } from './quality.bodies.js';

/** Profiles of versions: queue the job, read the JSON, download the HTML report. */
@ApiTags('quality')
@Controller('data-sources/:id/versions/:n/profile')
export class ProfileController {
  constructor(private readonly nats: NatsClient) {}

  /** Answers 202 with the profile job (GET /jobs/:id to follow it). */
  @Post()
  @HttpCode(202)
  request(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Body() body: ProfileBody,
    @Caller() call: CallContext,
  ): Promise<JobView> {
    return this.nats.request(QualityContracts.profile, { ...body, dataSourceId, version }, call);
  }

  @Get()
  get(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Caller() call: CallContext,
  ): Promise<ProfileView> {
    return this.nats.request(QualityContracts.getProfile, { dataSourceId, version }, call);
  }

  @Get('report.html')
  @ApiProduces('text/html')
  async report(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Caller() call: CallContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const report = await this.nats.request(
      QualityContracts.profileReport,
      { dataSourceId, version },
      call,
    );
    await sendHtml(reply, report);
  }
}

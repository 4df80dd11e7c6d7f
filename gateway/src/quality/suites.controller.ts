import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  QualityContracts as Q,
  type CallContext,
  type JobView,
  type SuiteView,
  type ValidationHistory,
  type ValidationView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { sendHtml } from './html-reply.js';
import { CreateSuiteBody, ValidateBody } from './quality.bodies.js';

/** Expectation suites per data source, validation runs (jobs), their reports and history. */
@ApiTags('quality')
@Controller()
export class SuitesController {
  constructor(private readonly nats: NatsClient) {}

  @Get('data-sources/:id/suites')
  list(@Param('id', UUID) dataSourceId: string, @Caller() call: CallContext): Promise<SuiteView[]> {
    return this.nats.request(Q.listSuites, { dataSourceId }, call);
  }

  @Post('data-sources/:id/suites')
  create(
    @Param('id', UUID) dataSourceId: string,
    @Body() body: CreateSuiteBody,
    @Caller() call: CallContext,
  ): Promise<SuiteView> {
    return this.nats.request(Q.createSuite, { ...body, dataSourceId }, call);
  }

  /** Validation history of a data source and the quality score of each version. */
  @Get('data-sources/:id/validations')
  history(
    @Param('id', UUID) dataSourceId: string,
    @Query('suiteId') suiteId: string | undefined,
    @Query('limit') limit: string | undefined,
    @Caller() call: CallContext,
  ): Promise<ValidationHistory> {
    const dto = { dataSourceId, suiteId, limit: limit === undefined ? undefined : Number(limit) };
    return this.nats.request(Q.validationHistory, dto, call);
  }

  @Get('suites/:id')
  get(@Param('id', UUID) suiteId: string, @Caller() call: CallContext): Promise<SuiteView> {
    return this.nats.request(Q.getSuite, { suiteId }, call);
  }

  /** Answers 202 with the job; the validation's id is the job's id (GET /validations/:id). */
  @Post('suites/:id/validate')
  @HttpCode(202)
  validate(
    @Param('id', UUID) suiteId: string,
    @Body() body: ValidateBody,
    @Caller() call: CallContext,
  ): Promise<JobView> {
    return this.nats.request(Q.validate, { ...body, suiteId }, call);
  }

  @Get('validations/:id')
  validation(
    @Param('id', UUID) validationId: string,
    @Caller() call: CallContext,
  ): Promise<ValidationView> {
    return this.nats.request(Q.getValidation, { validationId }, call);
  }

  @Get('validations/:id/report.html')
  @ApiProduces('text/html')
  async report(
    @Param('id', UUID) validationId: string,
    @Caller() call: CallContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendHtml(reply, await this.nats.request(Q.validationReport, { validationId }, call));
  }
}

import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  PredictRequestDto,
  TrainingContracts as T,
  TrainingRequestDto,
  type CallContext,
  type PredictionResult,
  type TrainingAccepted,
  type TrainingView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';

/** Trainings (jobs that log MLflow runs), predictions and model files of registered versions. */
@ApiTags('trainings')
@Controller()
export class TrainingsController {
  constructor(
    private readonly nats: NatsClient,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Post('projects/:id/trainings')
  @HttpCode(202)
  start(
    @Param('id', UUID) projectId: string,
    @Body() body: TrainingRequestDto,
    @Caller() call: CallContext,
  ): Promise<TrainingAccepted> {
    return this.nats.request(T.start, { ...body, projectId }, call);
  }

  @Get('trainings/:id')
  get(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<TrainingView> {
    return this.nats.request(T.get, { id }, call);
  }

  @Post('models/:name/versions/:v/predict')
  async predict(
    @Param('name') name: string,
    @Param('v') version: string,
    @Body() body: PredictRequestDto,
    @Caller() call: CallContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const result: PredictionResult = await this.nats.request(
      T.predict,
      { ...body, name, version },
      { ...call, deadline: Date.now() + 60_000 },
    );
    await reply.code(result.job ? 202 : 200).send(result);
  }

  @Get('models/:name/versions/:v/model-file')
  @ApiProduces('application/json')
  async modelFile(
    @Param('name') name: string,
    @Param('v') version: string,
    @Caller() call: CallContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.nats.request(T.modelFile, { name, version }, call);
    const stream = await this.blobs.get(file.blobKey);
    await reply
      .code(200)
      .header('content-type', 'application/json')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(stream);
  }
}

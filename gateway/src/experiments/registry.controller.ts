import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  DomainError,
  RegistryContracts as R,
  type CallContext,
  type RegisteredModelView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { ArtifactFilesService } from '../mlflow/artifact-files.service.js';
import type { FileInfo } from '../mlflow/artifact-keys.js';
import { ArtifactListQuery } from '../mlflow/artifact.queries.js';

/** Native views of one registered model and of a run's artifacts (list and download). */
@ApiTags('experiments')
@Controller()
export class RegistryController {
  constructor(
    private readonly nats: NatsClient,
    private readonly files: ArtifactFilesService,
  ) {}

  @Get('models/:name')
  async model(
    @Param('name') name: string,
    @Caller() call: CallContext,
  ): Promise<RegisteredModelView> {
    return (await this.nats.request(R.getModel, { name }, call)).registered_model;
  }

  @Get('runs/:runId/artifacts')
  async artifacts(
    @Param('runId') runId: string,
    @Query() query: ArtifactListQuery,
    @Caller() call: CallContext,
  ): Promise<{ files: FileInfo[] }> {
    const grant = await this.files.authorize(
      call,
      { run_id: runId, path: query.path ?? '' },
      'read',
    );
    return { files: await this.files.list(grant, true) };
  }

  @Get('runs/:runId/artifacts/file')
  async download(
    @Param('runId') runId: string,
    @Query() query: ArtifactListQuery,
    @Res() reply: FastifyReply,
    @Caller() call: CallContext,
  ): Promise<void> {
    if (!query.path) throw new DomainError('invalid_argument', 'path names the file to download');
    const grant = await this.files.authorize(call, { run_id: runId, path: query.path }, 'read');
    const name = grant.relative.split('/').pop() ?? 'artifact';
    await reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${name.replace(/["\\\r\n]/g, '_')}"`)
      .send(await this.files.read(grant));
  }
}

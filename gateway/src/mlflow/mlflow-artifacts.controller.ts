import { Controller, Delete, Get, Put, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, type CallContext, type Empty } from '@hydroml/contracts';
import { Caller } from '../http/caller.decorator.js';
import type { GatewayRequest } from '../http/request-of.js';
import type { FileInfo } from './artifact-keys.js';
import { ArtifactFilesService } from './artifact-files.service.js';
import { ArtifactListQuery, RunArtifactListQuery } from './artifact.queries.js';
import { MlflowErrorFilter } from './mlflow-error.filter.js';
import { mlflowPaths } from './mlflow-paths.js';

const ARTIFACT_ROUTE = /^\/(?:ajax-)?api\/2\.0\/mlflow-artifacts\/artifacts\/?/;

/** The artifact path after the route prefix, percent-decoded (NUL and `..` are refused later). */
function pathOf(request: GatewayRequest): string {
  const raw = request.url.split('?')[0].replace(ARTIFACT_ROUTE, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new DomainError('invalid_argument', 'Invalid artifact path encoding');
  }
}

/** MLflow's proxied artifact service: `/api/2.0/mlflow-artifacts/artifacts/<path>`. */
@ApiExcludeController()
@UseFilters(MlflowErrorFilter)
@Controller(['api/2.0/mlflow-artifacts/artifacts', 'ajax-api/2.0/mlflow-artifacts/artifacts'])
export class MlflowArtifactsController {
  constructor(private readonly files: ArtifactFilesService) {}

  @Get()
  async list(
    @Query() query: ArtifactListQuery,
    @Caller() call: CallContext,
  ): Promise<{ files: FileInfo[] }> {
    const grant = await this.files.authorize(call, { path: query.path ?? '' }, 'read');
    return { files: await this.files.list(grant, false) };
  }

  @Get('*')
  async download(
    @Req() request: GatewayRequest,
    @Res() reply: FastifyReply,
    @Caller() call: CallContext,
  ): Promise<void> {
    const stream = await this.files.download(call, pathOf(request));
    await reply.type('application/octet-stream').send(stream);
  }

  @Put('*')
  async upload(@Req() request: GatewayRequest, @Caller() call: CallContext): Promise<Empty> {
    await this.files.upload(call, pathOf(request), request.body);
    return {};
  }

  @Delete('*')
  async delete(@Req() request: GatewayRequest, @Caller() call: CallContext): Promise<Empty> {
    await this.files.delete(call, pathOf(request));
    return {};
  }
}

/** MLflow's `artifacts/list` for a run: paths from the run's artifact root. */
@ApiExcludeController()
@UseFilters(MlflowErrorFilter)
@Controller(mlflowPaths('artifacts'))
export class MlflowRunArtifactsController {
  constructor(private readonly files: ArtifactFilesService) {}

  @Get('list')
  async list(
    @Query() query: RunArtifactListQuery,
    @Caller() call: CallContext,
  ): Promise<{ root_uri: string; files: FileInfo[] }> {
    const run_id = query.run_id ?? query.run_uuid;
    if (!run_id)
      throw new DomainError('invalid_argument', "Missing value for required parameter 'run_id'");
    const grant = await this.files.authorize(call, { run_id, path: query.path ?? '' }, 'read');
    return { root_uri: grant.root_uri, files: await this.files.list(grant, true) };
  }
}

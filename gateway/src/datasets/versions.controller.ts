import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  DataToolsContracts,
  DatasetLifecycleContracts,
  type CallContext,
  type DatasetPreview,
  type DatasetVersionDetail,
  type DatasetVersionView,
  type JobView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import type { GatewayRequest } from '../http/request-of.js';
import { UUID } from '../http/uuid.pipe.js';
import { UploadService } from './upload.service.js';
import { ReingestBody } from './dataset.bodies.js';

const optionalInt = new ParseIntPipe({ optional: true });

@ApiTags('datasets')
@Controller('data-sources/:id/versions')
export class VersionsController {
  constructor(
    private readonly nats: NatsClient,
    private readonly uploads: UploadService,
  ) {}

  /** Multipart upload of a new version; answers the ingestion job. */
  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  add(
    @Param('id', UUID) dataSourceId: string,
    @Req() req: GatewayRequest,
    @Caller() call: CallContext,
  ): Promise<JobView> {
    return this.uploads.newVersion(req, dataSourceId, call);
  }

  @Get()
  list(
    @Param('id', UUID) dataSourceId: string,
    @Caller() call: CallContext,
  ): Promise<DatasetVersionView[]> {
    return this.nats.request(DataToolsContracts.listVersions, { dataSourceId }, call);
  }

  /** Schema, stats, detection choices, warnings and lineage of one version. */
  @Get(':n')
  get(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Caller() call: CallContext,
  ): Promise<DatasetVersionDetail> {
    return this.nats.request(DataToolsContracts.getVersion, { dataSourceId, version }, call);
  }

  /** Soft delete; 409 naming the versions made from it. */
  @Delete(':n')
  @HttpCode(204)
  async delete(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Caller() call: CallContext,
  ): Promise<void> {
    await this.nats.request(
      DatasetLifecycleContracts.deleteVersion,
      { dataSourceId, version },
      call,
    );
  }

  /** Reads the version's original file again with explicit column types: a new version's job. */
  @Post(':n/reingest')
  @HttpCode(202)
  reingest(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Body() body: ReingestBody,
    @Caller() call: CallContext,
  ): Promise<JobView> {
    return this.nats.request(
      DatasetLifecycleContracts.reingest,
      { ...body, dataSourceId, version },
      call,
    );
  }

  @Get(':n/preview')
  preview(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Query('offset', optionalInt) offset: number | undefined,
    @Query('limit', optionalInt) limit: number | undefined,
    @Query('after', optionalInt) after: number | undefined,
    @Caller() call: CallContext,
  ): Promise<DatasetPreview> {
    return this.nats.request(
      DataToolsContracts.preview,
      { dataSourceId, version, offset, limit, after },
      call,
    );
  }
}

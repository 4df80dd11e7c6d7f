import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddVersionDto,
  DataSourceRefDto,
  DataToolsContracts,
  ExportVersionDto,
  UploadDataSourceDto,
  VersionPreviewDto,
  VersionRefDto,
  type CallContext,
  type DatasetPreview,
  type DatasetVersionDetail,
  type DatasetVersionView,
  type ExportFile,
  type ExportQueued,
  type JobView,
  type UploadAccepted,
  type VersionLocation,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { ExportsService } from '../exports/exports.service.js';
import { DatasetsService } from './datasets.service.js';

@Controller()
export class DatasetsHandler {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly exports: ExportsService,
  ) {}

  @MessagePattern(DataToolsContracts.upload.subject)
  upload(@Payload() dto: UploadDataSourceDto, @Call() call: CallContext): Promise<UploadAccepted> {
    return this.datasets.upload(call, dto);
  }

  @MessagePattern(DataToolsContracts.addVersion.subject)
  addVersion(@Payload() dto: AddVersionDto, @Call() call: CallContext): Promise<JobView> {
    return this.datasets.addVersion(call, dto);
  }

  @MessagePattern(DataToolsContracts.listVersions.subject)
  list(@Payload() dto: DataSourceRefDto, @Call() call: CallContext): Promise<DatasetVersionView[]> {
    return this.datasets.list(call, dto.dataSourceId);
  }

  @MessagePattern(DataToolsContracts.getVersion.subject)
  get(@Payload() dto: VersionRefDto, @Call() call: CallContext): Promise<DatasetVersionDetail> {
    return this.datasets.get(call, dto.dataSourceId, dto.version);
  }

  @MessagePattern(DataToolsContracts.locate.subject)
  locate(@Payload() dto: VersionRefDto, @Call() call: CallContext): Promise<VersionLocation> {
    return this.datasets.locate(call, dto.dataSourceId, dto.version);
  }

  @MessagePattern(DataToolsContracts.preview.subject)
  preview(@Payload() dto: VersionPreviewDto, @Call() call: CallContext): Promise<DatasetPreview> {
    return this.datasets.preview(call, dto);
  }

  @MessagePattern(DataToolsContracts.export.subject)
  export(
    @Payload() dto: ExportVersionDto,
    @Call() call: CallContext,
  ): Promise<ExportFile | ExportQueued> {
    return this.exports.export(call, dto);
  }
}

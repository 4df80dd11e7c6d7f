import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DataSourceRefDto,
  DatasetLifecycleContracts as C,
  ReingestDto,
  VersionRefDto,
  type CallContext,
  type DatasetLineage,
  type JobView,
  type Ok,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { DatasetLifecycleService } from './dataset-lifecycle.service.js';

@Controller()
export class DatasetsLifecycleHandler {
  constructor(private readonly lifecycle: DatasetLifecycleService) {}

  @MessagePattern(C.reingest.subject)
  reingest(@Payload() dto: ReingestDto, @Call() call: CallContext): Promise<JobView> {
    return this.lifecycle.reingest(call, dto);
  }

  @MessagePattern(C.deleteVersion.subject)
  async deleteVersion(@Payload() dto: VersionRefDto, @Call() call: CallContext): Promise<Ok> {
    await this.lifecycle.deleteVersion(call, dto.dataSourceId, dto.version);
    return { ok: true };
  }

  @MessagePattern(C.deleteDataSource.subject)
  async deleteDataSource(@Payload() dto: DataSourceRefDto, @Call() call: CallContext): Promise<Ok> {
    await this.lifecycle.deleteDataSource(call, dto.dataSourceId);
    return { ok: true };
  }

  @MessagePattern(C.lineage.subject)
  lineage(@Payload() dto: DataSourceRefDto, @Call() call: CallContext): Promise<DatasetLineage> {
    return this.lifecycle.lineage(call, dto.dataSourceId);
  }
}

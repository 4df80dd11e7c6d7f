import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateModelVersionDto,
  ModelVersionRefDto,
  ModelVersionTagDto,
  ModelVersionTagKeyDto,
  RegistryContracts as R,
  SearchRegistryDto,
  TransitionStageDto,
  UpdateModelVersionDto,
  type CallContext,
  type DownloadUriResult,
  type Empty,
  type ModelVersionResult,
  type ModelVersionsResult,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { ModelVersionsService } from './model-versions.service.js';

@Controller()
export class ModelVersionsHandler {
  constructor(private readonly versions: ModelVersionsService) {}

  @MessagePattern(R.createVersion.subject)
  async create(
    @Payload() dto: CreateModelVersionDto,
    @Call() call: CallContext,
  ): Promise<ModelVersionResult> {
    return { model_version: await this.versions.create(call, dto) };
  }

  @MessagePattern(R.getVersion.subject)
  async get(
    @Payload() dto: ModelVersionRefDto,
    @Call() call: CallContext,
  ): Promise<ModelVersionResult> {
    return { model_version: await this.versions.get(call, dto.name, dto.version) };
  }

  @MessagePattern(R.updateVersion.subject)
  async update(
    @Payload() dto: UpdateModelVersionDto,
    @Call() call: CallContext,
  ): Promise<ModelVersionResult> {
    const view = await this.versions.update(call, dto.name, dto.version, dto.description);
    return { model_version: view };
  }

  @MessagePattern(R.deleteVersion.subject)
  async delete(@Payload() dto: ModelVersionRefDto, @Call() call: CallContext): Promise<Empty> {
    await this.versions.delete(call, dto.name, dto.version);
    return {};
  }

  @MessagePattern(R.searchVersions.subject)
  search(
    @Payload() dto: SearchRegistryDto,
    @Call() call: CallContext,
  ): Promise<ModelVersionsResult> {
    return this.versions.search(call, dto);
  }

  @MessagePattern(R.transitionStage.subject)
  async transition(
    @Payload() dto: TransitionStageDto,
    @Call() call: CallContext,
  ): Promise<ModelVersionResult> {
    return { model_version: await this.versions.transition(call, dto) };
  }

  @MessagePattern(R.downloadUri.subject)
  async downloadUri(
    @Payload() dto: ModelVersionRefDto,
    @Call() call: CallContext,
  ): Promise<DownloadUriResult> {
    const version = await this.versions.get(call, dto.name, dto.version);
    return { artifact_uri: version.source };
  }

  @MessagePattern(R.setVersionTag.subject)
  async setTag(@Payload() dto: ModelVersionTagDto, @Call() call: CallContext): Promise<Empty> {
    await this.versions.setTag(call, dto.name, dto.version, dto.key, dto.value);
    return {};
  }

  @MessagePattern(R.deleteVersionTag.subject)
  async deleteTag(
    @Payload() dto: ModelVersionTagKeyDto,
    @Call() call: CallContext,
  ): Promise<Empty> {
    await this.versions.deleteTag(call, dto.name, dto.version, dto.key);
    return {};
  }
}

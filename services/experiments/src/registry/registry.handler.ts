import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AliasDto,
  CreateRegisteredModelDto,
  LatestVersionsDto,
  ModelNameDto,
  ModelTagDto,
  ModelTagKeyDto,
  ProjectExperimentsDto,
  RegistryContracts as R,
  RenameRegisteredModelDto,
  SearchRegistryDto,
  SetAliasDto,
  UpdateRegisteredModelDto,
  type CallContext,
  type Empty,
  type ModelVersionResult,
  type ModelVersionsResult,
  type Page,
  type RegisteredModelView,
  type RegisteredModelResult,
  type SearchRegisteredModelsResult,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { ModelVersionsService } from './model-versions.service.js';
import { RegisteredModelsService } from './registered-models.service.js';

@Controller()
export class RegistryHandler {
  constructor(
    private readonly models: RegisteredModelsService,
    private readonly versions: ModelVersionsService,
  ) {}

  @MessagePattern(R.createModel.subject)
  async create(
    @Payload() dto: CreateRegisteredModelDto,
    @Call() call: CallContext,
  ): Promise<RegisteredModelResult> {
    return { registered_model: await this.models.create(call, dto) };
  }

  @MessagePattern(R.renameModel.subject)
  async rename(
    @Payload() dto: RenameRegisteredModelDto,
    @Call() call: CallContext,
  ): Promise<RegisteredModelResult> {
    const view = await this.models.update(call, dto.name, { name: dto.new_name });
    return { registered_model: view };
  }

  @MessagePattern(R.updateModel.subject)
  async update(
    @Payload() dto: UpdateRegisteredModelDto,
    @Call() call: CallContext,
  ): Promise<RegisteredModelResult> {
    const view = await this.models.update(call, dto.name, { description: dto.description });
    return { registered_model: view };
  }

  @MessagePattern(R.deleteModel.subject)
  async delete(@Payload() dto: ModelNameDto, @Call() call: CallContext): Promise<Empty> {
    await this.models.delete(call, dto.name);
    return {};
  }

  @MessagePattern(R.getModel.subject)
  async get(
    @Payload() dto: ModelNameDto,
    @Call() call: CallContext,
  ): Promise<RegisteredModelResult> {
    return { registered_model: await this.models.get(call, dto.name) };
  }

  @MessagePattern(R.searchModels.subject)
  search(
    @Payload() dto: SearchRegistryDto,
    @Call() call: CallContext,
  ): Promise<SearchRegisteredModelsResult> {
    return this.models.search(call, dto);
  }

  @MessagePattern(R.projectModels.subject)
  byProject(
    @Payload() dto: ProjectExperimentsDto,
    @Call() call: CallContext,
  ): Promise<Page<RegisteredModelView>> {
    return this.models.byProject(call, dto);
  }

  @MessagePattern(R.latestVersions.subject)
  async latest(
    @Payload() dto: LatestVersionsDto,
    @Call() call: CallContext,
  ): Promise<ModelVersionsResult> {
    return { model_versions: await this.versions.latest(call, dto.name, dto.stages) };
  }

  @MessagePattern(R.setModelTag.subject)
  async setTag(@Payload() dto: ModelTagDto, @Call() call: CallContext): Promise<Empty> {
    await this.models.setTag(call, dto.name, dto.key, dto.value);
    return {};
  }

  @MessagePattern(R.deleteModelTag.subject)
  async deleteTag(@Payload() dto: ModelTagKeyDto, @Call() call: CallContext): Promise<Empty> {
    await this.models.deleteTag(call, dto.name, dto.key);
    return {};
  }

  @MessagePattern(R.setAlias.subject)
  async setAlias(@Payload() dto: SetAliasDto, @Call() call: CallContext): Promise<Empty> {
    await this.models.setAlias(call, dto.name, dto.alias, dto.version);
    return {};
  }

  @MessagePattern(R.deleteAlias.subject)
  async deleteAlias(@Payload() dto: AliasDto, @Call() call: CallContext): Promise<Empty> {
    await this.models.deleteAlias(call, dto.name, dto.alias);
    return {};
  }

  @MessagePattern(R.getByAlias.subject)
  async byAlias(@Payload() dto: AliasDto, @Call() call: CallContext): Promise<ModelVersionResult> {
    return { model_version: await this.versions.byAlias(call, dto.name, dto.alias) };
  }
}

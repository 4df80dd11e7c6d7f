import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type AccessAction,
  type CallContext,
  type CreateModelVersionDto,
  type ModelVersionView,
  type ModelVersionsResult,
  type SearchRegistryDto,
  type TransitionStageDto,
} from '@hydroml/contracts';
import { requirePrincipal } from '@hydroml/nest-kit';
import { ProjectAccessService } from '../access/project-access.service.js';
import { decodePageToken, nextPageToken } from '../tracking/domain/page-token.js';
import { SqlParams } from '../tracking/domain/sql-params.js';
import { canonicalStage, versionNotFound, versionNumber } from './domain/registry-rules.js';
import {
  registryFilterSql,
  registryOrderSql,
  VERSION_SEARCH,
} from './domain/registry-search-sql.js';
import { ModelVersionsRepository } from './persistence/model-versions.repository.js';
import { RegisteredModelsService, validateRegistryTag } from './registered-models.service.js';

interface VersionRef {
  modelId: string;
  versionId: string;
  number: number;
}

/** Model versions: numbered per model, staged, tagged and pointed at by aliases. */
@Injectable()
export class ModelVersionsService {
  constructor(
    private readonly models: RegisteredModelsService,
    private readonly versions: ModelVersionsRepository,
    private readonly access: ProjectAccessService,
  ) {}

  async resolve(
    call: CallContext,
    name: string,
    version: string,
    action: AccessAction,
  ): Promise<VersionRef> {
    const number = versionNumber(version);
    const model = await this.models.resolve(call, name, action);
    const versionId = await this.versions.idOf(model.id, number);
    if (!versionId) throw versionNotFound(name, version);
    return { modelId: model.id, versionId, number };
  }

  async create(call: CallContext, dto: CreateModelVersionDto): Promise<ModelVersionView> {
    const principal = requirePrincipal(call);
    const tags = dto.tags ?? [];
    tags.forEach((tag) => validateRegistryTag(tag.key, tag.value));
    const model = await this.models.resolve(call, dto.name, 'write');
    const number = await this.versions.create({
      modelId: model.id,
      source: dto.source,
      runId: dto.run_id ?? '',
      runLink: dto.run_link ?? '',
      description: dto.description ?? '',
      userId: principal.username,
      tags,
    });
    const id = await this.versions.idOf(model.id, number);
    return this.versions.view(id!);
  }

  async get(call: CallContext, name: string, version: string): Promise<ModelVersionView> {
    return this.versions.view((await this.resolve(call, name, version, 'read')).versionId);
  }

  async byAlias(call: CallContext, name: string, alias: string): Promise<ModelVersionView> {
    return this.get(call, name, await this.models.aliasVersion(call, name, alias));
  }

  async update(
    call: CallContext,
    name: string,
    version: string,
    description: string | undefined,
  ): Promise<ModelVersionView> {
    const ref = await this.resolve(call, name, version, 'write');
    if (description !== undefined) await this.versions.setDescription(ref.versionId, description);
    return this.versions.view(ref.versionId);
  }

  async delete(call: CallContext, name: string, version: string): Promise<void> {
    const ref = await this.resolve(call, name, version, 'write');
    await this.versions.delete(ref.modelId, ref.number);
  }

  async transition(call: CallContext, dto: TransitionStageDto): Promise<ModelVersionView> {
    const stage = canonicalStage(dto.stage);
    const ref = await this.resolve(call, dto.name, dto.version, 'write');
    const archive =
      dto.archive_existing_versions === true && (stage === 'Staging' || stage === 'Production');
    await this.versions.transition(ref.versionId, stage, archive);
    return this.versions.view(ref.versionId);
  }

  async latest(call: CallContext, name: string, stages?: string[]): Promise<ModelVersionView[]> {
    const model = await this.models.resolve(call, name, 'read');
    const wanted = stages && stages.length > 0 ? stages.map(canonicalStage) : null;
    return this.versions.latest(model.id, wanted);
  }

  async setTag(call: CallContext, name: string, version: string, key: string, value: string) {
    validateRegistryTag(key, value);
    const ref = await this.resolve(call, name, version, 'write');
    await this.versions.setTag(ref.versionId, key, value);
  }

  async deleteTag(call: CallContext, name: string, version: string, key: string): Promise<void> {
    const ref = await this.resolve(call, name, version, 'write');
    await this.versions.deleteTag(ref.versionId, key);
  }

  async search(call: CallContext, dto: SearchRegistryDto): Promise<ModelVersionsResult> {
    const limit = dto.max_results ?? 10_000;
    if (limit > 200_000) {
      throw new DomainError('invalid_argument', 'max_results must be at most 200000');
    }
    const offset = decodePageToken(dto.page_token);
    const params = new SqlParams();
    const projects = params.add(await this.access.visibleProjects(call));
    const filter = registryFilterSql(dto.filter, VERSION_SEARCH, params);
    const order = registryOrderSql(dto.order_by, VERSION_SEARCH);
    params.add(limit);
    params.add(offset);
    const where = `m.project_id = ANY(${projects}::uuid[]) AND ${filter}`;
    const versions = await this.versions.search(where, order, params.values);
    return {
      model_versions: versions,
      next_page_token: nextPageToken(offset, versions.length, limit),
    };
  }
}

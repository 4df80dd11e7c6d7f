import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type AccessAction,
  type CallContext,
  type CreateRegisteredModelDto,
  type Page,
  type ProjectExperimentsDto,
  type RegisteredModelView,
  type SearchRegisteredModelsResult,
  type SearchRegistryDto,
} from '@hydroml/contracts';
import { requireScope } from '@hydroml/nest-kit';
import { ProjectAccessService } from '../access/project-access.service.js';
import { checkLength, validateKey } from '../tracking/domain/limits.js';
import { decodePageToken, nextPageToken } from '../tracking/domain/page-token.js';
import { SqlParams } from '../tracking/domain/sql-params.js';
import {
  modelNotFound,
  validateAlias,
  validateModelName,
  versionNumber,
} from './domain/registry-rules.js';
import { MODEL_SEARCH, registryFilterSql, registryOrderSql } from './domain/registry-search-sql.js';
import { ModelVersionsRepository } from './persistence/model-versions.repository.js';
import { ModelsRepository, type ModelRef } from './persistence/models.repository.js';

const TAG_VALUE_LIMIT = 5000;

export function validateRegistryTag(key: string, value: string): void {
  validateKey('tag', key);
  checkLength('Tag value', TAG_VALUE_LIMIT, value);
}

/** Registered models: names resolve among the projects the caller belongs to. */
@Injectable()
export class RegisteredModelsService {
  constructor(
    private readonly models: ModelsRepository,
    private readonly versions: ModelVersionsRepository,
    private readonly access: ProjectAccessService,
  ) {}

  async resolve(call: CallContext, name: string, action: AccessAction): Promise<ModelRef> {
    const model = await this.models.find(name, await this.access.visibleProjects(call));
    if (!model) throw modelNotFound(name);
    if (action !== 'read') {
      await this.access.require(call, model.project_id, action, modelNotFound(name).message);
    }
    return model;
  }

  async create(call: CallContext, dto: CreateRegisteredModelDto): Promise<RegisteredModelView> {
    const principal = requireScope(call, 'write');
    validateModelName(dto.name);
    const tags = dto.tags ?? [];
    tags.forEach((tag) => validateRegistryTag(tag.key, tag.value));
    const projectId = dto.project_id ?? (await this.access.defaultProject(call));
    await this.access.require(call, projectId, 'write', `Project ${projectId} not found`);
    const id = await this.models.create(
      projectId,
      dto.name,
      dto.description ?? '',
      principal.username,
      tags,
    );
    return this.models.view(id);
  }

  async get(call: CallContext, name: string): Promise<RegisteredModelView> {
    return this.models.view((await this.resolve(call, name, 'read')).id);
  }

  async update(
    call: CallContext,
    name: string,
    patch: { name?: string; description?: string },
  ): Promise<RegisteredModelView> {
    if (patch.name !== undefined) validateModelName(patch.name);
    const model = await this.resolve(call, name, 'write');
    await this.models.update(model.id, patch);
    return this.models.view(model.id);
  }

  async delete(call: CallContext, name: string): Promise<void> {
    await this.models.delete((await this.resolve(call, name, 'write')).id);
  }

  async search(call: CallContext, dto: SearchRegistryDto): Promise<SearchRegisteredModelsResult> {
    const limit = dto.max_results ?? 100;
    if (limit > 1000) {
      throw new DomainError('invalid_argument', 'max_results must be at most 1000');
    }
    const offset = decodePageToken(dto.page_token);
    const params = new SqlParams();
    const projects = params.add(await this.access.visibleProjects(call));
    const filter = registryFilterSql(dto.filter, MODEL_SEARCH, params);
    const order = registryOrderSql(dto.order_by, MODEL_SEARCH);
    params.add(limit);
    params.add(offset);
    const where = `m.project_id = ANY(${projects}::uuid[]) AND ${filter}`;
    const models = await this.models.search(where, order, params.values);
    return {
      registered_models: models,
      next_page_token: nextPageToken(offset, models.length, limit),
    };
  }

  async byProject(
    call: CallContext,
    dto: ProjectExperimentsDto,
  ): Promise<Page<RegisteredModelView>> {
    await this.access.require(call, dto.project_id, 'read', `Project ${dto.project_id} not found`);
    const page = dto.page ?? 1;
    const pageSize = dto.page_size ?? 50;
    const [items, total] = await Promise.all([
      this.models.search(
        'm.project_id = $1',
        ['m.name ASC', 'm.id ASC'],
        [dto.project_id, pageSize, (page - 1) * pageSize],
      ),
      this.models.countInProject(dto.project_id),
    ]);
    return { items, total, page, pageSize };
  }

  async setTag(call: CallContext, name: string, key: string, value: string): Promise<void> {
    validateRegistryTag(key, value);
    await this.models.setTag((await this.resolve(call, name, 'write')).id, key, value);
  }

  async deleteTag(call: CallContext, name: string, key: string): Promise<void> {
    await this.models.deleteTag((await this.resolve(call, name, 'write')).id, key);
  }

  async setAlias(call: CallContext, name: string, alias: string, version: string): Promise<void> {
    validateAlias(alias);
    const number = versionNumber(version);
    const model = await this.resolve(call, name, 'write');
    if (!(await this.versions.idOf(model.id, number))) {
      throw new DomainError(
        'not_found',
        `Model Version (name=${name}, version=${version}) not found`,
      );
    }
    await this.models.setAlias(model.id, alias, number);
  }

  async deleteAlias(call: CallContext, name: string, alias: string): Promise<void> {
    await this.models.deleteAlias((await this.resolve(call, name, 'write')).id, alias);
  }

  /** The version number an alias points at. */
  async aliasVersion(call: CallContext, name: string, alias: string): Promise<string> {
    const model = await this.resolve(call, name, 'read');
    const version = await this.models.aliasVersion(model.id, alias);
    if (version === undefined) {
      throw new DomainError('not_found', `Registered model alias ${alias} not found.`);
    }
    return String(version);
  }
}

import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type AccessAction,
  type CallContext,
  type CreateExperimentDto,
  type ExperimentView,
  type Page,
  type ProjectExperimentsDto,
  type SearchExperimentsDto,
  type SearchExperimentsResult,
  type ViewType,
} from '@hydroml/contracts';
import { requireScope } from '@hydroml/nest-kit';
import { ProjectAccessService } from '../access/project-access.service.js';
import {
  experimentFilterSql,
  experimentOrderSql,
} from '../tracking/domain/experiment-search-sql.js';
import { parseFilter } from '../tracking/domain/filter-parser.js';
import { experimentNumOf } from '../tracking/domain/ids.js';
import { checkLength, LIMITS, validateKey } from '../tracking/domain/limits.js';
import { decodePageToken, nextPageToken } from '../tracking/domain/page-token.js';
import { SqlParams } from '../tracking/domain/sql-params.js';
import { toExperimentView, type ExperimentRow } from './persistence/experiment.row.js';
import { ExperimentsRepository } from './persistence/experiments.repository.js';

export const MAX_SEARCH_RESULTS = 50_000;
const DEFAULT_EXPERIMENT_ID = '0';
const DEFAULT_EXPERIMENT_NAME = 'Default';

export function lifecycleStages(view: ViewType | undefined): string[] {
  if (view === 'DELETED_ONLY') return ['deleted'];
  if (view === 'ALL') return ['active', 'deleted'];
  return ['active'];
}

export function checkMaxResults(value: number | undefined, fallback: number): number {
  const max = value ?? fallback;
  if (max > MAX_SEARCH_RESULTS) {
    throw new DomainError(
      'invalid_argument',
      `Invalid value ${max} for parameter 'max_results' supplied. It must be at most ${MAX_SEARCH_RESULTS}`,
    );
  }
  return max;
}

function validateName(name: string): void {
  if (name.trim() === '') throw new DomainError('invalid_argument', 'Invalid experiment name: ""');
  checkLength('Experiment name', LIMITS.experimentNameLength, name);
}

/** MLflow's experiment operations, each experiment inside a HydroML project. */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly repo: ExperimentsRepository,
    private readonly access: ProjectAccessService,
  ) {}

  async create(call: CallContext, dto: CreateExperimentDto): Promise<string> {
    requireScope(call, 'write');
    validateName(dto.name);
    const tags = dto.tags ?? [];
    for (const tag of tags) {
      validateKey('tag', tag.key);
      checkLength('Tag value', LIMITS.experimentTagValueLength, tag.value);
    }
    const projectId = dto.project_id ?? (await this.access.defaultProject(call));
    await this.access.require(call, projectId, 'write', `Project ${projectId} not found`);
    return this.repo.create({
      projectId,
      name: dto.name,
      artifactLocation: dto.artifact_location,
      tags,
    });
  }

  /** The experiment, if the caller may `action` on its project; otherwise it does not exist. */
  async load(call: CallContext, id: string, action: AccessAction): Promise<ExperimentRow> {
    if (id === DEFAULT_EXPERIMENT_ID) return this.defaultExperiment(call, action);
    const message = `No Experiment with id=${id} exists`;
    const row = await this.repo.byNum(experimentNumOf(id));
    if (!row) throw new DomainError('not_found', message);
    await this.access.require(call, row.project_id, action, message);
    return row;
  }

  /**
   * MLflow clients that set no experiment use "0": here that is the "Default" experiment of the
   * caller's default project, created on first use.
   */
  private async defaultExperiment(call: CallContext, action: AccessAction): Promise<ExperimentRow> {
    const projectId = await this.access.defaultProject(call);
    await this.access.require(call, projectId, action, 'No Experiment with id=0 exists');
    const found = await this.repo.inProject(projectId, DEFAULT_EXPERIMENT_NAME);
    if (found) return found;
    await this.repo
      .create({ projectId, name: DEFAULT_EXPERIMENT_NAME, tags: [] })
      .catch((error: unknown) => {
        // a concurrent first use created it: fine
        if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
      });
    const created = await this.repo.inProject(projectId, DEFAULT_EXPERIMENT_NAME);
    if (!created) throw new DomainError('internal', 'the default experiment could not be created');
    return created;
  }

  async get(call: CallContext, id: string): Promise<ExperimentView> {
    return toExperimentView(await this.load(call, id, 'read'));
  }

  async getByName(call: CallContext, name: string): Promise<ExperimentView> {
    for (const row of await this.repo.byName(name)) {
      const visible = await this.access
        .require(call, row.project_id, 'read', '')
        .then(() => true)
        .catch((error: unknown) => {
          if (error instanceof DomainError && error.code === 'not_found') return false;
          throw error;
        });
      if (visible) return toExperimentView(row);
    }
    throw new DomainError('not_found', `Could not find experiment with name '${name}'`);
  }

  async search(call: CallContext, dto: SearchExperimentsDto): Promise<SearchExperimentsResult> {
    const limit = checkMaxResults(dto.max_results, 1000);
    const offset = decodePageToken(dto.page_token);
    const params = new SqlParams();
    const projects = params.add(await this.access.visibleProjects(call));
    const stages = params.add(lifecycleStages(dto.view_type));
    const filter = experimentFilterSql(parseFilter(dto.filter), params);
    const order = experimentOrderSql(dto.order_by);
    params.add(limit);
    params.add(offset);
    const where = `e.project_id = ANY(${projects}::uuid[]) AND e.lifecycle_stage = ANY(${stages}::text[]) AND ${filter}`;
    const rows = await this.repo.search(where, order, params.values);
    return {
      experiments: rows.map(toExperimentView),
      next_page_token: nextPageToken(offset, rows.length, limit),
    };
  }

  async byProject(call: CallContext, dto: ProjectExperimentsDto): Promise<Page<ExperimentView>> {
    await this.access.require(call, dto.project_id, 'read', `Project ${dto.project_id} not found`);
    const page = dto.page ?? 1;
    const pageSize = dto.page_size ?? 50;
    const { rows, total } = await this.repo.byProject(
      dto.project_id,
      pageSize,
      (page - 1) * pageSize,
    );
    return { items: rows.map(toExperimentView), total, page, pageSize };
  }

  async rename(call: CallContext, id: string, name: string): Promise<void> {
    validateName(name);
    const row = await this.load(call, id, 'write');
    if (row.lifecycle_stage !== 'active') {
      throw new DomainError('invalid_argument', 'Cannot rename a non-active experiment.');
    }
    await this.repo.rename(row.id, name);
  }

  async setLifecycle(call: CallContext, id: string, stage: 'active' | 'deleted'): Promise<void> {
    const row = await this.load(call, id, 'write');
    await this.repo.setLifecycle(row.id, stage);
  }

  async setTag(call: CallContext, id: string, key: string, value: string): Promise<void> {
    validateKey('tag', key);
    checkLength('Tag value', LIMITS.experimentTagValueLength, value);
    const row = await this.load(call, id, 'write');
    await this.repo.setTag(row.id, key, value);
  }

  async deleteTag(call: CallContext, id: string, key: string): Promise<void> {
    const row = await this.load(call, id, 'write');
    if (!(await this.repo.deleteTag(row.id, key))) {
      throw new DomainError('not_found', `No tag with name: ${key} in experiment with id ${id}`);
    }
  }
}

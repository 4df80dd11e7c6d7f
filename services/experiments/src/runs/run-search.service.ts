import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type NativeSearchRunsDto,
  type SearchRunsResult,
} from '@hydroml/contracts';
import { ProjectAccessService } from '../access/project-access.service.js';
import {
  checkMaxResults,
  ExperimentsService,
  lifecycleStages,
} from '../experiments/experiments.service.js';
import { ExperimentsRepository } from '../experiments/persistence/experiments.repository.js';
import { toRunView } from './persistence/run.row.js';
import { RunSearchRepository } from './persistence/run-search.repository.js';

/** MLflow's SearchRuns, and the native variant (OR, parentheses, total, projections). */
@Injectable()
export class RunSearchService {
  constructor(
    private readonly experiments: ExperimentsRepository,
    private readonly search: RunSearchRepository,
    private readonly access: ProjectAccessService,
    private readonly service: ExperimentsService,
  ) {}

  /** Experiment numbers to ids; one the caller cannot see is not found. */
  private async experimentIds(call: CallContext, requested: string[]): Promise<string[]> {
    const ids: string[] = [];
    if (requested.includes('0')) ids.push((await this.service.load(call, '0', 'read')).id);
    const nums = requested.filter((num) => num !== '0');
    for (const num of nums) {
      if (!/^\d{1,18}$/.test(num)) {
        throw new DomainError('not_found', `No Experiment with id=${num} exists`);
      }
    }
    const rows = await this.experiments.byNums(nums);
    for (const num of nums) {
      if (!rows.some((row) => String(row.num) === num)) {
        throw new DomainError('not_found', `No Experiment with id=${num} exists`);
      }
    }
    const projects = [...new Set(rows.map((row) => row.project_id))];
    for (const projectId of projects) {
      const num = rows.find((row) => row.project_id === projectId)!.num;
      await this.access.require(call, projectId, 'read', `No Experiment with id=${num} exists`);
    }
    return [...ids, ...rows.map((row) => row.id)];
  }

  async run(
    call: CallContext,
    dto: NativeSearchRunsDto,
    extended: boolean,
  ): Promise<SearchRunsResult> {
    const limit = checkMaxResults(dto.max_results, 1000);
    const experimentIds = await this.experimentIds(call, dto.experiment_ids ?? []);
    const page = await this.search.search({
      experimentIds,
      stages: lifecycleStages(dto.run_view_type),
      filter: dto.filter,
      extended,
      orderBy: dto.order_by,
      limit,
      pageToken: dto.page_token,
      withTotal: extended && dto.with_total === true,
      columns: extended ? dto.columns : undefined,
    });
    const result: SearchRunsResult = {
      runs: page.rows.map(toRunView),
      next_page_token: page.nextPageToken,
    };
    if (page.total !== undefined) result.total = page.total;
    return result;
  }
}

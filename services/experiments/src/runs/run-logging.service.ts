import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type DeleteRunTagDto,
  type LogBatchDto,
  type LogInputsDto,
  type MetricHistoryBulkDto,
  type MetricHistoryBulkResult,
  type MetricHistoryDto,
  type MetricWithRunIdView,
  type MetricHistoryResult,
} from '@hydroml/contracts';
import { uuidToHex } from '../tracking/domain/ids.js';
import { toMetricRows, validateBatch } from '../tracking/domain/limits.js';
import { decodePageToken, nextPageToken } from '../tracking/domain/page-token.js';
import { sampleSteps } from '../tracking/domain/step-sampling.js';
import { RunDataRepository } from './persistence/run-data.repository.js';
import { RunInputsRepository } from './persistence/run-inputs.repository.js';
import { RunsService } from './runs.service.js';

const MAX_HISTORY_RESULTS = 25_000;
const DEFAULT_BULK_RESULTS = 320;
const MAX_BULK_RESULTS = 2500;

/** Params (write once), metrics (append only), tags (last write wins) and metric history. */
@Injectable()
export class RunLoggingService {
  constructor(
    private readonly runs: RunsService,
    private readonly data: RunDataRepository,
    private readonly inputs: RunInputsRepository,
  ) {}

  async logBatch(call: CallContext, dto: LogBatchDto): Promise<void> {
    validateBatch(dto);
    const row = await this.runs.load(call, dto, 'write');
    const conflicts = await this.data.logBatch(
      row.id,
      toMetricRows(dto.metrics ?? []),
      dto.params ?? [],
      dto.tags ?? [],
    );
    if (conflicts.length > 0) {
      const c = conflicts[0];
      throw new DomainError(
        'invalid_argument',
        `Changing param values is not allowed. Param with key='${c.key}' was already logged with value='${c.old}' for run ID='${uuidToHex(row.id)}'. Attempted logging new value '${c.new}'.`,
      );
    }
  }

  async logInputs(call: CallContext, dto: LogInputsDto): Promise<void> {
    const row = await this.runs.load(call, dto, 'write');
    if (dto.datasets && dto.datasets.length > 0) await this.inputs.log(row.id, dto.datasets);
  }

  async deleteTag(call: CallContext, dto: DeleteRunTagDto): Promise<void> {
    const row = await this.runs.load(call, dto, 'write');
    if (!(await this.data.deleteTag(row.id, dto.key))) {
      throw new DomainError(
        'not_found',
        `No tag with name: ${dto.key} in run with id ${uuidToHex(row.id)}`,
      );
    }
  }

  /** MLflow's bulk interval: each run's history sampled to at most `max_results` steps. */
  async historyBulk(
    call: CallContext,
    dto: MetricHistoryBulkDto,
  ): Promise<MetricHistoryBulkResult> {
    const max = Math.min(dto.max_results ?? DEFAULT_BULK_RESULTS, MAX_BULK_RESULTS);
    const rows = await Promise.all(
      dto.run_ids.map((run_id) => this.runs.load(call, { run_id }, 'read')),
    );
    const metrics = await this.data.historyRange(
      rows.map((row) => row.id),
      dto.metric_key,
      dto.start_step ?? null,
      dto.end_step ?? null,
    );
    const result: MetricWithRunIdView[] = [];
    for (const row of rows) {
      const own = metrics.filter((m) => m.run === row.id);
      const keep = sampleSteps(
        own.map((m) => m.step),
        max,
      );
      const run_id = uuidToHex(row.id);
      for (const { key, value, timestamp, step } of own) {
        if (keep.has(step)) result.push({ key, value, timestamp, step, run_id });
      }
    }
    return { metrics: result };
  }

  async history(call: CallContext, dto: MetricHistoryDto): Promise<MetricHistoryResult> {
    const row = await this.runs.load(call, dto, 'read');
    const limit = Math.min(dto.max_results ?? MAX_HISTORY_RESULTS, MAX_HISTORY_RESULTS);
    const offset = decodePageToken(dto.page_token);
    const metrics = await this.data.history(row.id, dto.metric_key, limit, offset);
    return { metrics, next_page_token: nextPageToken(offset, metrics.length, limit) };
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CompareRunsDto,
  CreateRunDto,
  DeleteRunTagDto,
  ExperimentsContracts as C,
  LogBatchDto,
  LogInputsDto,
  LogMetricDto,
  LogParamDto,
  MetricHistoryBulkDto,
  MetricHistoryDto,
  NativeTrackingContracts,
  NativeSearchRunsDto,
  RunRefDto,
  SearchRunsDto,
  SetRunTagDto,
  UpdateRunDto,
  type CallContext,
  type Empty,
  type MetricHistoryBulkResult,
  type MetricHistoryResult,
  type RunResult,
  type RunView,
  type SearchRunsResult,
  type UpdateRunResult,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { RunLoggingService } from './run-logging.service.js';
import { RunSearchService } from './run-search.service.js';
import { RunsService } from './runs.service.js';

@Controller()
export class RunsHandler {
  constructor(
    private readonly runs: RunsService,
    private readonly logging: RunLoggingService,
    private readonly searches: RunSearchService,
  ) {}

  @MessagePattern(C.createRun.subject)
  async create(@Payload() dto: CreateRunDto, @Call() call: CallContext): Promise<RunResult> {
    return { run: await this.runs.create(call, dto) };
  }

  @MessagePattern(C.getRun.subject)
  async get(@Payload() dto: RunRefDto, @Call() call: CallContext): Promise<RunResult> {
    return { run: await this.runs.get(call, dto) };
  }

  @MessagePattern(NativeTrackingContracts.compareRuns.subject)
  async compare(
    @Payload() dto: CompareRunsDto,
    @Call() call: CallContext,
  ): Promise<{ runs: RunView[] }> {
    return {
      runs: await Promise.all(dto.run_ids.map((run_id) => this.runs.get(call, { run_id }))),
    };
  }

  @MessagePattern(C.updateRun.subject)
  async update(@Payload() dto: UpdateRunDto, @Call() call: CallContext): Promise<UpdateRunResult> {
    return { run_info: await this.runs.update(call, dto) };
  }

  @MessagePattern(C.deleteRun.subject)
  async delete(@Payload() dto: RunRefDto, @Call() call: CallContext): Promise<Empty> {
    await this.runs.setLifecycle(call, dto, 'deleted');
    return {};
  }

  @MessagePattern(C.restoreRun.subject)
  async restore(@Payload() dto: RunRefDto, @Call() call: CallContext): Promise<Empty> {
    await this.runs.setLifecycle(call, dto, 'active');
    return {};
  }

  @MessagePattern(C.searchRuns.subject)
  search(@Payload() dto: SearchRunsDto, @Call() call: CallContext): Promise<SearchRunsResult> {
    return this.searches.run(call, dto, false);
  }

  @MessagePattern(C.searchRunsNative.subject)
  searchNative(
    @Payload() dto: NativeSearchRunsDto,
    @Call() call: CallContext,
  ): Promise<SearchRunsResult> {
    return this.searches.run(call, dto, true);
  }

  @MessagePattern(C.logMetric.subject)
  async logMetric(@Payload() dto: LogMetricDto, @Call() call: CallContext): Promise<Empty> {
    const { key, value, timestamp, step } = dto;
    await this.logging.logBatch(call, { ...dto, metrics: [{ key, value, timestamp, step }] });
    return {};
  }

  @MessagePattern(C.logParam.subject)
  async logParam(@Payload() dto: LogParamDto, @Call() call: CallContext): Promise<Empty> {
    await this.logging.logBatch(call, { ...dto, params: [{ key: dto.key, value: dto.value }] });
    return {};
  }

  @MessagePattern(C.logBatch.subject)
  async logBatch(@Payload() dto: LogBatchDto, @Call() call: CallContext): Promise<Empty> {
    await this.logging.logBatch(call, dto);
    return {};
  }

  @MessagePattern(C.logInputs.subject)
  async logInputs(@Payload() dto: LogInputsDto, @Call() call: CallContext): Promise<Empty> {
    await this.logging.logInputs(call, dto);
    return {};
  }

  @MessagePattern(C.setRunTag.subject)
  async setTag(@Payload() dto: SetRunTagDto, @Call() call: CallContext): Promise<Empty> {
    await this.logging.logBatch(call, { ...dto, tags: [{ key: dto.key, value: dto.value }] });
    return {};
  }

  @MessagePattern(C.deleteRunTag.subject)
  async deleteTag(@Payload() dto: DeleteRunTagDto, @Call() call: CallContext): Promise<Empty> {
    await this.logging.deleteTag(call, dto);
    return {};
  }

  @MessagePattern(C.metricHistoryBulk.subject)
  historyBulk(
    @Payload() dto: MetricHistoryBulkDto,
    @Call() call: CallContext,
  ): Promise<MetricHistoryBulkResult> {
    return this.logging.historyBulk(call, dto);
  }

  @MessagePattern(C.metricHistory.subject)
  history(
    @Payload() dto: MetricHistoryDto,
    @Call() call: CallContext,
  ): Promise<MetricHistoryResult> {
    return this.logging.history(call, dto);
  }
}

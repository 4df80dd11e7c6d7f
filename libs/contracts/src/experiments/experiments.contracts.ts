import { contract, type Page } from '../contract.js';
import { CompareRunsDto, ProjectExperimentsDto } from './native.dto.js';
import { LogInputsDto } from './inputs.dto.js';
import { MetricHistoryBulkDto, type MetricHistoryBulkResult } from './history-bulk.dto.js';
import {
  CreateExperimentDto,
  DeleteExperimentTagDto,
  ExperimentByNameDto,
  ExperimentIdDto,
  SearchExperimentsDto,
  SetExperimentTagDto,
  UpdateExperimentDto,
} from './experiments.dto.js';
import {
  CreateRunDto,
  DeleteRunTagDto,
  LogBatchDto,
  LogMetricDto,
  LogParamDto,
  MetricHistoryDto,
  NativeSearchRunsDto,
  RunRefDto,
  SearchRunsDto,
  SetRunTagDto,
  UpdateRunDto,
} from './runs.dto.js';
import type {
  CreateExperimentResult,
  Empty,
  ExperimentResult,
  ExperimentView,
  MetricHistoryResult,
  RunResult,
  RunView,
  SearchExperimentsResult,
  SearchRunsResult,
  UpdateRunResult,
} from './tracking.views.js';

/** The tracking subjects: one per MLflow operation, payloads in MLflow's field names. */
export const ExperimentsContracts = {
  createExperiment: contract<CreateExperimentDto, CreateExperimentResult>(
    'experiments.experiments.create',
    CreateExperimentDto,
  ),
  getExperiment: contract<ExperimentIdDto, ExperimentResult>(
    'experiments.experiments.get',
    ExperimentIdDto,
  ),
  getExperimentByName: contract<ExperimentByNameDto, ExperimentResult>(
    'experiments.experiments.get-by-name',
    ExperimentByNameDto,
  ),
  searchExperiments: contract<SearchExperimentsDto, SearchExperimentsResult>(
    'experiments.experiments.search',
    SearchExperimentsDto,
  ),
  updateExperiment: contract<UpdateExperimentDto, Empty>(
    'experiments.experiments.update',
    UpdateExperimentDto,
  ),
  deleteExperiment: contract<ExperimentIdDto, Empty>(
    'experiments.experiments.delete',
    ExperimentIdDto,
  ),
  restoreExperiment: contract<ExperimentIdDto, Empty>(
    'experiments.experiments.restore',
    ExperimentIdDto,
  ),
  setExperimentTag: contract<SetExperimentTagDto, Empty>(
    'experiments.experiment-tags.set',
    SetExperimentTagDto,
  ),
  deleteExperimentTag: contract<DeleteExperimentTagDto, Empty>(
    'experiments.experiment-tags.delete',
    DeleteExperimentTagDto,
  ),
  createRun: contract<CreateRunDto, RunResult>('experiments.runs.create', CreateRunDto),
  getRun: contract<RunRefDto, RunResult>('experiments.runs.get', RunRefDto),
  updateRun: contract<UpdateRunDto, UpdateRunResult>('experiments.runs.update', UpdateRunDto),
  deleteRun: contract<RunRefDto, Empty>('experiments.runs.delete', RunRefDto),
  restoreRun: contract<RunRefDto, Empty>('experiments.runs.restore', RunRefDto),
  searchRuns: contract<SearchRunsDto, SearchRunsResult>('experiments.runs.search', SearchRunsDto),
  searchRunsNative: contract<NativeSearchRunsDto, SearchRunsResult>(
    'experiments.runs.search-native',
    NativeSearchRunsDto,
  ),
  logMetric: contract<LogMetricDto, Empty>('experiments.runs.log-metric', LogMetricDto),
  logParam: contract<LogParamDto, Empty>('experiments.runs.log-param', LogParamDto),
  logBatch: contract<LogBatchDto, Empty>('experiments.runs.log-batch', LogBatchDto),
  logInputs: contract<LogInputsDto, Empty>('experiments.runs.log-inputs', LogInputsDto),
  setRunTag: contract<SetRunTagDto, Empty>('experiments.runs.set-tag', SetRunTagDto),
  deleteRunTag: contract<DeleteRunTagDto, Empty>('experiments.runs.delete-tag', DeleteRunTagDto),
  metricHistory: contract<MetricHistoryDto, MetricHistoryResult>(
    'experiments.metrics.history',
    MetricHistoryDto,
  ),
  metricHistoryBulk: contract<MetricHistoryBulkDto, MetricHistoryBulkResult>(
    'experiments.metrics.history-bulk-interval',
    MetricHistoryBulkDto,
  ),
} as const;

/** HydroML's native tracking views (for the web UI), beside the MLflow surface. */
export const NativeTrackingContracts = {
  projectExperiments: contract<ProjectExperimentsDto, Page<ExperimentView>>(
    'experiments.experiments.by-project',
    ProjectExperimentsDto,
  ),
  compareRuns: contract<CompareRunsDto, { runs: RunView[] }>(
    'experiments.runs.compare',
    CompareRunsDto,
  ),
} as const;

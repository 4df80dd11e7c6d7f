import {
  intermediateValues,
  optimizationHistory,
  parallelCoordinates,
  parameterImportance,
  sliceData,
  trialValue,
  type FrozenTrial,
} from '@hydroml/hpo';
import type { StudyView, TrialView } from '@hydroml/contracts';
import { uuidToHex } from '../tracking/domain/ids.js';
import { bestModelOf } from './best-model.js';
import type { StudyRow } from './persistence/studies.repository.js';

export function toTrialView(t: FrozenTrial): TrialView {
  const attr = (key: string) => {
    const v = t.systemAttrs[key];
    return typeof v === 'string' ? v : null;
  };
  return {
    number: t.number,
    state: t.state,
    value: trialValue(t),
    params: { ...t.params },
    intermediate: [...t.intermediateValues.entries()].sort((a, b) => a[0] - b[0]),
    runId: attr('run_id'),
    // a reason written just before the trial's own tell completed it is not its story
    failReason: t.state === 'FAIL' ? attr('fail_reason') : null,
    worker: attr('worker'),
    jobId: attr('job_id'),
    external: t.systemAttrs.external === true,
    start: t.datetimeStart?.toISOString() ?? null,
    complete: t.datetimeComplete?.toISOString() ?? null,
  };
}

/** The best COMPLETE trial for the study's direction, or null. */
export function bestTrial(row: StudyRow, trials: readonly FrozenTrial[]): FrozenTrial | null {
  const sign = row.spec.direction === 'maximize' ? -1 : 1;
  let best: FrozenTrial | null = null;
  for (const t of trials) {
    const v = trialValue(t);
    if (t.state !== 'COMPLETE' || v === null) continue;
    if (!best || sign * v < sign * trialValue(best)!) best = t;
  }
  return best;
}

export function toStudyView(row: StudyRow, trials: readonly FrozenTrial[]): StudyView {
  const request = row.spec.request;
  const best = bestTrial(row, trials);
  const complete = trials.filter((t) => t.state === 'COMPLETE').length;
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    status: row.status,
    metric: row.spec.metric,
    direction: row.spec.direction,
    sampler: request.sampler?.type ?? 'tpe',
    pruner: request.pruner?.type ?? 'none',
    budget: { trials: row.n_trials, timeoutSeconds: request.budget.timeoutSeconds ?? null },
    parallelism: row.parallelism,
    parentRunId: row.parent_run_id ? uuidToHex(row.parent_run_id) : null,
    experimentId: row.experiment_num === null ? null : String(row.experiment_num),
    trials: trials.map(toTrialView),
    best: best ? toTrialView(best) : null,
    importance: complete >= 2 ? parameterImportance(trials) : {},
    plots: {
      history: optimizationHistory(trials, row.spec.direction),
      parallel: parallelCoordinates(trials),
      slice: sliceData(trials),
      intermediate: intermediateValues(trials),
    },
    registered: row.result?.registered ?? null,
    bestModel: bestModelOf(row, best),
    error: row.result?.error ?? null,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

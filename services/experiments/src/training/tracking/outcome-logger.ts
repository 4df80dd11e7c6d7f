import { Injectable } from '@nestjs/common';
import type { ColumnSchema, KeyValue, TrainingSpecDto } from '@hydroml/contracts';
import type { Step } from '@hydroml/recipes';
import type { ResolvedSpec } from '../data/training-data.js';
import type { Metrics, TrainInput, TrainOutput } from '../domain/train-types.js';
import type { PreparedTraining } from '../training-executor.js';
import { RunRecorder, type RunHandle } from './run-recorder.js';

const MODEL_PATH = 'model/model.json';

/**
 * A run's `model/recipe.json`: the fitted steps and the columns they start from (absent in runs
 * logged before it was stored: JSON rows are then read with types guessed from their values).
 */
export interface StoredRecipe {
  steps: Step[];
  inputSchema?: ColumnSchema[];
}

function metricList(prefix: string, metrics: Metrics, step = 0) {
  return Object.entries(metrics).map(([key, value]) => ({ key: `${prefix}${key}`, value, step }));
}

function param(key: string, value: unknown): KeyValue {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { key, value: text.length > 6000 ? `${text.slice(0, 5990)}...` : text };
}

function predictionsCsv(input: TrainInput, output: TrainOutput): string {
  const { row, actual, predicted } = output.testPredictions;
  const label = (v: number) => (input.classes ? (input.classes[v] ?? '') : String(v));
  const lines = ['row,actual,predicted'];
  for (let i = 0; i < row.length; i++) {
    lines.push(
      `${row[i]},${JSON.stringify(label(actual[i]))},${JSON.stringify(label(predicted[i]))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Writes a training's params, metrics, model file, recipe, predictions and explanations. */
@Injectable()
export class OutcomeLogger {
  constructor(private readonly recorder: RunRecorder) {}

  async params(run: RunHandle, spec: TrainingSpecDto, resolved: ResolvedSpec): Promise<void> {
    const s = resolved.settings;
    const params = [
      ...Object.entries(s.model.params).map(([k, v]) => param(k, v)),
      param('model_type', s.model.type),
      param('task', s.task),
      param('target', resolved.target),
      param('features', resolved.features),
      param('split_mode', s.split.mode),
      param('test_fraction', s.split.testFraction),
      param('split_seed', s.split.seed),
      param('validation', s.validation.mode),
      param('folds', s.validation.mode === 'holdout' ? 1 : s.validation.folds),
      param('data_version', spec.version),
    ];
    await this.recorder.log(run, { params });
  }

  /** The model file (a training stores it as soon as it arrives, while explanations run). */
  model(run: RunHandle, model: Uint8Array): Promise<void> {
    return this.recorder.artifact(run, MODEL_PATH, model);
  }

  /**
   * Metrics and artifacts are independent writes: they go out together, not one after another.
   * With `modelStored` the model file is left out (`model` stored it already).
   */
  async outcome(
    run: RunHandle,
    prepared: Pick<PreparedTraining, 'input' | 'recipe' | 'inputSchema'>,
    output: TrainOutput,
    modelStored = false,
  ): Promise<void> {
    const { input, recipe, inputSchema } = prepared;
    const foldMetrics = output.folds.flatMap((f, k) => metricList('fold_', f, k));
    const metrics = this.recorder.log(run, {
      metrics: [
        ...metricList('', output.test),
        ...metricList('cv_mean_', output.mean),
        ...metricList('cv_std_', output.std),
        ...foldMetrics,
        { key: 'fit_seconds', value: output.fitSeconds, step: 0 },
        { key: 'train_rows', value: output.trainRows, step: 0 },
        { key: 'test_rows', value: output.testRows, step: 0 },
      ],
    });
    const json = (value: unknown) => JSON.stringify(value);
    const artifacts: Array<[string, string | Uint8Array]> = [
      ...(modelStored ? [] : [[MODEL_PATH, output.model] as [string, Uint8Array]]),
      ['model/recipe.json', json({ steps: recipe, inputSchema } satisfies StoredRecipe)],
      ['predictions/test.csv', predictionsCsv(input, output)],
      ['explain/importance.json', json(output.importance)],
      ['charts/charts.json', json(output.charts)],
      [
        'metrics/folds.json',
        json({ folds: output.folds, mean: output.mean, std: output.std, test: output.test }),
      ],
    ];
    await Promise.all([
      metrics,
      ...artifacts.map(([path, content]) => this.recorder.artifact(run, path, content)),
    ]);
  }
}

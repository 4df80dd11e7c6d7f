import { loadModel } from '@hydroml/ml';
import { encodeKnown, encodeNew, inferTask, trainingColumn } from '../data/columns.js';
import { evaluate } from './evaluate.js';
import type { TreesEvent } from './train-types.js';
import { meanStd, scoreAll } from './metric-set.js';
import { checkModelParams } from './model-params.js';
import type { TrainInput, TrainOutput, TrainSettings } from './train-types.js';

function run(input: TrainInput): { output: TrainOutput; events: string[] } {
  const steps = evaluate(input);
  const events: string[] = [];
  let next = steps.next();
  while (!next.done) {
    const e = next.value;
    events.push(
      e.type === 'fold' ? `fold ${e.fold}/${e.folds}` : e.type === 'phase' ? e.phase : 'trees',
    );
    next = steps.next();
  }
  return { output: next.value, events };
}

function settings(over: Partial<TrainSettings>): TrainSettings {
  return {
    task: 'regression',
    model: { type: 'decision_tree', params: { maxDepth: 4 } },
    split: { mode: 'time', testFraction: 0.25, seed: 1 },
    validation: { mode: 'holdout', folds: 3 },
    metrics: [],
    threads: 1,
    skipExplanations: false,
    ...over,
  };
}

const n = 200;
const x = Array.from({ length: n }, (_, i) => i / 10);
const kind = Array.from({ length: n }, (_, i) => (i % 2 ? 'wet' : 'dry'));

describe('evaluate (a training as events)', () => {
  it('fits, scores hydrology metrics, explains and saves a loadable model', () => {
    const input: TrainInput = {
      features: [trainingColumn('x', false, x), trainingColumn('kind', true, kind)],
      target: Float64Array.from(x, (v, i) => 2 * v + (kind[i] === 'wet' ? 3 : 0)),
      targetName: 'flow',
      timeLabels: x.map(String),
      settings: settings({}),
    };
    const { output, events } = run(input);
    expect(events).toEqual(['final fit', 'fold 1/1', 'explanations']);
    expect(Object.keys(output.test)).toEqual(expect.arrayContaining(['r2', 'nse', 'kge', 'pbias']));
    expect(output.testRows).toBe(50);
    expect(output.charts.hydrograph).toHaveLength(50);
    expect(output.importance.impurity).toHaveProperty('kind');
    expect(output.importance.shap?.meanAbs).toHaveProperty('x');
    expect(loadModel(new TextDecoder().decode(output.model)).model.predict([[1, 0]])).toHaveLength(
      1,
    );
  });

  it('hands the model file over before the explanations, as the output carries it', () => {
    const input: TrainInput = {
      features: [trainingColumn('x', false, x)],
      target: Float64Array.from(x, (v) => 3 * v),
      targetName: 'flow',
      settings: settings({}),
    };
    const seen: string[] = [];
    let handed: Uint8Array | null = null;
    const steps = evaluate(input, undefined, (model) => {
      handed = model;
      seen.push('model');
    });
    let next = steps.next();
    while (!next.done) {
      if (next.value.type === 'phase') seen.push(next.value.phase);
      next = steps.next();
    }
    expect(seen).toEqual(['final fit', 'model', 'explanations']);
    expect(handed).toBe(next.value.model);
    expect(next.value.model).toEqual(run(input).output.model);
  });

  it('cross-validates a classifier per fold with ROC and confusion data', () => {
    const labels = encodeNew(kind);
    const input: TrainInput = {
      features: [
        trainingColumn(
          'x',
          false,
          x.map((v, i) => v + (i % 2) * 100),
        ),
      ],
      target: labels.codes,
      targetName: 'kind',
      classes: labels.categories,
      settings: settings({
        task: 'classification',
        model: { type: 'logistic', params: {} },
        split: { mode: 'stratified', testFraction: 0.25, seed: 1 },
        validation: { mode: 'kfold', folds: 3 },
      }),
    };
    const { output, events } = run(input);
    expect(events.slice(0, 3)).toEqual(['fold 1/3', 'fold 2/3', 'fold 3/3']);
    expect(output.folds).toHaveLength(3);
    expect(output.mean.accuracy).toBeGreaterThan(0.9);
    expect(output.charts.confusion?.labels).toEqual(['dry', 'wet']);
    expect(output.charts.roc?.[0].auc).toBeGreaterThan(0.9);
  });
});

describe('evaluate with tree progress', () => {
  function forestInput(type: 'random_forest' | 'gradient_boosting', params: object): TrainInput {
    return {
      features: [trainingColumn('x', false, x), trainingColumn('kind', true, kind)],
      target: Float64Array.from(x, (v, i) => Math.sin(v) + (kind[i] === 'wet' ? 1 : 0)),
      targetName: 'flow',
      settings: settings({
        model: { type, params: { ...params } },
        split: { mode: 'random', testFraction: 0.25, seed: 2 },
        validation: { mode: 'kfold', folds: 3 },
        skipExplanations: true,
      }),
    };
  }

  function runWithTrees(input: TrainInput) {
    const log: string[] = [];
    const steps = evaluate(input, (e: TreesEvent) => log.push(`${e.fold}:${e.done}/${e.total}`));
    let next = steps.next();
    while (!next.done) {
      if (next.value.type === 'fold') log.push(`fold ${next.value.fold}/${next.value.folds}`);
      next = steps.next();
    }
    return { output: next.value, log };
  }

  it('reports each tree of each fold before its fold event, then the final fit', () => {
    const input = forestInput('random_forest', { nEstimators: 3, seed: 1 });
    const { output, log } = runWithTrees(input);
    const fit = (k: number | null) => [1, 2, 3].map((t) => `${k}:${t}/3`);
    expect(log).toEqual([
      ...fit(1),
      'fold 1/3',
      ...fit(2),
      'fold 2/3',
      ...fit(3),
      'fold 3/3',
      ...fit(null),
    ]);
    const plain = run(input).output;
    expect(output.model).toEqual(plain.model);
    expect(output.folds).toEqual(plain.folds);
    expect(output.test).toEqual(plain.test);
  });

  it('counts boosting iterations and gives the same model as without progress', () => {
    const input = forestInput('gradient_boosting', { maxIter: 4 });
    const { output, log } = runWithTrees(input);
    expect(log.filter((l) => l.startsWith('null:'))).toEqual([
      'null:1/4',
      'null:2/4',
      'null:3/4',
      'null:4/4',
    ]);
    expect(log.filter((l) => l.startsWith('2:'))).toHaveLength(4);
    expect(output.model).toEqual(run(input).output.model);
  });

  it('reports no trees for models without them, and fits pipeline regressions', () => {
    const ridge = forestInput('random_forest', {});
    ridge.settings = { ...ridge.settings, model: { type: 'ridge', params: {} } };
    // a Pipeline has predictProba even around a regressor: a regression must not call it
    const { output, log } = runWithTrees(ridge);
    expect(log).toEqual(['fold 1/3', 'fold 2/3', 'fold 3/3']);
    expect(output.test.r2).toBeGreaterThan(0.3);
  });
});

describe('training helpers', () => {
  it('infers the task from the target', () => {
    const col = (type: 'integer' | 'float' | 'string') => ({ name: 't', type, sourceType: '' });
    expect(inferTask(col('string'), 3)).toBe('classification');
    expect(inferTask(col('integer'), 5)).toBe('classification');
    expect(inferTask(col('integer'), 500)).toBe('regression');
    expect(inferTask(col('float'), 2)).toBe('regression');
  });

  it('encodes unseen categories as missing', () => {
    expect(Array.from(encodeKnown(['b', 'z', null], ['a', 'b']))).toEqual([1, NaN, NaN]);
  });

  it('checks hyperparameters against the model type and task', () => {
    expect(checkModelParams('ridge', 'regression', { alpha: 2 })).toEqual({ alpha: 2 });
    expect(() => checkModelParams('ridge', 'regression', { depth: 2 })).toThrow(
      /no hyperparameter/,
    );
    expect(() => checkModelParams('ridge', 'classification')).toThrow(/for regression/);
    expect(() => checkModelParams('logistic', 'regression')).toThrow(/for classification/);
    expect(() => checkModelParams('random_forest', 'regression', { nEstimators: 'x' })).toThrow(
      /must be a number/,
    );
  });

  it('averages folds with a population standard deviation, skipping undefined metrics', () => {
    expect(meanStd([{ r2: 0.5 }, { r2: 0.7 }])).toEqual({
      mean: { r2: 0.6 },
      std: { r2: expect.closeTo(0.1, 9) },
    });
    const constant = scoreAll('regression', Float64Array.of(1, 1), Float64Array.of(1, 2), null, []);
    expect(constant).not.toHaveProperty('nse');
  });
});

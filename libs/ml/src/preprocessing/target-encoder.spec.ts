import { fromColumnar } from '../data/columnar.js';
import { LinearRegression } from '../linear/linear-regression.js';
import { loadModel, saveModel } from '../persistence/model-format.js';
import { ColumnTransformer } from './column-transformer.js';
import { Pipeline } from './pipeline.js';
import { TargetEncoder } from './target-encoder.js';

const X = fromColumnar([{ name: 'site', values: ['a', 'a', 'b', 'b', 'b', 'c'] }]);
const y = Float64Array.of(1, 3, 10, 10, 10, 7);

describe('TargetEncoder', () => {
  it('encodes categories by target mean shrunk towards the global mean', () => {
    const enc = new TargetEncoder({ smooth: 1 }).fit(X, y);
    // global mean 41/6; 'a': (1 + 3 + 41/6) / 3
    const out = enc.transform(fromColumnar([{ name: 'site', values: ['a', 'zzz', null] }]));
    expect(out.get(0, 0)).toBeCloseTo((4 + 41 / 6) / 3, 12);
    expect(out.get(1, 0)).toBeCloseTo(41 / 6, 12);
    expect(out.get(2, 0)).toBeCloseTo(41 / 6, 12);
  });

  it('uses no shrinkage in auto mode for a category with constant target', () => {
    const enc = new TargetEncoder().fit(X, y);
    expect(enc.transform(X).get(2, 0)).toBeCloseTo(10, 12);
  });

  it('cross-fits training rows so a row never sees its own target', () => {
    const single = fromColumnar([{ name: 'id', values: ['p', 'q', 'r', 's', 't'] }]);
    const target = Float64Array.of(1, 2, 3, 4, 5);
    const out = new TargetEncoder({ smooth: 0, cv: 5 }).fitTransform(single, target);
    // each category appears once, so out of fold it is unknown: the mean of the other rows
    for (let i = 0; i < 5; i++) expect(out.get(i, 0)).toBeCloseTo((15 - target[i]) / 4, 12);
    expect(() => new TargetEncoder().fit(single)).toThrow(RangeError);
  });

  it('works inside a pipeline and survives save and load', () => {
    const pipe = new Pipeline(
      [new ColumnTransformer([{ columns: ['site'], steps: [new TargetEncoder({ cv: 2 })] }])],
      new LinearRegression(),
    ).fit(X, y);
    const restored = loadModel(saveModel(pipe)).model;
    expect(Array.from(restored.predict(X))).toEqual(Array.from(pipe.predict(X)));
  });
});

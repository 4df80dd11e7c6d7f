import type { Distribution } from '../core/distributions.js';
import { categoricalDistribution, floatDistribution } from '../core/distributions.js';
import type { FrozenTrial, TrialState } from '../core/trial-model.js';
import { groupDecomposedSearchSpace, intersectionSearchSpace } from './search-space.js';

function trial(
  number: number,
  distributions: Record<string, Distribution>,
  state: TrialState = 'COMPLETE',
): FrozenTrial {
  return {
    trialId: `t${number}`,
    number,
    state,
    values: [0],
    params: {},
    internalParams: {},
    distributions,
    intermediateValues: new Map(),
    userAttrs: {},
    systemAttrs: {},
    datetimeStart: null,
    datetimeComplete: null,
  };
}

const x = floatDistribution(0, 1);
const kind = categoricalDistribution(['a', 'b']);
const a1 = floatDistribution(0, 2);
const a2 = floatDistribution(0, 3);
const b1 = floatDistribution(0, 4);

describe('search spaces', () => {
  const trials = [
    trial(0, { x, kind, a1, a2 }),
    trial(1, { x, kind, b1 }, 'PRUNED'),
    trial(2, { x, kind, a1, a2 }),
    trial(3, { x }, 'RUNNING'),
    trial(4, { x, kind: categoricalDistribution(['only']) }, 'FAIL'),
  ];

  it('intersects the parameters of finished trials', () => {
    expect(intersectionSearchSpace(trials)).toEqual({ kind, x });
    const changed = [...trials, trial(5, { x: floatDistribution(0, 2), kind })];
    expect(intersectionSearchSpace(changed)).toEqual({ kind });
  });

  it('groups parameters that always occur together', () => {
    const groups = groupDecomposedSearchSpace(trials);
    expect(groups).toEqual([{ kind, x }, { a1, a2 }, { b1 }]);
  });

  it('drops single-valued distributions', () => {
    const single = [trial(0, { x, c: categoricalDistribution(['only']) })];
    expect(intersectionSearchSpace(single)).toEqual({ x });
    expect(groupDecomposedSearchSpace(single)).toEqual([{ x }]);
  });
});

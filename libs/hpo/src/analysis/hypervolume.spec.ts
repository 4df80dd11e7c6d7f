import {
  hypervolume,
  hypervolumeContributionWeights,
  referencePoint,
  selectByHypervolume,
} from './hypervolume.js';

describe('hypervolume', () => {
  it('measures the area of a 2-D front', () => {
    expect(
      hypervolume(
        [
          [1, 3],
          [2, 2],
          [3, 1],
        ],
        [4, 4],
      ),
    ).toBe(6);
    expect(
      hypervolume(
        [
          [1, 3],
          [2, 2],
          [2.5, 2.5],
        ],
        [4, 4],
      ),
    ).toBe(5);
    expect(hypervolume([[5, 5]], [4, 4])).toBe(0);
  });

  it('measures the volume of 1-D and 3-D sets exactly', () => {
    expect(hypervolume([[1], [2]], [4])).toBe(3);
    expect(hypervolume([[1, 2, 3]], [4, 4, 4])).toBe(6);
    expect(
      hypervolume(
        [
          [1, 1, 3],
          [3, 3, 1],
        ],
        [4, 4, 4],
      ),
    ).toBe(11);
  });

  it('uses Optuna reference points and greedy subset selection', () => {
    expect(
      referencePoint([
        [1, -2],
        [3, -1],
      ]),
    ).toEqual([3.3000000000000003, -0.9]);
    const points = [
      [0, 10],
      [5, 5],
      [10, 0],
      [6, 6],
    ];
    expect(selectByHypervolume(points, 1)).toEqual([1]);
    expect(selectByHypervolume(points, 3).sort()).toEqual([0, 1, 2]);
  });

  it('weights points by their exclusive contribution, the largest at 1', () => {
    const weights = hypervolumeContributionWeights([
      [0, 4],
      [1, 1],
      [4, 0],
    ]);
    expect(weights[1]).toBe(1);
    expect(weights[0]).toBeLessThan(1);
    expect(hypervolumeContributionWeights([[2, 2]])).toEqual([1]);
  });
});

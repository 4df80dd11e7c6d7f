import { ProgressThrottle, progressOf } from './train-progress.js';
import type { TrainEvent, TreesEvent } from './train-types.js';

const trees = (fold: number | null, done: number, total = 100, folds = 4): TreesEvent => ({
  type: 'trees',
  ...{ fold, folds, done, total },
});

describe('progressOf (job progress of a training event)', () => {
  it('maps trees within fold k of n between that fold start and end', () => {
    expect(progressOf(trees(1, 0))).toEqual({
      fraction: 0.1,
      message: 'fold 1 of 4, tree 0 of 100',
    });
    expect(progressOf(trees(2, 50)).fraction).toBeCloseTo(0.1 + 0.15 + 0.075, 12);
    expect(progressOf(trees(4, 100)).fraction).toBeCloseTo(0.7, 12);
    expect(progressOf(trees(3, 7, 20)).message).toBe('fold 3 of 4, tree 7 of 20');
    // the end of fold k's trees is where the fold event puts it
    const fold = progressOf({ type: 'fold', fold: 2, folds: 4, metrics: {} });
    expect(fold).toEqual({ fraction: expect.closeTo(0.4, 12), message: 'fold 2 of 4' });
    expect(progressOf(trees(2, 100)).fraction).toBeCloseTo(fold.fraction, 12);
  });

  it('maps the final fit between 70 % and 85 % and keeps phases as they are', () => {
    expect(progressOf(trees(null, 0))).toEqual({
      fraction: 0.7,
      message: 'final model, tree 0 of 100',
    });
    expect(progressOf(trees(null, 40, 80)).fraction).toBeCloseTo(0.775, 12);
    expect(progressOf(trees(null, 80, 80)).fraction).toBeCloseTo(0.85, 12);
    // holdout (no folds): the final fit is the only fit and spans the folds' share
    expect(progressOf(trees(null, 0, 80, 0)).fraction).toBeCloseTo(0.1, 12);
    expect(progressOf(trees(null, 40, 80, 0)).fraction).toBeCloseTo(0.4, 12);
    expect(progressOf(trees(null, 80, 80, 0)).message).toBe('final model, tree 80 of 80');
    expect(progressOf({ type: 'phase', phase: 'final fit', fraction: 0.7 })).toEqual({
      fraction: 0.7,
      message: 'final fit',
    });
  });

  it('never runs backwards through a whole k-fold training', () => {
    const events: TrainEvent[] = [];
    for (let k = 1; k <= 3; k++) {
      for (let t = 1; t <= 10; t++) events.push(trees(k, t, 10, 3));
      events.push({ type: 'fold', fold: k, folds: 3, metrics: {} });
    }
    events.push({ type: 'phase', phase: 'final fit', fraction: 0.7 });
    for (let t = 1; t <= 10; t++) events.push(trees(null, t, 10, 3));
    events.push({ type: 'phase', phase: 'explanations', fraction: 0.85 });
    const fractions = events.map((e) => progressOf(e).fraction);
    fractions.slice(1).forEach((f, i) => expect(f).toBeGreaterThanOrEqual(fractions[i] - 1e-12));
    expect(fractions.at(-1)).toBe(0.85);
  });

  it('never runs backwards through a holdout training', () => {
    const events: TrainEvent[] = [
      { type: 'phase', phase: 'final fit', fraction: 0.1 },
      ...[1, 5, 10].map((t) => trees(null, t, 10, 0)),
      { type: 'fold', fold: 1, folds: 1, metrics: {} },
      { type: 'phase', phase: 'explanations', fraction: 0.85 },
    ];
    const fractions = events.map((e) => progressOf(e).fraction);
    fractions.slice(1).forEach((f, i) => expect(f).toBeGreaterThanOrEqual(fractions[i] - 1e-12));
  });

  it('stays within the fit when an early stop leaves done below total', () => {
    expect(progressOf(trees(1, 5, 0)).fraction).toBeCloseTo(0.25, 12);
    expect(progressOf(trees(1, 30, 20)).fraction).toBeCloseTo(0.25, 12);
  });
});

describe('ProgressThrottle', () => {
  it('passes a tree event only after 250 ms and 2 % of the trees since the last one', () => {
    const throttle = new ProgressThrottle(0);
    expect(throttle.pass(trees(1, 1, 500), 100)).toBe(false); // too soon
    expect(throttle.pass(trees(1, 5, 500), 260)).toBe(false); // 1 % of the trees
    expect(throttle.pass(trees(1, 10, 500), 270)).toBe(true);
    expect(throttle.pass(trees(1, 30, 500), 400)).toBe(false); // 130 ms later
    expect(throttle.pass(trees(1, 30, 500), 520)).toBe(true);
    expect(throttle.pass(trees(1, 39, 500), 900)).toBe(false); // 9 trees < 10
    expect(throttle.pass(trees(1, 40, 500), 901)).toBe(true);
  });

  it('lets slow trees through one by one and thins a 500-tree fit to a few events a second', () => {
    const slow = new ProgressThrottle(0);
    const passed = [1, 2, 3].filter((t) => slow.pass(trees(null, t, 3), t * 1000));
    expect(passed).toEqual([1, 2, 3]);
    const fast = new ProgressThrottle(0);
    let count = 0;
    // 500 trees in 2 s: every 4 ms
    for (let t = 1; t <= 500; t++) if (fast.pass(trees(1, t, 500), t * 4)) count++;
    expect(count).toBeLessThanOrEqual(8);
    expect(count).toBeGreaterThanOrEqual(6);
  });

  it('always passes other events, which restart the clock, and restarts the share per fit', () => {
    const throttle = new ProgressThrottle(0);
    expect(throttle.pass(trees(1, 100, 100), 300)).toBe(true);
    expect(throttle.pass({ type: 'fold', fold: 1, folds: 4, metrics: {} }, 310)).toBe(true);
    expect(throttle.pass({ type: 'phase', phase: 'x', fraction: 0.1 }, 311)).toBe(true);
    expect(throttle.pass(trees(2, 3, 100), 500)).toBe(false); // 189 ms after the phase
    expect(throttle.pass(trees(2, 3, 100), 600)).toBe(true); // fold 2 counts from 0
  });

  it('reports nothing for a fit shorter than the interval', () => {
    const throttle = new ProgressThrottle(0);
    const passed = Array.from({ length: 50 }, (_, t) => trees(1, t + 1, 50)).filter((e, t) =>
      throttle.pass(e, t * 4),
    );
    expect(passed).toEqual([]);
  });
});

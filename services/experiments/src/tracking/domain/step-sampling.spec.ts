import { sampleSteps } from './step-sampling.js';

describe('bulk-interval step sampling', () => {
  it('keeps every step when they fit', () => {
    expect([...sampleSteps([3, 1, 2, 2], 5)]).toEqual([1, 2, 3]);
  });

  it('spaces the chosen steps evenly and keeps the first and last', () => {
    const steps = Array.from({ length: 101 }, (_, i) => i);
    expect([...sampleSteps(steps, 5)]).toEqual([0, 25, 50, 75, 100]);
    expect([...sampleSteps(steps, 1)]).toEqual([0]);
  });
});

import type { ParamValue } from '../core/distributions.js';
import { HpoError } from '../core/errors.js';
import type { Sampler, SearchSpace } from '../samplers/sampler.js';
import { createStudy } from './create-study.js';
import type { Trial } from './trial.js';

/** Refuses to invent values: every suggested parameter must have been given. */
class GivenParamsOnlySampler implements Sampler {
  inferRelativeSearchSpace(): SearchSpace {
    return {};
  }

  sampleRelative(): Record<string, number> {
    return {};
  }

  sampleIndependent(_study: unknown, _trial: unknown, name: string): number {
    throw new HpoError(
      'INVALID_VALUE',
      `The value of the parameter '${name}' is not found. Please set it at the construction of the FixedTrial object.`,
    );
  }
}

/**
 * Optuna's FixedTrial: a trial whose suggest methods return the given values, e.g. to retrain with
 * `await objective(await fixedTrial(await study.bestParams))`. It lives in a private in-memory study,
 * so reports and pruning checks are harmless.
 */
export async function fixedTrial(params: Readonly<Record<string, ParamValue>>): Promise<Trial> {
  const study = await createStudy({ sampler: new GivenParamsOnlySampler() });
  await study.enqueueTrial(params);
  return study.ask();
}

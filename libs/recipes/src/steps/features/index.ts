import type { AnyStepDefinition } from '../../core/registry.js';
import { LEARNED_STEPS } from './learned/index.js';
import { MATH_STEPS } from './math/index.js';
import { TIMESERIES_STEPS } from './timeseries/index.js';

/** Feature-engineering steps (learned transforms, math, time series, reshape, fusion, selection). */
export const FEATURE_STEPS: AnyStepDefinition[] = [
  ...LEARNED_STEPS,
  ...MATH_STEPS,
  ...TIMESERIES_STEPS,
];

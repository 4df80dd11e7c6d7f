import type { AnyStepDefinition } from '../../core/registry.js';
import { FUSION_STEPS } from './fusion/index.js';
import { LEARNED_STEPS } from './learned/index.js';
import { MATH_STEPS } from './math/index.js';
import { RESHAPE_STEPS } from './reshape/index.js';
import { SELECTION_STEPS } from './selection/index.js';
import { TIMESERIES_STEPS } from './timeseries/index.js';

/** Feature-engineering steps (learned transforms, math, time series, reshape, fusion, selection). */
export const FEATURE_STEPS: AnyStepDefinition[] = [
  ...LEARNED_STEPS,
  ...MATH_STEPS,
  ...TIMESERIES_STEPS,
  ...RESHAPE_STEPS,
  ...FUSION_STEPS,
  ...SELECTION_STEPS,
];

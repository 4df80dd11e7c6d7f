import type { AnyStepDefinition } from '../../../core/registry.js';
import { aggregateColumnsStep, relativeStep } from './combine.js';
import { cyclicalStep } from './cyclical.js';
import { absStep, clipStep, roundStep } from './unary.js';

/** Math on columns: row-wise aggregates, relative features, rounding, clipping, cyclical encodings. */
export const MATH_STEPS: AnyStepDefinition[] = [
  aggregateColumnsStep,
  relativeStep,
  roundStep,
  clipStep,
  absStep,
  cyclicalStep,
];

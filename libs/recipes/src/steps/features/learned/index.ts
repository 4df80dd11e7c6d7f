import type { AnyStepDefinition } from '../../../core/registry.js';
import { binStep } from './bin.js';
import { frequencyStep, ordinalStep } from './encode.js';
import { imputeStep } from './impute.js';
import { oneHotStep } from './one-hot.js';
import { outliersStep } from './outliers.js';
import { powerStep } from './power.js';
import { scaleStep } from './scale.js';

/** Learned transforms: fitted once, the fitted values stored in the params. */
export const LEARNED_STEPS: AnyStepDefinition[] = [
  scaleStep,
  oneHotStep,
  ordinalStep,
  frequencyStep,
  binStep,
  outliersStep,
  powerStep,
  imputeStep,
];

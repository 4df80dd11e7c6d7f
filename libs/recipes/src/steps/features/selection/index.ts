import type { AnyStepDefinition } from '../../../core/registry.js';
import { dropConstantStep, dropCorrelatedStep, dropDuplicateStep } from './drop-columns.js';
import { rankFeaturesStep } from './rank.js';

/** Feature selection helpers (fitted lists of columns to drop or keep). */
export const SELECTION_STEPS: AnyStepDefinition[] = [
  dropConstantStep,
  dropDuplicateStep,
  dropCorrelatedStep,
  rankFeaturesStep,
];

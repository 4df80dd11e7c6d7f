import type { AnyStepDefinition } from '../../../core/registry.js';
import { groupByStep } from './group-by.js';
import { pivotStep } from './pivot.js';
import { unpivotStep } from './unpivot.js';

/** Reshaping: group-by, pivot, unpivot (each makes new rows with fresh row ids). */
export const RESHAPE_STEPS: AnyStepDefinition[] = [groupByStep, pivotStep, unpivotStep];

import type { AnyStepDefinition } from '../../../core/registry.js';
import { cumsumSinceStep } from './cumsum-since.js';
import { ewmStep } from './ewm.js';
import { gapFlagStep } from './gap-flag.js';
import { resampleStep } from './resample.js';
import { expandingStep, rollingStep } from './rolling.js';
import { diffStep, lagStep, leadStep, pctChangeStep } from './shift.js';

/** Time-series features, ordered by a time column, optionally per group. */
export const TIMESERIES_STEPS: AnyStepDefinition[] = [
  lagStep,
  leadStep,
  diffStep,
  pctChangeStep,
  rollingStep,
  expandingStep,
  ewmStep,
  cumsumSinceStep,
  resampleStep,
  gapFlagStep,
];

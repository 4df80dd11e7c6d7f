import type { AnyStepDefinition } from '../../core/registry.js';
import { CAST_STEPS } from './cast.js';
import { COLUMN_STEPS } from './columns.js';
import { DATE_STEPS } from './dates.js';
import { FILL_STEPS } from './missing-fill.js';
import { FORMULA_STEPS } from './formula.js';
import { MISSING_STEPS } from './missing.js';
import { ROW_STEPS } from './rows.js';
import { SAMPLE_STEPS } from './rows-sample.js';
import { SPLIT_MERGE_STEPS } from './split-merge.js';
import { TEXT_STEPS } from './text.js';

/** Studio core steps (columns, rows, missing values, text, dates, formula). */
export const CORE_STEPS: AnyStepDefinition[] = [
  ...COLUMN_STEPS,
  ...CAST_STEPS,
  ...SPLIT_MERGE_STEPS,
  ...ROW_STEPS,
  ...SAMPLE_STEPS,
  ...FILL_STEPS,
  ...MISSING_STEPS,
  ...TEXT_STEPS,
  ...DATE_STEPS,
  ...FORMULA_STEPS,
];

import type { AnyStepDefinition } from '../../core/registry.js';

/** Studio core steps (columns, rows, missing values, text, dates, formula). */
export const CORE_STEPS: AnyStepDefinition[] = [];

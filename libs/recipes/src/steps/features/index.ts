import type { AnyStepDefinition } from '../../core/registry.js';

/** Feature-engineering steps (learned transforms, math, time series, reshape, fusion, selection). */
export const FEATURE_STEPS: AnyStepDefinition[] = [];

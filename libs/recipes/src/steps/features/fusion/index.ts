import type { AnyStepDefinition } from '../../../core/registry.js';
import { joinStep } from './join.js';
import { unionStep } from './union.js';

/** Data fusion with other versions (declared in refs, so lineage records them as parents). */
export const FUSION_STEPS: AnyStepDefinition[] = [joinStep, unionStep];

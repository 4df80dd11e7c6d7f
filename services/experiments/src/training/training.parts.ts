import type { ModuleParts } from '@hydroml/nest-kit';

/** Trainings, predictions, presets, gallery and studies: handlers, providers and migrations. */
export const trainingParts: ModuleParts = {};

import type { ModuleParts } from '@hydroml/nest-kit';

/** The quality area of data-tools: its handlers, providers, entities and migrations. */
export const qualityParts: ModuleParts = {};

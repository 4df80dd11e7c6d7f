import type { ModuleParts } from '@hydroml/nest-kit';

/** The grid area of data-tools: its handlers, providers, entities and migrations. */
export const gridParts: ModuleParts = {};

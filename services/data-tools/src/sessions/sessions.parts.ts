import type { ModuleParts } from '@hydroml/nest-kit';

/** The sessions area of data-tools: its handlers, providers, entities and migrations. */
export const sessionsParts: ModuleParts = {};

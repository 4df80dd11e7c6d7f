import type { ModuleParts } from '@hydroml/nest-kit';
import { ColumnValuesService } from './column-values.service.js';
import { GridCache } from './grid-cache.js';
import { GridHandler } from './grid.handler.js';
import { GridQueries } from './grid-queries.js';
import { GridService } from './grid.service.js';

/** The grid area of data-tools: its handlers, providers, entities and migrations. */
export const gridParts: ModuleParts = {
  controllers: [GridHandler],
  providers: [GridCache, GridQueries, GridService, ColumnValuesService],
};

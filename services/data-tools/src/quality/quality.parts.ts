import type { ModuleParts } from '@hydroml/nest-kit';
import { PreflightService } from './preflight/preflight.service.js';
import { QualityHandler } from './quality.handler.js';

/** The quality area of data-tools: its handlers, providers, entities and migrations. */
export const qualityParts: ModuleParts = {
  controllers: [QualityHandler],
  providers: [PreflightService],
};

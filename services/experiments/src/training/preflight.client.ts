import { Injectable } from '@nestjs/common';
import {
  DomainError,
  QualityContracts,
  type CallContext,
  type PreflightIssue,
  type PreflightResult,
  type TrainingSpecDto,
} from '@hydroml/contracts';
import { logger, NatsClient } from '@hydroml/nest-kit';

/** Columns a recipe may create: pre-flight (on the raw version) cannot see them yet. */
const RECIPE_MAY_FIX = new Set(['target_not_found', 'feature_not_found', 'no_usable_features']);

/**
 * The data-quality pre-flight of data-tools, asked before a training is queued: its errors stop
 * the training with readable reasons, its warnings are kept on the run.
 */
@Injectable()
export class PreflightClient {
  constructor(private readonly nats: NatsClient) {}

  async check(call: CallContext, spec: TrainingSpecDto): Promise<PreflightResult | null> {
    const withRecipe = (spec.recipe?.length ?? 0) > 0;
    const result = await this.nats
      .request(
        QualityContracts.preflight,
        {
          dataSourceId: spec.dataSourceId,
          version: spec.version,
          target: spec.target,
          features: withRecipe ? undefined : spec.features,
          task: spec.task,
        },
        call,
      )
      .catch((error: unknown) => {
        // No pre-flight to ask (data-tools without the quality area): train without it.
        if (
          error instanceof DomainError &&
          ['unavailable', 'deadline_exceeded'].includes(error.code)
        ) {
          logger().warn({ err: error }, 'pre-flight unavailable');
          return null;
        }
        throw error;
      });
    if (!result) return null;
    const errors = result.errors.filter((e) => !(withRecipe && RECIPE_MAY_FIX.has(e.code)));
    if (errors.length > 0) throw preflightFailed(errors, result.warnings);
    return result;
  }
}

export function preflightFailed(errors: PreflightIssue[], warnings: PreflightIssue[]): DomainError {
  const reasons = errors.map((e) => e.message).join('; ');
  return new DomainError('failed_precondition', `pre-flight failed: ${reasons}`, {
    errors,
    warnings,
  });
}

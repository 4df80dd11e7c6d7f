import { DomainError } from '@hydroml/contracts';
import type { ExpectationDefinition } from './expectation-plan.js';
import { AGGREGATE_EXPECTATIONS } from './expectations-aggregate.js';
import { MAP_EXPECTATIONS } from './expectations-map.js';
import { TABLE_EXPECTATIONS } from './expectations-table.js';

/** Every expectation type we evaluate, by Great Expectations' name. */
export const EXPECTATIONS = new Map<string, ExpectationDefinition>(
  [...TABLE_EXPECTATIONS, ...MAP_EXPECTATIONS, ...AGGREGATE_EXPECTATIONS].map((d) => [d.type, d]),
);

export function expectationDefinition(type: string): ExpectationDefinition {
  const definition = EXPECTATIONS.get(type);
  if (!definition) {
    throw new DomainError('invalid_argument', `unknown expectation type ${type}`, {
      known: [...EXPECTATIONS.keys()],
    });
  }
  return definition;
}

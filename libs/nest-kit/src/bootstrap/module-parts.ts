import type { Provider, Type } from '@nestjs/common';
import type { EntitySchema } from 'typeorm';

// TypeORM lists entity and migration classes as `Function`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Classes = Function[];

/**
 * One feature area's share of a service module: its handlers, providers, TypeORM entities and
 * migrations. A service's AppModule concatenates the parts of its areas, so areas are added
 * without editing each other's lists.
 */
export interface ModuleParts {
  controllers?: Type[];
  providers?: Provider[];
  entities?: Array<Classes[number] | EntitySchema>;
  migrations?: Classes;
}

export function mergeParts(parts: readonly ModuleParts[]): Required<ModuleParts> {
  return {
    controllers: parts.flatMap((p) => p.controllers ?? []),
    providers: parts.flatMap((p) => p.providers ?? []),
    entities: parts.flatMap((p) => p.entities ?? []),
    migrations: parts.flatMap((p) => p.migrations ?? []),
  };
}

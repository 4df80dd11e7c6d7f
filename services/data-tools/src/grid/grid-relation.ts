import type { ColumnSchema } from '@hydroml/contracts';
import type { CompiledRecipe, SqlValue } from '@hydroml/recipes';
import { ident } from '@hydroml/recipes';
import type { ResolvedVersion } from '../versions/version-relations.js';

/**
 * Anything the grid, the console and the charts can read: a table expression carrying the hidden
 * row id, with the WITH clause and binds it needs, its schema, and a key naming its content (a
 * version's sha256, or a recipe head's hash) so cached pages can never be stale.
 */
export interface GridRelation {
  withClause?: string;
  /** A CTE name of `withClause` or a parenthesised SELECT. */
  source: string;
  binds: readonly SqlValue[];
  schema: readonly ColumnSchema[];
  cacheKey: string;
  /** Local Parquet files the relation reads (what user SQL over it may open). */
  files?: readonly string[];
  /** Rows of the whole relation when known (a version's), so an unfiltered count costs nothing. */
  rowCount?: number;
  /** Row ids are 0..n-1 without gaps (a version's file row numbers); see GridSource. */
  contiguousRowIds?: boolean;
}

/** The relation of a plain version: its Parquet file with the file row number as row id. */
export function versionGridRelation(version: ResolvedVersion): GridRelation {
  return {
    source: `(${version.relation.sql})`,
    binds: [],
    schema: version.relation.schema,
    cacheKey: `v:${version.cacheKey}`,
    files: [version.path],
    rowCount: version.entity.rows,
    contiguousRowIds: true,
  };
}

/** The relation of a compiled recipe's head; `cacheKey` must identify base version + steps. */
export function recipeGridRelation(
  recipe: Pick<CompiledRecipe, 'withClause' | 'head' | 'binds' | 'schema'>,
  cacheKey: string,
  files?: readonly string[],
): GridRelation {
  return {
    withClause: recipe.withClause,
    source: ident(recipe.head),
    binds: recipe.binds,
    schema: recipe.schema,
    cacheKey: `r:${cacheKey}`,
    files,
  };
}

/** `WITH … SELECT … FROM <relation> AS __grid …` prefix pieces for ad-hoc queries. */
export function fromRelation(relation: GridRelation): { prefix: string; from: string } {
  return {
    prefix: relation.withClause ? `${relation.withClause} ` : '',
    from: `${relation.source} AS "__grid"`,
  };
}

import { DomainError } from '@hydroml/contracts';
import { SqlParams } from '../../tracking/domain/sql-params.js';
import {
  canonicalStage,
  validateAlias,
  validateModelName,
  versionNumber,
} from './registry-rules.js';
import {
  MODEL_SEARCH,
  registryFilterSql,
  registryOrderSql,
  VERSION_SEARCH,
} from './registry-search-sql.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'unexpected';
  }
}

describe('model registry rules', () => {
  it('spells stages canonically in any case and refuses unknown ones', () => {
    expect(canonicalStage('production')).toBe('Production');
    expect(canonicalStage('NONE')).toBe('None');
    expect(codeOf(() => canonicalStage('prod'))).toBe('invalid_argument');
  });

  it('accepts integer versions, identifier aliases and non-blank names only', () => {
    expect(versionNumber('12')).toBe(12);
    expect(codeOf(() => versionNumber('1.5'))).toBe('invalid_argument');
    expect(codeOf(() => validateAlias('champion'))).toBeUndefined();
    for (const alias of ['v3', 'latest', 'a b', '']) {
      expect(codeOf(() => validateAlias(alias))).toBe('invalid_argument');
    }
    expect(codeOf(() => validateModelName(' '))).toBe('invalid_argument');
  });
});

describe('registry search SQL', () => {
  it('filters versions by name, run id, version number and tags', () => {
    const params = new SqlParams();
    const sql = registryFilterSql(
      "name = 'm' AND run_id IN ('a') AND version_number > 2 AND tags.k LIKE 'v%'",
      VERSION_SEARCH,
      params,
    );
    expect(sql).toBe(
      '(m.name = $1 AND v.run_id = ANY($2::text[]) AND v.version > $3 AND EXISTS (SELECT 1 FROM model_version_tags x WHERE x.version_id = v.id AND x.key = $4 AND x.value LIKE $5))',
    );
    expect(params.values).toEqual(['m', ['a'], 2, 'k', 'v%']);
    expect(registryFilterSql(undefined, MODEL_SEARCH, params)).toBe('TRUE');
  });

  it('refuses unknown keys and mistyped values; orders with a stable tie-break', () => {
    for (const filter of ["bogus = 'x'", 'name = 1', 'metrics.a < 1']) {
      expect(codeOf(() => registryFilterSql(filter, MODEL_SEARCH, new SqlParams()))).toBe(
        'invalid_argument',
      );
    }
    expect(registryOrderSql(['timestamp DESC'], MODEL_SEARCH)).toEqual([
      'm.last_update_time DESC',
      'm.name ASC',
      'm.id ASC',
    ]);
    expect(codeOf(() => registryOrderSql(['tags.x'], MODEL_SEARCH))).toBe('invalid_argument');
  });
});

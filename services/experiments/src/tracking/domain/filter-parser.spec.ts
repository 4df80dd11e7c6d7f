import { DomainError } from '@hydroml/contracts';
import { parseFilter, parseOrderBy } from './filter-parser.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'unexpected';
  }
}

describe('MLflow search filter grammar', () => {
  it('parses a conjunction of metric, param, tag and attribute comparisons', () => {
    const node = parseFilter(
      "metrics.rmse < 1 and params.model = 'rf' AND tags.`my tag` LIKE 'a%' and attributes.status != \"FAILED\"",
    );
    expect(node).toEqual({
      type: 'and',
      items: [
        { type: 'cmp', entity: 'metric', key: 'rmse', comparator: '<', value: 1 },
        { type: 'cmp', entity: 'param', key: 'model', comparator: '=', value: 'rf' },
        { type: 'cmp', entity: 'tag', key: 'my tag', comparator: 'LIKE', value: 'a%' },
        { type: 'cmp', entity: 'attribute', key: 'status', comparator: '!=', value: 'FAILED' },
      ],
    });
  });

  it('reads quoted keys, dotted keys, IN lists, IS NULL and doubled quotes', () => {
    expect(parseFilter('metrics."val loss" >= -1.5e-3')).toMatchObject({
      key: 'val loss',
      value: -0.0015,
    });
    expect(parseFilter("tags.mlflow.parentRunId = 'abc'")).toMatchObject({
      entity: 'tag',
      key: 'mlflow.parentRunId',
    });
    expect(parseFilter("attributes.run_id IN ('a', 'b')")).toMatchObject({
      comparator: 'IN',
      value: ['a', 'b'],
    });
    expect(parseFilter("run.run_name NOT IN ('x')")).toMatchObject({ comparator: 'NOT IN' });
    expect(parseFilter('tags.t IS NOT NULL')).toMatchObject({ comparator: 'IS NOT NULL' });
    expect(parseFilter('params.p is null')).toMatchObject({ comparator: 'IS NULL' });
    expect(parseFilter("params.p = 'it''s'")).toMatchObject({ value: "it's" });
    expect(parseFilter("name ILIKE '%x%'")).toMatchObject({ entity: 'attribute', key: 'name' });
    expect(parseFilter('  ')).toBeNull();
  });

  it('accepts OR and parentheses only in the extended grammar', () => {
    const text = "(params.a = 'x' OR params.b = 'y') AND metrics.m > 0";
    expect(codeOf(() => parseFilter(text))).toBe('invalid_argument');
    expect(codeOf(() => parseFilter("params.a = 'x' OR params.b = 'y'"))).toBe('invalid_argument');
    expect(parseFilter(text, { extended: true })).toMatchObject({
      type: 'and',
      items: [{ type: 'or' }, { type: 'cmp', key: 'm' }],
    });
  });

  it.each([
    ["metrics.rmse = 'x'"],
    ["metrics.rmse LIKE '1'"],
    ['params.model > 1'],
    ['params.model = 1'],
    ['bogus.key = 1'],
    ['metrics.rmse <'],
    ["params.a = 'unterminated"],
    ['metrics.a < 1 metrics.b < 2'],
    ["attributes.run_id IN 'a'"],
    ['params.a IS 1'],
    ['metrics.a ~ 1'],
    ['(metrics.a < 1'],
    ["tags.x NOT 'a'"],
    ['metrics. < 1'],
  ])('rejects %s with invalid_argument', (text) => {
    expect(codeOf(() => parseFilter(text, { extended: true }))).toBe('invalid_argument');
  });

  it('parses order_by clauses with an optional direction', () => {
    expect(parseOrderBy('metrics.rmse DESC')).toEqual({
      entity: 'metric',
      key: 'rmse',
      asc: false,
    });
    expect(parseOrderBy('attributes.start_time')).toEqual({
      entity: 'attribute',
      key: 'start_time',
      asc: true,
    });
    expect(parseOrderBy('name asc')).toEqual({ entity: 'attribute', key: 'name', asc: true });
    expect(codeOf(() => parseOrderBy('metrics.rmse sideways'))).toBe('invalid_argument');
    expect(codeOf(() => parseOrderBy('metrics.rmse ASC extra'))).toBe('invalid_argument');
  });
});

import { DomainError, fromWireDouble, isWireDouble, toWireDouble } from '@hydroml/contracts';
import { decodePageToken, encodePageToken, nextPageToken } from './page-token.js';
import { experimentNumOf, hexToUuid, runIdOf, uuidToHex } from './ids.js';
import { toMetricRows, validateBatch, validateKey } from './limits.js';
import { generateRunName } from './run-names.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'unexpected';
  }
}

describe('MLflow limits', () => {
  it('accepts MLflow key characters and refuses paths that climb or resolve elsewhere', () => {
    expect(codeOf(() => validateKey('metric', 'val/loss-1.x y'))).toBeUndefined();
    for (const key of ['', 'a$b', '../x', '/abs', 'a//b', 'a/./b', 'x'.repeat(251)]) {
      expect(codeOf(() => validateKey('param', key))).toBe('invalid_argument');
    }
  });

  it('refuses duplicate param keys with different values inside one batch', () => {
    const params = [
      { key: 'a', value: '1' },
      { key: 'a', value: '2' },
    ];
    expect(codeOf(() => validateBatch({ params }))).toBe('invalid_argument');
    expect(codeOf(() => validateBatch({ params: [params[0], params[0]] }))).toBeUndefined();
  });

  it('refuses a bad metric key wherever it first appears in a batch of repeated keys', () => {
    const metric = (key: string) => ({ key, value: 1, timestamp: 1 });
    const metrics = [metric('a'), metric('b'), metric('a'), metric('../c'), metric('a')];
    expect(() => validateBatch({ metrics })).toThrow("Invalid metric name: '../c'");
    expect(codeOf(() => validateBatch({ metrics: metrics.slice(0, 3) }))).toBeUndefined();
  });

  it('turns wire metrics into rows with step 0 by default', () => {
    expect(toMetricRows([{ key: 'm', value: 'NaN', timestamp: 3 }])).toEqual([
      { key: 'm', value: Number.NaN, timestamp: 3, step: 0 },
    ]);
  });
});

describe('wire doubles', () => {
  it('round-trips non-finite values by name', () => {
    for (const name of ['NaN', 'Infinity', '-Infinity'] as const) {
      expect(toWireDouble(fromWireDouble(name))).toBe(name);
    }
    expect(fromWireDouble('2.5')).toBe(2.5);
    expect(toWireDouble(1)).toBe(1);
    expect([1, '1e3', 'NaN'].every(isWireDouble)).toBe(true);
    expect([Number.NaN, '', 'abc', null, {}].some(isWireDouble)).toBe(false);
  });
});

describe('ids and page tokens', () => {
  it('maps 32-hex run ids to uuids and back', () => {
    const hex = '0123456789abcdef0123456789abcdef';
    expect(uuidToHex(hexToUuid(hex)!)).toBe(hex);
    expect(hexToUuid('xyz')).toBeNull();
    expect(runIdOf({ run_uuid: hex.toUpperCase() })).toBe(hexToUuid(hex));
    expect(codeOf(() => runIdOf({}))).toBe('invalid_argument');
    expect(codeOf(() => runIdOf({ run_id: 'nope' }))).toBe('not_found');
    expect(codeOf(() => experimentNumOf('abc'))).toBe('not_found');
    expect(experimentNumOf('42')).toBe('42');
  });

  it('issues opaque tokens only for full pages and refuses foreign ones', () => {
    expect(decodePageToken(encodePageToken(200))).toBe(200);
    expect(decodePageToken(undefined)).toBe(0);
    expect(nextPageToken(0, 100, 100)).toBe(encodePageToken(100));
    expect(nextPageToken(0, 99, 100)).toBeUndefined();
    for (const token of ['!!', Buffer.from('{"o":-1}').toString('base64url')]) {
      expect(codeOf(() => decodePageToken(token))).toBe('invalid_argument');
    }
  });

  it('generates MLflow-style run names', () => {
    expect(generateRunName()).toMatch(/^[a-z]+-[a-z]+-\d{1,3}$/);
  });
});

import { canonicalJson, specHash } from './spec-hash.js';

describe('spec hash', () => {
  it('does not depend on key order and changes with any value', () => {
    const a = { model: { type: 'ridge', params: { alpha: 1 } }, target: 'y' };
    const b = { target: 'y', model: { params: { alpha: 1 }, type: 'ridge' } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(specHash(a)).toBe(specHash(b));
    expect(specHash(a)).toMatch(/^[0-9a-f]{40}$/);
    expect(specHash({ ...a, target: 'z' })).not.toBe(specHash(a));
  });
});

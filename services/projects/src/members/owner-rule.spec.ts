import { assertKeepsAnOwner } from './owner-rule.js';

describe('owner rule', () => {
  it('refuses to demote or remove the last owner', () => {
    expect(() => assertKeepsAnOwner(1, 'owner', 'editor')).toThrow(/at least one owner/);
    expect(() => assertKeepsAnOwner(1, 'owner', null)).toThrow(/at least one owner/);
  });

  it('allows it when another owner remains, and for non-owners', () => {
    expect(() => assertKeepsAnOwner(2, 'owner', null)).not.toThrow();
    expect(() => assertKeepsAnOwner(1, 'editor', null)).not.toThrow();
    expect(() => assertKeepsAnOwner(1, 'owner', 'owner')).not.toThrow();
  });
});

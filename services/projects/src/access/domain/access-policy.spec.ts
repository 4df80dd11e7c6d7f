import { DomainError } from '@hydroml/contracts';
import { allows, assertAllowed, canSee, highestRole } from './access-policy.js';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'unexpected';
  }
}

describe('access policy', () => {
  it('lets viewers read, editors write and owners manage', () => {
    expect(allows('viewer', 'read')).toBe(true);
    expect(allows('viewer', 'write')).toBe(false);
    expect(allows('editor', 'write')).toBe(true);
    expect(allows('editor', 'manage')).toBe(false);
    expect(allows('owner', 'manage')).toBe(true);
    expect(allows(null, 'read')).toBe(false);
  });

  it('hides projects a non-member cannot see behind not_found', () => {
    const hidden = { exists: true, isPublic: false, role: null };
    expect(canSee(hidden)).toBe(false);
    expect(codeOf(() => assertAllowed(hidden, 'read', 'project'))).toBe('not_found');
    expect(codeOf(() => assertAllowed({ ...hidden, exists: false }, 'read', 'project'))).toBe(
      'not_found',
    );
  });

  it('answers permission_denied to a member whose role is too low', () => {
    const viewer = { exists: true, isPublic: false, role: 'viewer' as const };
    expect(codeOf(() => assertAllowed(viewer, 'read', 'project'))).toBeUndefined();
    expect(codeOf(() => assertAllowed(viewer, 'write', 'project'))).toBe('permission_denied');
  });

  it('lets anyone read a public project but not write it', () => {
    const pub = { exists: true, isPublic: true, role: null };
    expect(codeOf(() => assertAllowed(pub, 'read', 'project'))).toBeUndefined();
    expect(codeOf(() => assertAllowed(pub, 'write', 'project'))).toBe('permission_denied');
  });

  it('picks the highest of several roles', () => {
    expect(highestRole([null, 'viewer', 'owner', 'editor'])).toBe('owner');
    expect(highestRole([null])).toBeNull();
  });
});

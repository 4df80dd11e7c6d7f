import { DomainError, type AccessAction, type ProjectRole } from '@hydroml/contracts';

const RANK: Record<ProjectRole, number> = { viewer: 1, editor: 2, owner: 3 };
const NEEDED: Record<AccessAction, number> = { read: 1, write: 2, manage: 3 };

export interface ProjectAccessFacts {
  exists: boolean;
  isPublic: boolean;
  role: ProjectRole | null;
}

export function highestRole(roles: Array<ProjectRole | null>): ProjectRole | null {
  let best: ProjectRole | null = null;
  for (const role of roles) if (role && (!best || RANK[role] > RANK[best])) best = role;
  return best;
}

export function canSee(facts: ProjectAccessFacts): boolean {
  return facts.exists && (facts.role !== null || facts.isPublic);
}

export function allows(role: ProjectRole | null, action: AccessAction): boolean {
  return role !== null && RANK[role] >= NEEDED[action];
}

/**
 * Throws unless the caller may do `action`: a resource the caller cannot see is `not_found`
 * (never revealing that it exists); one it can see but not change is `permission_denied`.
 */
export function assertAllowed(facts: ProjectAccessFacts, action: AccessAction, what: string): void {
  if (!canSee(facts)) throw new DomainError('not_found', `${what} not found`);
  if (action !== 'read' && !allows(facts.role, action)) {
    throw new DomainError(
      'permission_denied',
      `your role does not allow this ${action} on the ${what}`,
    );
  }
}

import { DomainError, type ProjectRole } from '@hydroml/contracts';

/** A project always keeps at least one owner. */
export function assertKeepsAnOwner(
  ownerCount: number,
  currentRole: ProjectRole,
  nextRole: ProjectRole | null,
): void {
  if (currentRole === 'owner' && nextRole !== 'owner' && ownerCount <= 1) {
    throw new DomainError('failed_precondition', 'a project must keep at least one owner');
  }
}

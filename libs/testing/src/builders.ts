import { randomBytes } from 'node:crypto';
import type { CreateProjectDto, RegisterDto } from '@hydroml/contracts';

function suffix(): string {
  return randomBytes(4).toString('hex');
}

export const TEST_PASSWORD = 'river-flow-2024';

/** A valid registration; every call gives a new username and email. */
export function makeUser(overrides: Partial<RegisterDto> = {}): RegisterDto {
  const name = `user_${suffix()}`;
  return { username: name, email: `${name}@example.org`, password: TEST_PASSWORD, ...overrides };
}

export function makeProject(overrides: Partial<CreateProjectDto> = {}): CreateProjectDto {
  return {
    name: `Basin study ${suffix()}`,
    description: 'Daily flows of the upper basin',
    ...overrides,
  };
}

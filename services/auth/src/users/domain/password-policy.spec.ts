import { DomainError } from '@hydroml/contracts';
import { checkPasswordPolicy } from './password-policy.js';

const owner = { username: 'hydro_ann', email: 'ann.river@example.org' };

function ruleOf(password: string): string | undefined {
  try {
    checkPasswordPolicy(password, owner);
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? (error.details?.rule as string) : 'unexpected';
  }
}

describe('password policy', () => {
  it('accepts a long password with letters and digits', () => {
    expect(ruleOf('river-flow-2024')).toBeUndefined();
  });

  it('names the rule a weak password breaks', () => {
    expect(ruleOf('short1')).toBe('min_length');
    expect(ruleOf('a1'.repeat(65))).toBe('max_length');
    expect(ruleOf('onlyletterspassword')).toBe('letters_and_digits');
    expect(ruleOf('12345678901')).toBe('letters_and_digits');
    expect(ruleOf('HYDRO_ANN-2024')).toBe('not_personal');
    expect(ruleOf('ann.river99x')).toBe('not_personal');
    expect(ruleOf('Password123')).toBe('not_common');
  });
});

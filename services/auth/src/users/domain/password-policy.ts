import { DomainError } from '@hydroml/contracts';

/**
 * The password policy (documented in the README):
 * - 10 to 128 characters;
 * - at least one letter and one digit;
 * - not containing the username or the local part of the email;
 * - not one of the most common passwords.
 */
export const PASSWORD_RULES = {
  minLength: 10,
  maxLength: 128,
} as const;

const COMMON = new Set([
  'password123',
  'password1234',
  '1234567890',
  'qwerty12345',
  'qwertyuiop1',
  'iloveyou123',
  'welcome123',
  'admin12345',
  'letmein1234',
  'abc1234567',
  'passw0rd123',
  'password12',
]);

export interface PasswordOwner {
  username: string;
  email: string;
}

export function checkPasswordPolicy(password: string, owner: PasswordOwner): void {
  const fail = (rule: string, message: string): never => {
    throw new DomainError('invalid_argument', message, { rule });
  };
  if (password.length < PASSWORD_RULES.minLength) {
    fail('min_length', `password must be at least ${PASSWORD_RULES.minLength} characters`);
  }
  if (password.length > PASSWORD_RULES.maxLength) {
    fail('max_length', `password must be at most ${PASSWORD_RULES.maxLength} characters`);
  }
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    fail('letters_and_digits', 'password must contain at least one letter and one digit');
  }
  const lower = password.toLowerCase();
  const localPart = owner.email.split('@')[0]?.toLowerCase() ?? '';
  if (
    lower.includes(owner.username.toLowerCase()) ||
    (localPart.length >= 3 && lower.includes(localPart))
  ) {
    fail('not_personal', 'password must not contain the username or email');
  }
  if (COMMON.has(lower)) fail('not_common', 'password is too common');
}

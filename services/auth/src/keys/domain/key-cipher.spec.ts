import { decryptText, encryptText } from './key-cipher.js';

describe('signing key cipher', () => {
  it('round-trips a secret and never stores it in clear', () => {
    const sealed = encryptText('{"d":"private"}', 'a-long-enough-secret');
    expect(sealed).not.toContain('private');
    expect(decryptText(sealed, 'a-long-enough-secret')).toBe('{"d":"private"}');
  });

  it('refuses to decrypt under another secret', () => {
    const sealed = encryptText('payload', 'first-secret-value');
    expect(() => decryptText(sealed, 'second-secret-value')).toThrow();
  });
});

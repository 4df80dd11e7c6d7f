import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box.js';

const k1 = `k1:${randomBytes(32).toString('base64')}`;
const k2 = `k2:${randomBytes(32).toString('base64')}`;

describe('secret box', () => {
  it('seals under the current key and opens it again', () => {
    const box = new SecretBox(k1);
    const sealed = box.seal('s3cret');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext).not.toContain('s3cret');
    expect(box.open(sealed)).toBe('s3cret');
  });

  it('opens secrets of older keys after a rotation, and refuses unknown keys', () => {
    const old = new SecretBox(k1).seal('pw');
    const rotated = new SecretBox(`${k2},${k1}`);
    expect(rotated.currentKeyId).toBe('k2');
    expect(rotated.open(old)).toBe('pw');
    expect(() => new SecretBox(k2).open(old)).toThrow(/unknown connector key/);
    expect(() => new SecretBox('bad:AAAA')).toThrow(/32 bytes/);
  });
});

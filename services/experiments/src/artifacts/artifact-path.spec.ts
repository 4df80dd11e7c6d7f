import { DomainError } from '@hydroml/contracts';
import { parseProxiedPath, validateArtifactPath } from './artifact-path.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'unexpected';
  }
}

describe('artifact paths', () => {
  it('accepts relative paths and refuses .., absolute paths, NUL and empty segments', () => {
    expect(validateArtifactPath('model/MLmodel')).toBe('model/MLmodel');
    expect(validateArtifactPath('dir/')).toBe('dir');
    expect(validateArtifactPath('')).toBe('');
    for (const bad of ['../x', 'a/../../b', '/etc/passwd', 'C:/x', 'a\0b', 'a//b', './a', '\\x']) {
      expect(codeOf(() => validateArtifactPath(bad))).toBe('invalid_argument');
    }
  });

  it('splits proxied paths into experiment, run and relative path', () => {
    expect(parseProxiedPath('3/abc/artifacts/m/f')).toEqual({
      experiment: '3',
      run: 'abc',
      relative: 'm/f',
    });
    expect(parseProxiedPath('3/abc/artifacts').relative).toBe('');
    expect(codeOf(() => parseProxiedPath('3/abc'))).toBe('not_found');
  });
});

import { assertBlobKey } from '@hydroml/storage';
import {
  artifactKey,
  decodeSegment,
  encodeSegment,
  listLevel,
  relativeOfKey,
} from './artifact-keys.js';
import { MLFLOW_ERRORS } from './mlflow-error.js';

describe('artifact blob keys', () => {
  it('escapes any name into a valid blob key and back', () => {
    for (const name of ['a b', '.hidden', '-x', '_u', '__', 'é=%?', 'model.pkl', '日本', '=']) {
      const encoded = encodeSegment(name);
      expect(() => assertBlobKey(`p/${encoded}`)).not.toThrow();
      expect(decodeSegment(encoded)).toBe(name);
    }
    const key = artifactKey('mlflow-artifacts/abc', 'dir one/f.txt');
    expect(key).toBe('mlflow-artifacts/abc/dir=20one/f.txt');
    expect(relativeOfKey('mlflow-artifacts/abc', key)).toBe('dir one/f.txt');
    expect(artifactKey('p', '')).toBe('p');
  });

  it('lists one directory level with each sub-directory once', () => {
    const paths = ['a.txt', 'm/x', 'm/y/z', 'n/q'];
    expect(listLevel(paths, '', (e) => e)).toEqual([
      { entry: 'a.txt', path: 'a.txt', isDir: false },
      { entry: 'm', path: 'm', isDir: true },
      { entry: 'n', path: 'n', isDir: true },
    ]);
    expect(listLevel(paths, 'm', (e) => `m/${e}`)).toEqual([
      { entry: 'x', path: 'm/x', isDir: false },
      { entry: 'y', path: 'm/y', isDir: true },
    ]);
  });

  it('maps every error code to an MLflow error name and status', () => {
    expect(MLFLOW_ERRORS.conflict).toEqual({ status: 400, errorCode: 'RESOURCE_ALREADY_EXISTS' });
    expect(MLFLOW_ERRORS.not_found.status).toBe(404);
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledWorkerUrl } from './worker-url.js';

describe('compiledWorkerUrl', () => {
  let root: string;
  beforeAll(async () => {
    // a checkout whose path holds characters a URL must escape
    root = await mkdtemp(join(tmpdir(), 'build #42 %-'));
    await mkdir(join(root, 'pkg', 'dist', 'w'), { recursive: true });
    await mkdir(join(root, 'pkg', 'src', 'w'), { recursive: true });
    await writeFile(join(root, 'pkg', 'dist', 'w', 'worker.js'), '');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('takes the compiled file next to the sources, or in dist/ when running from src/', () => {
    const fromSrc = pathToFileURL(join(root, 'pkg', 'src', 'w', 'worker.js'));
    const built = pathToFileURL(join(root, 'pkg', 'dist', 'w', 'worker.js'));
    expect(compiledWorkerUrl(fromSrc)?.href).toBe(built.href);
    expect(compiledWorkerUrl(built)?.href).toBe(built.href);
  });

  it('gives null when there is no compiled worker', () => {
    expect(compiledWorkerUrl(pathToFileURL(join(root, 'pkg', 'src', 'w', 'none.js')))).toBeNull();
    expect(compiledWorkerUrl(new URL('https://example.org/src/worker.js'))).toBeNull();
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SERVICE_NAMES } from '@hydroml/contracts';

const ROOT = join(import.meta.dirname, '..', '..');
const DEPLOYABLES = [...SERVICE_NAMES.map((s) => `services/${s}`), 'gateway'];

/**
 * Jest runs TypeScript through its own module loader, which forgives imports that Node's ESM
 * loader refuses (e.g. named imports from CommonJS packages). This loads every deployable's built
 * module graph in plain Node, as `npm start` and the images do (`npm test` builds first).
 */
describe('built deployables', () => {
  it.each(DEPLOYABLES)('%s loads in plain Node', (app) => {
    const script = `import 'reflect-metadata'; await import('./${app}/dist/app.module.js');`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

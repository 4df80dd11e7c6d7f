import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

describe('npm start', () => {
  it('stops before starting anything when a dependency is down, naming it and how to start it', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: { ...process.env, NATS_URL: 'nats://127.0.0.1:1', REDIS_URL: 'redis://127.0.0.1:2' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('NATS is not reachable at 127.0.0.1:1');
    expect(result.stderr).toContain('Redis is not reachable at 127.0.0.1:2');
    expect(result.stderr).toMatch(/redis-server --daemonize yes/);
    expect(result.stderr).not.toContain('PostgreSQL is not reachable');
  });
});

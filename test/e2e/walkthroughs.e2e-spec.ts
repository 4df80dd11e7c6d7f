import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startStack, type Stack } from './stack.js';

const run = promisify(execFile);
const script = (name: string) => fileURLToPath(new URL(`../../scripts/${name}`, import.meta.url));

/** The curl walk-throughs of the datasets, connectors, studio and quality issues, against the in-process platform. */
describe('curl walk-throughs', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('datasets: upload, SSE, versions, schema, preview, exports uploaded again', async () => {
    const { stdout } = await run('bash', [
      script('datasets-walkthrough.sh'),
      stack.baseUrl,
      '20000',
    ]);
    expect(stdout).toContain('ok   the generated CSV is one version of 20000 rows x 12 columns');
    expect(stdout).toContain('ok   the xlsx export uploaded again gives the same rows (same)');
    expect(stdout).toContain('all checks passed');
  });

  it('connectors: PostgreSQL and MariaDB connections, browse, preview, imports, no password out', async () => {
    const { stdout } = await run('bash', [
      script('connectors-walkthrough.sh'),
      stack.baseUrl,
      '5000',
    ]);
    expect(stdout).toContain('ok   the MariaDB version has 5000 rows');
    expect(stdout).toContain('ok   no response contained the MariaDB password (0)');
    expect(stdout).toContain('all checks passed');
  });

  it('studio: a 10-step session, undo, redo, edit, save, recipe replay', async () => {
    const { stdout } = await run('bash', [script('studio-walkthrough.sh'), stack.baseUrl], {
      // The 3M-row part runs against `npm start`; here the small file is enough.
      env: { ...process.env, FLIGHTS_PARQUET: '/nonexistent' },
    });
    expect(stdout).toContain('ok   apply it to another version');
    expect(stdout).toContain('all checks passed');
  });

  it('quality: profile, alerts, suggestions applied, suite, validation, reports', async () => {
    const out = await mkdtemp(join(tmpdir(), 'quality-walk-'));
    try {
      const { stdout } = await run('bash', [script('quality-walkthrough.sh'), stack.baseUrl], {
        env: { ...process.env, OUT: out },
      });
      expect(stdout).not.toContain('FAIL');
      expect(stdout).toContain('ok   history lists the run');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

// Worker threads run the compiled library, so this test drives dist/ in a child process.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const script = fileURLToPath(new URL('../test-fixtures/threads-check.mjs', import.meta.url));

describe('worker threads', () => {
  it('give the same forests, boosting models and forest predictions as one thread, progress hook or not (build libs/ml first)', () => {
    expect(existsSync(dist)).toBe(true);
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 120_000 });
    expect(JSON.parse(out)).toEqual({
      forest: true,
      boosting: true,
      classifier: true,
      parallelPredict: true,
      nonTrivial: true,
      progress: true,
    });
  }, 120_000);
});

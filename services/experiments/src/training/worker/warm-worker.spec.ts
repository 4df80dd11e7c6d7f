import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { WarmWorkers } from './warm-worker.js';

// A stand-in for the training worker: tells when it started, answers each message, or exits.
const SCRIPT = `import { parentPort } from 'node:worker_threads';
const startedAt = Date.now();
parentPort.on('message', (m) => {
  if (m === 'crash') process.exit(3);
  parentPort.postMessage({ echo: m, startedAt });
});`;

async function script(): Promise<URL> {
  const dir = await mkdtemp(join(tmpdir(), 'warm-worker-'));
  const path = join(dir, 'echo.mjs');
  await writeFile(path, SCRIPT);
  return pathToFileURL(path);
}

function ask(worker: Worker, message: unknown): Promise<{ echo: unknown; startedAt: number }> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(message);
  });
}

const exited = (worker: Worker) => new Promise((resolve) => worker.once('exit', resolve));

describe('WarmWorkers', () => {
  let workers: WarmWorkers;
  afterEach(() => workers.cool());

  it('hands over the worker started ahead, and takes back one whose training ended cleanly', async () => {
    workers = new WarmWorkers(await script());
    workers.warm();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const takenAt = Date.now();
    const first = workers.take();
    const answer = await ask(first, 'input');
    expect(answer.echo).toBe('input');
    expect(answer.startedAt).toBeLessThan(takenAt);
    const second = workers.take(); // none idle: started now
    expect(second.threadId).not.toBe(first.threadId);
    expect((await ask(second, 'next')).echo).toBe('next');
    workers.release(first);
    workers.release(second); // one idle worker is kept: this one ends
    await exited(second);
    const again = workers.take();
    expect(again.threadId).toBe(first.threadId);
    expect((await ask(again, 'reused')).startedAt).toBe(answer.startedAt);
    workers.release(again);
  });

  it('starts a new worker after one crashed while taken, and ends the idle one on cool', async () => {
    workers = new WarmWorkers(await script());
    const crashing = workers.take(); // none was warm: started now
    const code = exited(crashing);
    crashing.postMessage('crash');
    expect(await code).toBe(3);
    const next = workers.take();
    expect(next.threadId).not.toBe(crashing.threadId);
    expect((await ask(next, 'still works')).echo).toBe('still works');
    workers.release(next);
    const idleEnds = exited(next);
    await workers.cool();
    await idleEnds;
  });
});

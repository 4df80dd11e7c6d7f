import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { SQLITE_CHILD_SOURCE } from './sqlite-worker-source.js';

const MODULE = createRequire(import.meta.url).resolve('better-sqlite3');

export interface WorkerTask {
  op: 'version' | 'tables' | 'describe' | 'query';
  path: string;
  sql?: string;
  table?: string;
  batchRows?: number;
  limit?: number;
}

export interface WorkerMessage {
  done?: unknown;
  columns?: Array<{ name: string; type: string }>;
  rows?: unknown[][];
  last?: boolean;
  error?: string;
  code?: string;
}

/** An error from SQLite itself (corrupt file, syntax, missing table), with its code. */
export class SqliteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Runs one task in a fresh child process and yields its messages. Each wait for the next message
 * is bounded by `timeoutMs` (the child is killed past it); stopping the iteration kills it too.
 */
export async function* runInWorker(
  task: WorkerTask,
  timeoutMs: number,
): AsyncGenerator<WorkerMessage> {
  const child = spawn(process.execPath, ['-e', SQLITE_CHILD_SOURCE], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, HYDROML_SQLITE_TASK: JSON.stringify({ ...task, module: MODULE }) },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const inbox: Array<WorkerMessage | Error> = [];
  let wake: (() => void) | undefined;
  const push = (m: WorkerMessage | Error) => {
    inbox.push(m);
    wake?.();
  };
  child.on('message', (m: WorkerMessage) => push(m));
  child.on('error', (e) => push(e));
  child.on('exit', (code) => push(new Error(`the SQLite process stopped (${code}): ${stderr}`)));
  try {
    for (;;) {
      const next = inbox.shift() ?? (await nextMessage(inbox, (w) => (wake = w), timeoutMs));
      if (next instanceof Error) throw next;
      if (next.error !== undefined) throw new SqliteError(next.error, next.code);
      if (child.connected) child.send('more');
      yield next;
      if (next.done !== undefined || next.last) return;
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

function nextMessage<T>(
  inbox: T[],
  onWake: (wake: () => void) => void,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new SqliteError(`the query ran longer than ${timeoutMs} ms`, 'TIMEOUT')),
      timeoutMs,
    );
    onWake(() => {
      const value = inbox.shift();
      if (value !== undefined) {
        clearTimeout(timer);
        resolve(value);
      }
    });
  });
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Whether a worker thread can be started from `url` (the compiled worker file exists on disk). */
export function workerScriptAvailable(url: URL): boolean {
  return url.protocol === 'file:' && existsSync(fileURLToPath(url));
}

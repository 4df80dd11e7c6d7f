import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled worker script for `url`: the file itself when it exists, else (running from the
 * TypeScript sources, as tests do) the same file in the package's build output, `src/` -> `dist/`,
 * so tests train in a worker thread as the service does. Null when neither exists (not built).
 */
export function compiledWorkerUrl(url: URL): URL | null {
  if (url.protocol !== 'file:') return null;
  const path = fileURLToPath(url);
  if (existsSync(path)) return url;
  const at = path.lastIndexOf('/src/');
  if (at < 0) return null;
  const built = `${path.slice(0, at)}/dist/${path.slice(at + '/src/'.length)}`;
  return existsSync(built) ? new URL(`file://${built}`) : null;
}

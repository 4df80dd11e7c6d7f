import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The compiled worker script for `url`: the file itself when it exists, else (running from the
 * TypeScript sources, as tests do) the same file in the package's build output, `src/` -> `dist/`,
 * so tests train in a worker thread as the service does. Null when neither exists (not built).
 */
export function compiledWorkerUrl(url: URL): URL | null {
  if (url.protocol !== 'file:') return null;
  const path = fileURLToPath(url);
  if (existsSync(path)) return url;
  const src = `${sep}src${sep}`;
  const at = path.lastIndexOf(src);
  if (at < 0) return null;
  const built = `${path.slice(0, at)}${sep}dist${sep}${path.slice(at + src.length)}`;
  return existsSync(built) ? pathToFileURL(built) : null;
}

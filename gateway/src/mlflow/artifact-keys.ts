/**
 * Artifact names may hold any character; blob keys only safe ones. Each path segment is escaped
 * reversibly: bytes outside [A-Za-z0-9_.-] (and a leading '.', '-' or '_') become `=XX`, and a
 * segment that then starts with '=' gets a '_' in front (keys' segments may not start with '=').
 */
const SAFE = /[A-Za-z0-9_.-]/;

export function encodeSegment(segment: string): string {
  let out = '';
  for (const byte of Buffer.from(segment, 'utf8')) {
    const ch = String.fromCharCode(byte);
    const leading = out === '' && (ch === '.' || ch === '-' || ch === '_');
    out +=
      byte < 128 && SAFE.test(ch) && !leading
        ? ch
        : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out.startsWith('=') ? `_${out}` : out;
}

export function decodeSegment(segment: string): string {
  const bytes: number[] = [];
  for (let i = segment.startsWith('_') ? 1 : 0; i < segment.length; i += 1) {
    if (segment[i] === '=') {
      bytes.push(parseInt(segment.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(segment.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The blob key of `relative` below a run's artifact prefix. */
export function artifactKey(prefix: string, relative: string): string {
  if (relative === '') return prefix;
  return `${prefix}/${relative.split('/').map(encodeSegment).join('/')}`;
}

export function relativeOfKey(prefix: string, key: string): string {
  return key
    .slice(prefix.length + 1)
    .split('/')
    .map(decodeSegment)
    .join('/');
}

export interface FileInfo {
  path: string;
  is_dir: boolean;
  file_size?: number;
}

/**
 * One directory level of a listing: the files directly under `dir` and the sub-directories that
 * hold deeper files, each once, with paths as `name(dir, entry)` wants them.
 */
export function listLevel(
  relativePaths: string[],
  dir: string,
  name: (entry: string) => string,
): Array<{ entry: string; path: string; isDir: boolean }> {
  const base = dir === '' ? '' : `${dir}/`;
  const seen = new Map<string, boolean>();
  for (const path of relativePaths) {
    if (!path.startsWith(base)) continue;
    const rest = path.slice(base.length);
    const slash = rest.indexOf('/');
    const entry = slash === -1 ? rest : rest.slice(0, slash);
    if (entry !== '' && !seen.has(entry)) seen.set(entry, slash !== -1);
  }
  return [...seen].map(([entry, isDir]) => ({ entry, path: name(entry), isDir }));
}

import { DomainError } from '@hydroml/contracts';

function bad(message: string): DomainError {
  return new DomainError('invalid_argument', message);
}

/** A relative artifact path: no NUL, no absolute path, no `..`, no empty or `.` segments. */
export function validateArtifactPath(path: string): string {
  if (path.includes('\0')) throw bad('Invalid artifact path: NUL bytes are not allowed');
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) {
    throw bad(`Invalid artifact path: '${path}' is absolute`);
  }
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '';
  const segments = trimmed.split(/[/\\]/);
  if (segments.some((s) => s === '..')) throw bad(`Invalid artifact path: '${path}' climbs out`);
  if (segments.some((s) => s === '' || s === '.')) {
    throw bad(`Invalid artifact path: '${path}' is not normalized`);
  }
  return segments.join('/');
}

/** `<experiment>/<run hex>/artifacts[/<relative>]`, as MLflow's proxied artifact paths are. */
export function parseProxiedPath(path: string): {
  experiment: string;
  run: string;
  relative: string;
} {
  const clean = validateArtifactPath(path);
  const [experiment, run, root, ...rest] = clean.split('/');
  if (!experiment || !run || root !== 'artifacts') {
    throw new DomainError('not_found', `No artifacts at '${path}'`);
  }
  return { experiment, run, relative: rest.join('/') };
}

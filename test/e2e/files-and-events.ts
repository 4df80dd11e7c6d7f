import { get } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobEvent } from '@hydroml/contracts';

/** Reads a Server-Sent Events stream until the server closes it; the `data:` lines as JSON. */
export function readEvents<T>(url: string, headers: Record<string, string>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve(
          text
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => JSON.parse(line.slice(6)) as T),
        ),
      );
    });
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error('SSE timed out')));
  });
}

/** A job's SSE stream, to its end (after a terminal state). */
export function followEvents(baseUrl: string, jobId: string, token: string): Promise<JobEvent[]> {
  return readEvents<JobEvent>(`${baseUrl}/api/v1/jobs/${jobId}/events`, { Authorization: token });
}

/** Every file below a directory (none when it does not exist). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

// `npm run bench`: every benchmark of the platform, each printing ratios against the reference it
// names, measured in the same run. Pass names to run some: `npm run bench -- api ml`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ALL = [
  'api',
  'tracking',
  'ingest',
  'connectors',
  'ml',
  'hpo',
  'studio',
  'features',
  'quality',
  'training',
];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
let failed = false;
for (const name of chosen) {
  const script = `bench/${name}/run.mjs`;
  if (!existsSync(script)) {
    console.log(`\n== bench/${name}: not present yet`);
    continue;
  }
  console.log(`\n== bench/${name}`);
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);

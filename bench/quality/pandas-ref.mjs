// The pandas reference of bench/quality (bench/quality/pandas_ref.py, Debian's python3-pandas).
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

/** pandas_ref.py's result on `csv` (`dates`: the columns to parse), or null without pandas. */
export function pandasReference(csv, dates) {
  const check = spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' });
  if (check.status !== 0) {
    console.log('pandas is missing: apt-get install -y python3-pandas');
    return null;
  }
  const run = spawnSync(PYTHON, ['bench/quality/pandas_ref.py', csv, dates], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pandas: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

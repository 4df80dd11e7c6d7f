import type { MlTask, PreflightIssue, PreflightResult } from '@hydroml/contracts';
import {
  PREFLIGHT_LIMITS as L,
  type PreflightColumn,
  type PreflightRequest,
  type PreflightStats,
} from './preflight.types.js';

const NUMERIC = new Set(['integer', 'float']);
const FEATURE_TYPES = new Set(['integer', 'float', 'boolean', 'string', 'date', 'timestamp']);

interface Findings {
  errors: PreflightIssue[];
  warnings: PreflightIssue[];
}

/** The pre-flight verdict from column statistics: plain rules, no I/O. */
export function assessPreflight(stats: PreflightStats, request: PreflightRequest): PreflightResult {
  const found: Findings = { errors: [], warnings: [] };
  const { task, taskInferred } = chooseTask(stats, request);
  checkTarget(stats, task, found);
  const usableFeatures = checkFeatures(stats, request, found);
  checkRows(stats, usableFeatures.length, found);
  if (task === 'classification') checkClasses(stats, found);
  const result: PreflightResult = {
    ok: found.errors.length === 0,
    ...{ errors: found.errors, warnings: found.warnings, task, taskInferred, usableFeatures },
    ...{ rows: stats.rows, rowsWithTarget: stats.target.present },
  };
  if (task === 'classification') result.classes = stats.classes;
  return result;
}

/** Integer targets with few distinct values and every non-numeric target are classification. */
export function inferTask(target: PreflightColumn): MlTask {
  if (target.type === 'float') return 'regression';
  if (target.type === 'integer') {
    return target.distinct <= L.maxClassesInferred ? 'classification' : 'regression';
  }
  return 'classification';
}

function chooseTask(stats: PreflightStats, request: PreflightRequest) {
  if (request.task) return { task: request.task, taskInferred: false };
  return { task: inferTask(stats.target), taskInferred: true };
}

function checkTarget(stats: PreflightStats, task: MlTask, found: Findings): void {
  const t = stats.target;
  const err = (code: PreflightIssue['code'], message: string) =>
    found.errors.push({ code, message, column: t.name });
  if (t.present === 0) return void err('target_all_missing', `target ${t.name} has no values`);
  if (t.distinct === 1) err('target_constant', `target ${t.name} has a single value`);
  if (t.type === 'other') err('target_unsupported_type', `target ${t.name} has an unusable type`);
  if (task === 'regression' && !NUMERIC.has(t.type)) {
    err('target_not_numeric', `regression needs a numeric target; ${t.name} is ${t.type}`);
  }
  if (task === 'classification' && t.distinct > L.maxClasses) {
    err('too_many_classes', `${t.name} has ${t.distinct} classes (at most ${L.maxClasses})`);
  } else if (task === 'classification' && t.distinct > L.manyClasses) {
    warn(found, 'many_classes', `${t.name} has ${t.distinct} classes`, t.name);
  }
  const missing = stats.rows - t.present;
  if (missing > 0) {
    const message = `${missing} of ${stats.rows} rows have no ${t.name}; they will not be used`;
    warn(found, 'target_missing', message, t.name);
  }
}

function warn(found: Findings, code: PreflightIssue['code'], message: string, column?: string) {
  found.warnings.push(column === undefined ? { code, message } : { code, message, column });
}

function checkFeatures(
  stats: PreflightStats,
  request: PreflightRequest,
  found: Findings,
): string[] {
  for (const name of stats.missingFeatures) {
    found.errors.push({ code: 'feature_not_found', message: `no column ${name}`, column: name });
  }
  if (request.features?.includes(request.target)) {
    const message = `the target ${request.target} cannot also be a feature`;
    found.errors.push({ code: 'feature_is_target', message, column: request.target });
  }
  const usable = stats.features
    .filter((f) => f.name !== request.target)
    .filter((f) => featureUsable(stats, f, found));
  if (usable.length === 0) {
    found.errors.push({ code: 'no_usable_features', message: 'no usable feature column is left' });
  }
  return usable.map((f) => f.name);
}

/** Excludes (with a warning) features that cannot help; flags leakage as an error. */
function featureUsable(stats: PreflightStats, f: PreflightColumn, found: Findings): boolean {
  if (f.equalsTarget) {
    const message = `${f.name} holds exactly the target's values (leakage)`;
    found.errors.push({ code: 'leakage', message, column: f.name });
    return false;
  }
  const exclusion = exclusionOf(stats, f);
  if (exclusion) {
    warn(found, exclusion.code, `${exclusion.message}; ${f.name} is left out`, f.name);
    return false;
  }
  featureWarnings(stats, f, found);
  return true;
}

function exclusionOf(stats: PreflightStats, f: PreflightColumn) {
  type Exclusion = { code: PreflightIssue['code']; message: string } | null;
  let out: Exclusion = null;
  if (!FEATURE_TYPES.has(f.type))
    out = { code: 'feature_unsupported_type', message: 'unusable type' };
  else if (f.present === 0) out = { code: 'feature_all_missing', message: 'no values' };
  else if (f.distinct === 1) out = { code: 'feature_constant', message: 'a single value' };
  else if (isIdLike(stats, f))
    out = { code: 'feature_id_like', message: 'a distinct value per row' };
  return out;
}

/** Text or integer values all distinct over more than a handful of rows: an identifier. */
export function isIdLike(stats: PreflightStats, f: PreflightColumn): boolean {
  if (f.type !== 'string' && f.type !== 'integer') return false;
  return stats.rows >= L.minRows && f.present === stats.rows && f.distinct === stats.rows;
}

function featureWarnings(stats: PreflightStats, f: PreflightColumn, found: Findings): void {
  const missingShare = stats.rows === 0 ? 0 : 1 - f.present / stats.rows;
  if (missingShare > L.highMissing) {
    const percent = (missingShare * 100).toFixed(1);
    warn(found, 'feature_high_missing', `${f.name} misses ${percent} % of values`, f.name);
  }
  if (f.type === 'string' && f.distinct > L.highCardinality && f.distinct > stats.rows / 2) {
    warn(found, 'feature_high_cardinality', `${f.name} has ${f.distinct} categories`, f.name);
  }
  if (f.corrWithTarget !== null && Math.abs(f.corrWithTarget) >= L.leakageCorrelation) {
    const message = `${f.name} correlates with the target at r = ${f.corrWithTarget.toFixed(4)}`;
    warn(found, 'leakage_suspected', message, f.name);
  }
}

function checkRows(stats: PreflightStats, features: number, found: Findings): void {
  const rows = stats.target.present;
  if (rows < L.minRows) {
    const message = `${rows} rows with a target; at least ${L.minRows} are needed`;
    found.errors.push({ code: 'too_few_rows', message });
  } else if (features > 0 && rows / features < L.minRowsPerFeature) {
    const message = `${(rows / features).toFixed(1)} rows per feature (fewer than ${L.minRowsPerFeature})`;
    warn(found, 'low_rows_per_feature', message);
  }
}

function checkClasses(stats: PreflightStats, found: Findings): void {
  const classes = stats.classes;
  if (classes.length < 2) return;
  const largest = classes[0].count;
  const smallest = classes[classes.length - 1];
  if (smallest.count / largest < L.imbalanceRatio) {
    const message = `class ${smallest.value} has ${smallest.count} rows against ${largest} for ${classes[0].value}`;
    warn(found, 'class_imbalance', message, stats.target.name);
  }
  for (const c of classes.filter((k) => k.count < 2)) {
    const message = `class ${c.value} has a single row (cannot be in both train and test)`;
    warn(found, 'rare_class', message, stats.target.name);
  }
}

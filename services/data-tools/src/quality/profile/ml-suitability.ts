import type {
  ColumnProfile,
  MlColumnSuitability,
  ProfileAlert,
  TableProfile,
} from '@hydroml/contracts';
import { ALERT_THRESHOLDS } from './alert-thresholds.js';

/** A feature missing more than this share of values is not usable as is. */
export const TOO_MANY_MISSING = 0.5;
/** An integer target with at most this many values is a classification target. */
const MAX_CLASSES_INFERRED = 20;
/** |r| at which two columns carry the same information (leakage when one is the target). */
const SAME_INFORMATION = 0.999;

/** Per column: usable as a target (and for which task) and as a feature, with reasons. */
export function mlSuitability(
  columns: readonly ColumnProfile[],
  alerts: readonly ProfileAlert[],
): MlColumnSuitability[] {
  const twins = new Map<string, string[]>();
  for (const a of alerts) {
    const other = a.details?.with;
    if (a.type !== 'high_correlation' || !a.column || typeof other !== 'string') continue;
    if (Math.abs(a.value) < SAME_INFORMATION) continue;
    twins.set(a.column, [...(twins.get(a.column) ?? []), other]);
    twins.set(other, [...(twins.get(other) ?? []), a.column]);
  }
  return columns.map((c) => ({
    column: c.name,
    asTarget: targetSuitability(c),
    asFeature: featureSuitability(c, twins.get(c.name) ?? []),
  }));
}

function commonReasons(c: ColumnProfile): string[] {
  const reasons: string[] = [];
  if (c.semanticType === 'empty') reasons.push('no values');
  if (c.semanticType === 'constant') reasons.push('constant');
  if (c.semanticType === 'id_like') reasons.push('id-like (a different value in every row)');
  if (c.missingShare > TOO_MANY_MISSING)
    reasons.push(`too many missing (${(c.missingShare * 100).toFixed(1)} %)`);
  if (c.type === 'other') reasons.push('unsupported type');
  return reasons;
}

function featureSuitability(c: ColumnProfile, twins: string[]) {
  const reasons = commonReasons(c);
  if (c.semanticType === 'text' && c.distinct > ALERT_THRESHOLDS.cardinality) {
    reasons.push(`high cardinality (${c.distinct} values)`);
  }
  const ok = reasons.length === 0;
  // Not blocking: a near-copy of another column leaks if that column is the target.
  for (const t of twins)
    reasons.push(`carries the same information as ${t} (leakage if ${t} is the target)`);
  return { ok, reasons };
}

function targetSuitability(c: ColumnProfile) {
  const reasons = commonReasons(c);
  let task: 'regression' | 'classification' | null = null;
  if (c.type === 'float' || (c.semanticType === 'numeric' && c.type !== 'integer'))
    task = 'regression';
  else if (c.type === 'integer')
    task = c.distinct <= MAX_CLASSES_INFERRED ? 'classification' : 'regression';
  else if (c.semanticType === 'categorical' || c.semanticType === 'boolean')
    task = 'classification';
  else if (reasons.length === 0) reasons.push(`a ${c.semanticType} column is not a target`);
  if (c.type === 'string' && c.semanticType === 'numeric')
    reasons.push('numbers stored as text: convert first');
  return { ok: reasons.length === 0 && task !== null, task: reasons.length ? null : task, reasons };
}

/**
 * Readiness 0..100: 40 points for complete cells, 20 for unique rows, 40 for the share of
 * columns usable as features; minus 2 per alert (at most 20).
 */
export function readinessScore(
  table: TableProfile,
  ml: readonly MlColumnSuitability[],
  alerts: readonly ProfileAlert[],
): number {
  if (table.rows === 0 || ml.length === 0) return 0;
  const usable = ml.filter((m) => m.asFeature.ok).length / ml.length;
  const raw =
    40 * (1 - table.missingCellsShare) +
    20 * (1 - table.duplicateRowsShare) +
    40 * usable -
    Math.min(20, 2 * alerts.length);
  return Math.round(Math.max(0, Math.min(100, raw)) * 10) / 10;
}

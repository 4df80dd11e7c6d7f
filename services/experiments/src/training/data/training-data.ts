import {
  DomainError,
  type ColumnSchema,
  type MlTask,
  type PreflightResult,
  type TrainingSpecDto,
} from '@hydroml/contracts';
import { ident } from '@hydroml/recipes';
import type { TrainInput, TrainSettings } from '../domain/train-types.js';
import { checkModelParams } from '../domain/model-params.js';
import {
  encodeNew,
  FEATURE_TYPES,
  inferTask,
  isCategorical,
  toNumber,
  trainingColumn,
} from './columns.js';
import { asNumbers, readColumns, type ColumnKind } from './column-reader.js';
import { findColumn, type OpenedVersion } from './version-reader.js';

/** What a spec resolves to once the data's schema is known. */
export interface ResolvedSpec {
  target: string;
  features: string[];
  task: MlTask;
  timeColumn: string | null;
  settings: TrainSettings;
}

function castFeature(column: ColumnSchema): string {
  const c = ident(column.name);
  if (column.type === 'date' || column.type === 'timestamp') return `CAST(epoch(${c}) AS DOUBLE)`;
  return isCategorical(column) ? `CAST(${c} AS VARCHAR)` : `CAST(${c} AS DOUBLE)`;
}

/** Features: as given, else every model-readable column but the target and the time column. */
function chooseFeatures(
  spec: TrainingSpecDto,
  schema: ColumnSchema[],
  excluded: Set<string>,
): ColumnSchema[] {
  if (spec.features && spec.features.length > 0) {
    return spec.features.map((name) => findColumn(schema, name, 'feature'));
  }
  const chosen = schema.filter(
    (c) => FEATURE_TYPES.has(c.type) && !excluded.has(c.name) && c.name !== spec.target,
  );
  if (chosen.length === 0)
    throw new DomainError('failed_precondition', 'no usable feature columns');
  return chosen;
}

/** Columns pre-flight left out of its usable features (ids, constants, empty columns). */
export function preflightExclusions(
  preflight: PreflightResult | null,
  raw: ColumnSchema[],
): Set<string> {
  if (!preflight) return new Set();
  const usable = new Set(preflight.usableFeatures);
  return new Set(raw.map((c) => c.name).filter((n) => !usable.has(n)));
}

async function distinctCount(opened: OpenedVersion, target: string): Promise<number> {
  const sql = `${opened.recipe.withClause} SELECT count(DISTINCT ${ident(target)}) AS n FROM ${ident(opened.recipe.head)}`;
  const rows = (await opened.connection.runAndReadAll(sql, opened.recipe.binds)).getRowObjectsJS();
  return toNumber(rows[0]?.n);
}

export async function resolveSpec(
  opened: OpenedVersion,
  spec: TrainingSpecDto,
  preflight: PreflightResult | null,
  threads: number,
): Promise<ResolvedSpec> {
  const schema = opened.recipe.schema;
  const target = findColumn(schema, spec.target, 'target');
  const timeColumn = spec.split?.timeColumn ?? null;
  if (timeColumn) findColumn(schema, timeColumn, 'time column');
  const excluded = preflightExclusions(preflight, opened.location.schema);
  if (timeColumn) excluded.add(timeColumn);
  const features = chooseFeatures(spec, schema, excluded).map((c) => c.name);
  const task =
    spec.task ?? preflight?.task ?? inferTask(target, await distinctCount(opened, target.name));
  const mode =
    spec.split?.mode ?? (timeColumn ? 'time' : task === 'classification' ? 'stratified' : 'random');
  const settings: TrainSettings = {
    task,
    model: {
      type: spec.model.type,
      params: checkModelParams(spec.model.type, task, spec.model.params),
    },
    split: { mode, testFraction: spec.split?.testFraction ?? 0.2, seed: spec.split?.seed ?? 42 },
    validation: { mode: spec.validation?.mode ?? 'holdout', folds: spec.validation?.folds ?? 5 },
    metrics: spec.metrics ?? [],
    threads,
    skipExplanations: spec.skipExplanations ?? false,
  };
  return { target: target.name, features, task, timeColumn, settings };
}

/** Reads the rows with a target into libs/ml columns (time order when there is a time column). */
export async function readTrainInput(
  opened: OpenedVersion,
  resolved: ResolvedSpec,
): Promise<TrainInput> {
  const schema = opened.recipe.schema;
  const columns = resolved.features.map((n) => findColumn(schema, n, 'feature'));
  const target = ident(resolved.target);
  const exprs = columns.map((c, j) => `${castFeature(c)} AS "f${j}"`);
  const classification = resolved.task === 'classification';
  exprs.push(`CAST(${target} AS ${classification ? 'VARCHAR' : 'DOUBLE'}) AS "__y"`);
  if (resolved.timeColumn) exprs.push(`CAST(${ident(resolved.timeColumn)} AS VARCHAR) AS "__t"`);
  const order = resolved.timeColumn ? `${ident(resolved.timeColumn)}, "__hydroml_rid"` : undefined;
  const sql = opened.select(exprs, `WHERE ${target} IS NOT NULL`, order);
  const kinds = columns.map((c): ColumnKind => (isCategorical(c) ? 'text' : 'number'));
  kinds.push(classification ? 'text' : 'number');
  if (resolved.timeColumn) kinds.push('text');
  const data = await readColumns(opened.connection, sql, opened.recipe.binds, kinds);
  if (data.length === 0 || data[0].length === 0) {
    throw new DomainError('failed_precondition', `the target '${resolved.target}' has no values`);
  }
  const features = columns.map((c, j) => trainingColumn(c.name, isCategorical(c), data[j]));
  const y = data[columns.length];
  const labels = classification ? encodeNew(y) : null;
  return {
    features,
    target: labels ? labels.codes : asNumbers(y),
    targetName: resolved.target,
    classes: labels?.categories,
    timeLabels: resolved.timeColumn ? Array.from(data[columns.length + 1], String) : undefined,
    settings: resolved.settings,
  };
}

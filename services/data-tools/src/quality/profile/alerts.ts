import type {
  ColumnProfile,
  CorrelationMatrix,
  ProfileAlert,
  TableProfile,
} from '@hydroml/contracts';
import { ALERT_THRESHOLDS as T } from './alert-thresholds.js';
import { Suggest, dateFormatOf } from './suggestions.js';

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

/** Every alert of a profile, table-wide first, then per column in column order. */
export function profileAlerts(
  table: TableProfile,
  columns: readonly ColumnProfile[],
  correlations: ReadonlyArray<CorrelationMatrix | null>,
): ProfileAlert[] {
  return [
    ...tableAlerts(
      table,
      columns.map((c) => c.name),
    ),
    ...columns.flatMap((c) => columnAlerts(c, table.rows)),
    ...correlationAlerts(correlations),
  ];
}

function tableAlerts(table: TableProfile, names: readonly string[]): ProfileAlert[] {
  const alerts: ProfileAlert[] = [];
  if (table.rows === 0) {
    alerts.push({
      type: 'empty',
      message: 'The table has no rows',
      value: 0,
      threshold: 0,
      suggestion: null,
    });
  }
  if (table.duplicateRows > T.duplicates) {
    alerts.push({
      type: 'duplicates',
      message: `${table.duplicateRows} duplicate rows (${pct(table.duplicateRowsShare)})`,
      ...{ value: table.duplicateRows, threshold: T.duplicates, suggestion: Suggest.deduplicate() },
    });
  }
  const partial = table.duplicatesIgnoring;
  if (partial && partial.rows > table.duplicateRows && partial.rows > T.duplicates) {
    const rest = names.filter((n) => !partial.columns.includes(n));
    alerts.push({
      type: 'duplicates',
      message: `${partial.rows} rows repeat every value apart from ${partial.columns.join(', ')}`,
      ...{ value: partial.rows, threshold: T.duplicates },
      suggestion: rest.length ? Suggest.deduplicate(rest) : null,
      details: { ignoring: partial.columns },
    });
  }
  return alerts;
}

function columnAlerts(c: ColumnProfile, rows: number): ProfileAlert[] {
  const out: ProfileAlert[] = [];
  const add = (a: Omit<ProfileAlert, 'column'>) => out.push({ ...a, column: c.name });
  if (c.missingShare > T.missing) {
    const message = `${c.name} has ${c.missing} missing values (${pct(c.missingShare)})`;
    add({
      type: 'missing',
      message,
      value: c.missingShare,
      threshold: T.missing,
      suggestion: Suggest.fillMissing(c),
    });
  }
  if (c.count > 0 && c.distinct === 1) {
    add({
      type: 'constant',
      message: `${c.name} has a single value`,
      value: 1,
      threshold: 1,
      suggestion: Suggest.dropColumn(c.name),
    });
  }
  // ydata: n_distinct == n (n counts every row, so a column with missing values is never unique).
  if (rows > 1 && c.distinct === rows && !c.distinctApproximate) {
    const suggestion = c.semanticType === 'id_like' ? Suggest.dropColumn(c.name) : null;
    add({
      type: 'unique',
      message: `${c.name} has a different value in every row`,
      value: c.distinct,
      threshold: rows,
      suggestion,
    });
  }
  out.push(...categoricalAlerts(c), ...numericAlerts(c), ...textAlerts(c), ...timeAlerts(c));
  return out;
}

function categoricalAlerts(c: ColumnProfile): ProfileAlert[] {
  const out: ProfileAlert[] = [];
  const categorical = c.semanticType === 'categorical' || c.semanticType === 'text';
  if (c.type === 'string' && categorical && c.distinct > T.cardinality) {
    out.push({
      ...{ type: 'high_cardinality', column: c.name, value: c.distinct, threshold: T.cardinality },
      message: `${c.name} has ${c.distinct} distinct values`,
      suggestion: Suggest.dropColumn(c.name),
    });
  }
  if (c.imbalance !== undefined && c.imbalance > T.imbalance) {
    out.push({
      ...{ type: 'imbalance', column: c.name, value: c.imbalance, threshold: T.imbalance },
      message: `${c.name} is highly imbalanced (${c.imbalance.toFixed(3)})`,
      // Rare labels of a text column can share one bucket; a boolean's balance is the data's.
      suggestion: c.type === 'string' ? Suggest.bucketRare(c.name) : null,
    });
  }
  return out;
}

function numericAlerts(c: ColumnProfile): ProfileAlert[] {
  const n = c.numeric;
  if (!n || c.count === 0) return [];
  const out: ProfileAlert[] = [];
  if (n.skewness !== null && Math.abs(n.skewness) > T.skewness) {
    out.push({
      ...{ type: 'skewed', column: c.name, value: n.skewness, threshold: T.skewness },
      message: `${c.name} is highly skewed (γ1 = ${n.skewness.toFixed(2)})`,
      suggestion: Suggest.logTransform(c),
    });
  }
  const zeros = n.zeros / (c.count + c.missing);
  if (zeros > T.zeros) {
    out.push({
      ...{ type: 'zeros', column: c.name, value: zeros, threshold: T.zeros },
      message: `${c.name} has ${n.zeros} zeros (${pct(zeros)})`,
      suggestion: Suggest.toNull(c.name, ['0'], 'zeros (if 0 means "no reading")'),
    });
  }
  const infinite = n.infinite / (c.count + c.missing);
  if (infinite > T.infinite) {
    out.push({
      ...{ type: 'infinite', column: c.name, value: infinite, threshold: T.infinite },
      message: `${c.name} has ${n.infinite} infinite values (${pct(infinite)})`,
      suggestion: Suggest.infinitiesToNull(c.name),
    });
  }
  return out;
}

function textAlerts(c: ColumnProfile): ProfileAlert[] {
  const out: ProfileAlert[] = [];
  const nullLike = c.nullLike.reduce((s, v) => s + v.count, 0);
  if (nullLike > T.nullLike) {
    const values = c.nullLike.map((v) => v.value);
    out.push({
      ...{ type: 'null_like', column: c.name, value: nullLike, threshold: T.nullLike },
      message: `${c.name} holds ${nullLike} values that look like missing (${values.map((v) => `"${v}"`).join(', ')})`,
      suggestion: Suggest.toNull(c.name, values),
    });
  }
  const t = c.text;
  if (!t) return out;
  const meaningful = c.count - nullLike;
  const others = meaningful - t.numeric;
  if (t.numeric > 0 && others > 0 && c.semanticType === 'numeric') {
    out.push({
      ...{
        type: 'mixed_types',
        column: c.name,
        value: others / meaningful,
        threshold: T.mixedTypes,
      },
      message: `${c.name} mixes numbers with ${others} text values`,
      suggestion: Suggest.castNumber(c.name),
      details: { numbers: t.numeric, text: others },
    });
  }
  const dates = meaningful > 0 ? t.dates / meaningful : 0;
  if (dates >= T.typeDate) {
    out.push({
      ...{ type: 'type_date', column: c.name, value: dates, threshold: T.typeDate },
      message: `${c.name} holds dates stored as text`,
      suggestion: Suggest.parseDate(c.name, dateFormatOf(c)),
    });
  }
  return out;
}

function timeAlerts(c: ColumnProfile): ProfileAlert[] {
  const d = c.datetime;
  if (!d || d.irregularSteps <= T.irregularSteps) return [];
  const sorted = c.monotonic === 'increasing' || c.monotonic === 'strictly_increasing';
  return [
    {
      ...{ type: 'irregular_time_steps', column: c.name, value: d.irregularSteps },
      threshold: T.irregularSteps,
      message: `${c.name} has ${d.irregularSteps} irregular steps (${d.gaps} gaps) around a usual step of ${d.step ?? 0} s`,
      suggestion: sorted ? null : Suggest.sortBy(c.name),
      details: { step: d.step, gaps: d.gaps, largestGaps: d.largestGaps },
    },
  ];
}

function correlationAlerts(matrices: ReadonlyArray<CorrelationMatrix | null>): ProfileAlert[] {
  const seen = new Set<string>();
  const out: ProfileAlert[] = [];
  for (const m of matrices) {
    if (!m) continue;
    m.columns.forEach((a, i) =>
      m.columns.forEach((b, j) => {
        const r = m.values[i][j];
        if (j <= i || r === null || Math.abs(r) <= T.correlation || seen.has(`${a}\u0000${b}`))
          return;
        seen.add(`${a}\u0000${b}`);
        out.push({
          ...{ type: 'high_correlation', column: b, value: r, threshold: T.correlation },
          message: `${b} is highly correlated with ${a} (${r.toFixed(3)})`,
          suggestion: Suggest.dropColumn(b),
          details: { with: a },
        });
      }),
    );
  }
  return out;
}

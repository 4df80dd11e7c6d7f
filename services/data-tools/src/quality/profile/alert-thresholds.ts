/**
 * Alert thresholds: ydata-profiling's defaults, so results feel familiar. Sources (ydataai/
 * ydata-profiling): src/ydata_profiling/config_default.yaml (`vars.num.skewness_threshold: 20`,
 * `vars.cat.cardinality_threshold: 50`, `correlations.*.threshold: 0.9`), its settings
 * (`vars.cat.imbalance_threshold` and `vars.bool.imbalance_threshold` 0.5) and
 * src/ydata_profiling/model/alerts.py (`alert_value(v)`: v > 0.01 for the missing, zeros and
 * infinite shares and the duplicate count; unique when n_distinct == n; constant when
 * n_distinct == 1; skewed when |skewness| > threshold).
 * An alert fires when the value is strictly above its threshold (`>`), except unique/constant.
 */
export const ALERT_THRESHOLDS = {
  /** Share of missing cells in a column (ydata `alert_value`). */
  missing: 0.01,
  /** Share of zeros (ydata `alert_value`). */
  zeros: 0.01,
  /** Share of infinite values (ydata `alert_value`). */
  infinite: 0.01,
  /** Duplicate rows (ydata `alert_value(n_duplicates)`: any duplicate row). */
  duplicates: 0.01,
  /** |skewness| (ydata `vars.num.skewness_threshold`). */
  skewness: 20,
  /** Distinct values of a categorical column (ydata `vars.cat.cardinality_threshold`). */
  cardinality: 50,
  /** 1 - entropy / log2(classes) (ydata `vars.cat|bool.imbalance_threshold`). */
  imbalance: 0.5,
  /** |correlation| between two columns (ydata `correlations.auto.threshold`). */
  correlation: 0.9,
  // Ours:
  /** Values of a text column that read as numbers while others do not: share of the non-numbers. */
  mixedTypes: 0,
  /** Null-like tokens ("NA", "#N/A", "null", -999 ...) found in a column. */
  nullLike: 0,
  /** Steps between consecutive datetimes that differ from the most common step. */
  irregularSteps: 0,
  /** Share of text values that read as dates for ydata's TYPE_DATE alert. */
  typeDate: 0.8,
} as const;

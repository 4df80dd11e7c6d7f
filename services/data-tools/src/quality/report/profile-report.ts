import type { ColumnProfile, ProfileAlert, ProfileView } from '@hydroml/contracts';
import { bars, esc, facts, fmt, heatmap, page, pct, table } from './html.js';

/** The profile as one self-contained HTML page (inline CSS and SVG only). */
export function renderProfileReport(p: ProfileView): string {
  const sections = [
    overview(p),
    alertsSection(p.alerts),
    `<section><h2>Columns</h2>${p.columns.map(columnSection).join('\n')}</section>`,
    correlations(p),
    missingSection(p),
    mlSection(p),
  ];
  const subtitle = `Data source ${p.dataSourceId}, version ${p.version} · computed ${p.computedAt} in ${fmt(Math.round(p.durationMs))} ms`;
  return page(`Profile · version ${p.version}`, subtitle, sections.join('\n'));
}

function overview(p: ProfileView): string {
  const t = p.table;
  const dupIgnoring = t.duplicatesIgnoring
    ? `${fmt(t.duplicatesIgnoring.rows)} (ignoring ${esc(t.duplicatesIgnoring.columns.join(', '))})`
    : '–';
  const examples = t.duplicateExamples.length
    ? `<h3>Repeated rows</h3>${table(
        [...Object.keys(t.duplicateExamples[0].row), 'times'],
        t.duplicateExamples.map((e) => [...Object.values(e.row).map(esc), fmt(e.count)]),
      )}`
    : '';
  return `<section><h2>Overview</h2><div class="grid">${facts([
    ['Rows', fmt(t.rows)],
    ['Columns', fmt(t.columns)],
    ['Size', `${fmt(t.bytes)} bytes`],
    ['Missing cells', `${fmt(t.missingCells)} (${pct(t.missingCellsShare)})`],
  ])}${facts([
    ['Duplicate rows', `${fmt(t.duplicateRows)} (${pct(t.duplicateRowsShare)})`],
    ['Repeated values', dupIgnoring],
    ['ML readiness', `${fmt(p.ml.readiness)} / 100`],
    ['Alerts', fmt(p.alerts.length)],
  ])}</div>${examples}</section>`;
}

function alertsSection(alerts: readonly ProfileAlert[]): string {
  if (alerts.length === 0) return '<section><h2>Alerts</h2><p>No alerts.</p></section>';
  const rows = alerts.map((a) => [
    `<span class="tag warn">${esc(a.type)}</span>`,
    esc(a.column ?? '(table)'),
    esc(a.message),
    a.suggestion
      ? `${esc(a.suggestion.title)}<br><code>${esc(JSON.stringify(a.suggestion.step))}</code>`
      : '–',
  ]);
  return `<section><h2>Alerts (${alerts.length})</h2>${table(['alert', 'column', 'what', 'suggested step'], rows)}</section>`;
}

function columnSection(c: ColumnProfile): string {
  const base: Array<[string, string]> = [
    [
      'Type',
      `${esc(c.type)} (${esc(c.sourceType)}) · <span class="tag">${esc(c.semanticType)}</span>`,
    ],
    ['Present', fmt(c.count)],
    ['Missing', `${fmt(c.missing)} (${pct(c.missingShare)})`],
    [
      'Distinct',
      `${fmt(c.distinct)}${c.distinctApproximate ? ' (approximate)' : ''} (${pct(c.distinctShare)})`,
    ],
    ['Monotonic', esc(c.monotonic ?? '–')],
  ];
  if (c.nullLike.length)
    base.push(['Null-like', esc(c.nullLike.map((v) => `${v.value} ×${v.count}`).join(', '))]);
  const detail = [numeric(c), text(c), datetime(c), top(c)].join('');
  return `<div class="col"><h3>${esc(c.name)}</h3><div class="grid">${facts(base)}${detail}</div></div>`;
}

function numeric(c: ColumnProfile): string {
  const n = c.numeric;
  if (!n) return '';
  const q = n.quantiles;
  return (
    facts([
      ['Mean', fmt(n.mean)],
      ['Std (sample)', fmt(n.std)],
      ['Min / max', `${fmt(n.min)} / ${fmt(n.max)}`],
      ['5 / 25 / 50 / 75 / 95 %', [q.p5, q.p25, q.p50, q.p75, q.p95].map(fmt).join(' / ')],
      ['IQR · CV', `${fmt(n.iqr)} · ${fmt(n.cv)}`],
      ['Skewness · kurtosis', `${fmt(n.skewness)} · ${fmt(n.kurtosis)}`],
      ['Sum', fmt(n.sum)],
      [
        'Zeros · negatives · infinite',
        `${fmt(n.zeros)} · ${fmt(n.negatives)} · ${fmt(n.infinite)}`,
      ],
    ]) + (n.histogram ? `<div>${bars(n.histogram.counts, `histogram of ${c.name}`)}</div>` : '')
  );
}

function text(c: ColumnProfile): string {
  const t = c.text;
  if (!t) return '';
  return facts([
    ['Length min / mean / max', `${fmt(t.minLength)} / ${fmt(t.meanLength)} / ${fmt(t.maxLength)}`],
    ['Numbers · dates', `${fmt(t.numeric)} · ${fmt(t.dates)}`],
    ['Shapes', t.patterns.map((p) => `<code>${esc(p.pattern)}</code> ×${p.count}`).join(' ')],
  ]);
}

function datetime(c: ColumnProfile): string {
  const d = c.datetime;
  if (!d) return '';
  const gaps = d.largestGaps.map((g) => `${esc(g.from)} → ${esc(g.to)}`).join('<br>');
  return (
    facts([
      ['Range', `${esc(d.min)} → ${esc(d.max)}`],
      ['Usual step', d.step === null ? '–' : `${fmt(d.step)} s`],
      ['Irregular steps · gaps', `${fmt(d.irregularSteps)} · ${fmt(d.gaps)}`],
      ['Largest gaps', gaps || '–'],
    ]) + (d.histogram ? `<div>${bars(d.histogram.counts, `histogram of ${c.name}`)}</div>` : '')
  );
}

function top(c: ColumnProfile): string {
  if (!c.top || c.top.length === 0) return '';
  const rows = c.top.map((v) => [
    v.value === null ? '<em>missing</em>' : esc(v.value),
    fmt(v.count),
    pct(v.share),
  ]);
  return `<div>${table(['value', 'count', 'share'], rows)}</div>`;
}

function correlations(p: ProfileView): string {
  const parts = (
    [
      ['Pearson', p.correlations.pearson],
      ['Spearman', p.correlations.spearman],
      ["Cramér's V", p.correlations.cramersV],
    ] as const
  )
    .filter(([, m]) => m !== null)
    .map(
      ([name, m]) =>
        `<h3>${name} (${fmt(m?.rows)} rows)</h3>${m ? heatmap(m.columns, m.values) : ''}`,
    );
  return parts.length ? `<section><h2>Correlations</h2>${parts.join('')}</section>` : '';
}

function missingSection(p: ProfileView): string {
  if (p.missingPatterns.length === 0) return '';
  const rows = p.missingPatterns.map((m) => [
    m.missing.length ? esc(m.missing.join(', ')) : '<em>complete rows</em>',
    fmt(m.count),
    pct(m.share),
  ]);
  return `<section><h2>Missing values together</h2>${table(['missing columns', 'rows', 'share'], rows)}</section>`;
}

function mlSection(p: ProfileView): string {
  const rows = p.ml.columns.map((m) => [
    esc(m.column),
    m.asTarget.ok
      ? `<span class="tag good">${esc(m.asTarget.task)}</span>`
      : '<span class="tag bad">no</span>',
    m.asFeature.ok ? '<span class="tag good">yes</span>' : '<span class="tag bad">no</span>',
    esc([...new Set([...m.asTarget.reasons, ...m.asFeature.reasons])].join('; ')),
  ]);
  return `<section><h2>ML suitability · readiness ${fmt(p.ml.readiness)} / 100</h2>${table(['column', 'as target', 'as feature', 'why'], rows)}</section>`;
}

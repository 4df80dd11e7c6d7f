import type { ExpectationResult, ValidationView } from '@hydroml/contracts';
import { esc, facts, fmt, page, table } from './html.js';

/** A validation run as one self-contained HTML page: summary, then each expectation. */
export function renderValidationReport(v: ValidationView): string {
  const s = v.statistics;
  const verdict =
    v.status !== 'succeeded'
      ? `<span class="tag warn">${esc(v.status)}</span>`
      : v.success
        ? '<span class="tag good">all expectations met</span>'
        : '<span class="tag bad">expectations failed</span>';
  const summary = `<section><h2>Summary</h2>${facts([
    ['Suite', esc(v.suiteName)],
    ['Version', fmt(v.version)],
    ['Result', verdict],
    ['Quality score', v.score === null ? '–' : `${v.score.toFixed(1)} / 100`],
    [
      'Expectations',
      s ? `${fmt(s.successful)} met, ${fmt(s.unsuccessful)} failed of ${fmt(s.evaluated)}` : '–',
    ],
    ['Trigger', esc(v.trigger)],
    ['Finished', esc(v.finishedAt ?? '–')],
  ])}${v.error ? `<p class="tag bad">${esc(v.error)}</p>` : ''}</section>`;
  const results = (v.results ?? []).map(resultSection).join('\n');
  const subtitle = `Validation ${v.id} · data source ${v.dataSourceId}`;
  return page(
    `Validation · ${v.suiteName} · version ${v.version}`,
    subtitle,
    `${summary}<section><h2>Expectations</h2>${results || '<p>No results.</p>'}</section>`,
  );
}

function resultSection(r: ExpectationResult): string {
  const tag = r.success
    ? '<span class="tag good">met</span>'
    : '<span class="tag bad">failed</span>';
  const pairs: Array<[string, string]> = [
    ['Arguments', `<code>${esc(JSON.stringify(r.expectation.kwargs))}</code>`],
    ['Observed', `<code>${esc(JSON.stringify(r.observedValue))}</code>`],
  ];
  if (r.unexpectedCount > 0 || r.missingCount > 0) {
    pairs.push([
      'Unexpected',
      `${fmt(r.unexpectedCount)} (${r.unexpectedPercent.toFixed(2)} % of present values, ${r.unexpectedPercentTotal.toFixed(2)} % of rows)`,
    ]);
    pairs.push(['Missing', fmt(r.missingCount)]);
  }
  if (r.exception) pairs.push(['Not evaluated', esc(r.exception)]);
  const sample = r.unexpectedRows.length ? sampleTable(r.unexpectedRows) : '';
  return `<div class="col"><h3>${tag} ${esc(r.expectation.type)}</h3>${facts(pairs)}${sample}</div>`;
}

function sampleTable(rows: ReadonlyArray<Record<string, unknown>>): string {
  const headers = ['__row', ...Object.keys(rows[0]).filter((k) => k !== '__row')];
  return `<h3>Unexpected rows (sample)</h3>${table(
    headers,
    rows.map((row) => headers.map((h) => esc(row[h]))),
  )}`;
}

/** Small helpers for self-contained HTML reports: escaping, tables, inline SVG bars, one style. */

export function esc(value: unknown): string {
  const s =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number for people: up to 6 significant digits, integers with thin separators. */
export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Number(value.toPrecision(6)).toString();
}

export function pct(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)} %`;
}

export function table(headers: string[], rows: Array<Array<string>>, cls = ''): string {
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${cls}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Key/value pairs as a two-column table (values already HTML). */
export function facts(pairs: Array<[string, string]>): string {
  return `<table class="facts">${pairs.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>`;
}

/** Vertical bars as an inline SVG (no scripts, no external assets). */
export function bars(counts: readonly number[], title: string, width = 320, height = 90): string {
  if (counts.length === 0) return '';
  const max = Math.max(...counts, 1);
  const w = width / counts.length;
  const rects = counts
    .map((c, i) => {
      const h = (c / max) * (height - 4);
      return `<rect x="${(i * w).toFixed(2)}" y="${(height - h).toFixed(2)}" width="${Math.max(w - 1, 0.5).toFixed(2)}" height="${h.toFixed(2)}"><title>${c}</title></rect>`;
    })
    .join('');
  return `<svg class="bars" role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rects}</svg>`;
}

/** A correlation matrix as a colour-coded table. */
export function heatmap(
  columns: readonly string[],
  values: ReadonlyArray<ReadonlyArray<number | null>>,
): string {
  const cell = (v: number | null) => {
    if (v === null) return '<td class="na">–</td>';
    const a = Math.min(1, Math.abs(v));
    const color = v >= 0 ? `rgba(55,126,184,${a.toFixed(2)})` : `rgba(228,26,28,${a.toFixed(2)})`;
    return `<td style="background:${color}">${v.toFixed(2)}</td>`;
  };
  const head = `<tr><th></th>${columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const rows = columns
    .map((c, i) => `<tr><th>${esc(c)}</th>${values[i].map(cell).join('')}</tr>`)
    .join('');
  return `<table class="heat">${head}${rows}</table>`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#16324f;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.8}
main{padding:20px 28px;max-width:1200px}section{background:#fff;border:1px solid #e1e4ea;border-radius:8px;padding:16px 20px;margin:0 0 18px}
h2{font-size:18px;margin:0 0 12px}h3{font-size:15px;margin:0 0 8px}table{border-collapse:collapse;font-size:13px;margin:4px 0}
th,td{padding:4px 8px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}table.facts th{color:#5b6475;font-weight:500}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px}.tag{display:inline-block;padding:1px 7px;border-radius:10px;background:#e8eef6;font-size:12px}
.bad{background:#fde2e1;color:#8a1c1c}.good{background:#dff3e3;color:#1c6b2f}.warn{background:#fff1d6;color:#7a4b00}
svg.bars rect{fill:#377eb8}table.heat td{text-align:center;min-width:38px}code{background:#f0f2f5;padding:1px 4px;border-radius:3px;font-size:12px}
.col{border-top:1px solid #e1e4ea;padding-top:12px;margin-top:12px}`;

export function page(title: string, subtitle: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body><header><h1>${esc(title)}</h1><p>${esc(subtitle)}</p></header><main>${body}</main></body></html>`;
}

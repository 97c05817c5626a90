// bench/chart.svg: calls per second of each operation at 1 and at 16 clients, with cs3 wopiserver's figures beside
// them where the reference has them, and the 16-client target as a tick. Plain SVG written by hand: no library, no
// script, no web font, so it shows the same on GitHub and in any viewer.
import type { OperationResult } from './operations';
import { operationLabel } from './operations';
import { CS3 } from './reference';

interface Bar {
  readonly value: number;
  readonly series: number;
}

const SERIES = [
  { name: 'this host, 1 client', color: '#9ecae1' },
  { name: 'this host, 16 clients', color: '#2171b5' },
  { name: 'cs3 wopiserver, 1 client', color: '#fdd0a2' },
  { name: 'cs3 wopiserver, 16 clients', color: '#e6550d' },
] as const;

const TITLE = 'Calls per second, 1 and 16 clients (higher is better; Lock→Unlock in cycles)';
const WIDTH = 900;
const LABEL_WIDTH = 150;
const PLOT_WIDTH = 640;
const BAR_HEIGHT = 11;
const ROW_GAP = 14;
const TOP = 78;

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round step for the grid, about `count` lines over `max`. */
function gridStep(max: number, count = 6): number {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
}

export function chartSvg(operations: Record<string, OperationResult>, caption: string): string {
  const rows = Object.entries(operations)
    .filter(([, result]) => result.clients_16 !== undefined)
    .map(([name, result]) => {
      const cs3 = CS3[name];
      const bars: Bar[] = [
        { value: result.clients_1.ops_per_s, series: 0 },
        { value: result.clients_16?.ops_per_s ?? 0, series: 1 },
        ...(cs3
          ? [
              { value: cs3.clients_1, series: 2 },
              { value: cs3.clients_16, series: 3 },
            ]
          : []),
      ];
      return { label: operationLabel(name, result), bars, target: cs3?.target_16 };
    });
  const max = Math.max(1, ...rows.flatMap((row) => [...row.bars.map((bar) => bar.value), row.target ?? 0]));
  const step = gridStep(max);
  const top = Math.ceil((max * 1.08) / step) * step;
  const x = (value: number) => LABEL_WIDTH + (PLOT_WIDTH * value) / top;
  const parts: string[] = [];
  let y = TOP;
  for (const row of rows) {
    const height = row.bars.length * BAR_HEIGHT;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + height / 2 + 4}" text-anchor="end" class="label">${xmlText(row.label)}</text>`,
    );
    row.bars.forEach((bar, i) => {
      const barY = y + i * BAR_HEIGHT;
      const color = SERIES[bar.series]?.color ?? '#999';
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${barY}" width="${(x(bar.value) - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT - 1}" fill="${color}"/>`,
        `<text x="${(x(bar.value) + 4).toFixed(1)}" y="${barY + BAR_HEIGHT - 2}" class="value">${bar.value.toLocaleString('en-US')}</text>`,
      );
    });
    if (row.target !== undefined) {
      const tx = x(row.target).toFixed(1);
      const ty = y + BAR_HEIGHT - 3;
      parts.push(
        `<line x1="${tx}" x2="${tx}" y1="${ty}" y2="${ty + BAR_HEIGHT + 5}" class="target"/>`,
        `<text x="${tx}" y="${ty - 1}" text-anchor="middle" class="target-label">target ${row.target.toLocaleString('en-US')}</text>`,
      );
    }
    y += height + ROW_GAP;
  }
  const bottom = y - ROW_GAP + 8;
  const grid: string[] = [];
  for (let value = 0; value <= top; value += step) {
    const gx = x(value).toFixed(1);
    grid.push(
      `<line x1="${gx}" x2="${gx}" y1="${TOP - 6}" y2="${bottom}" class="grid"/>`,
      `<text x="${gx}" y="${bottom + 14}" text-anchor="middle" class="axis">${value.toLocaleString('en-US')}</text>`,
    );
  }
  const legend = SERIES.map((series, i) => {
    const lx = LABEL_WIDTH + i * 170;
    return `<rect x="${lx}" y="40" width="12" height="10" fill="${series.color}"/><text x="${lx + 17}" y="49" class="legend">${xmlText(series.name)}</text>`;
  });
  const height = bottom + 44;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" role="img" aria-labelledby="chart-title">
<title id="chart-title">${xmlText(TITLE)}</title>
<style>
.title { font-size: 15px; font-weight: bold; fill: #222; }
.label { font-size: 12px; fill: #222; }
.value, .axis, .legend { font-size: 10.5px; fill: #444; }
.caption { font-size: 10.5px; fill: #666; }
.grid { stroke: #e4e4e4; stroke-width: 1; }
.target { stroke: #222; stroke-width: 1.5; stroke-dasharray: 3 2; }
.target-label { font-size: 9px; fill: #222; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${LABEL_WIDTH}" y="24" class="title">${xmlText(TITLE)}</text>
${legend.join('\n')}
${grid.join('\n')}
${parts.join('\n')}
<text x="${LABEL_WIDTH}" y="${height - 10}" class="caption">${xmlText(caption)}</text>
</svg>
`;
}

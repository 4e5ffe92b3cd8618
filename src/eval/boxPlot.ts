/**
 * Box plots of scores in [0, 1] as SVG, grouped like DLPaper2Code's Fig. 6: one group per figure style, one box per
 * measure (layers, edges, params) in its own colour. A box spans the quartiles with the median across it, whiskers
 * reach the most extreme scores within 1.5 × IQR, scores beyond them are dots, and a diamond marks the mean.
 */
import type { StatsSummary } from './runningStats.ts';

export interface BoxGroup {
  label: string;
  /** Under the label, e.g. "n = 250". */
  note?: string;
  /** One per series, in the order of the series; undefined or empty: nothing to draw. */
  boxes: ReadonlyArray<StatsSummary | undefined>;
}

export interface BoxSeries {
  name: string;
  colour: string;
}

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (v: number): string => v.toFixed(1);

export function boxPlotSvg(title: string, series: readonly BoxSeries[], groups: readonly BoxGroup[]): string {
  const left = 56;
  const top = 58;
  const plotHeight = 300;
  const boxWidth = 18;
  const groupWidth = Math.max(96, series.length * (boxWidth + 8) + 24);
  // The title at about 8.5 px a character (14 px bold), the legend at 110 px a series.
  const width = Math.max(left + groups.length * groupWidth + 20, Math.ceil(8.5 * title.length) + 24, left + series.length * 110);
  const height = top + plotHeight + 58;
  const y = (v: number): number => top + plotHeight * (1 - v);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="12" y="22" font-size="14" font-weight="bold">${xml(title)}</text>`,
  ];
  // Legend, then the axis with a grid line every 0.1.
  series.forEach((s, i) => {
    const x = left + i * 110;
    parts.push(`<rect x="${x}" y="32" width="12" height="12" fill="${s.colour}" stroke="#333"/><text x="${x + 17}" y="42">${xml(s.name)}</text>`);
  });
  for (let k = 0; k <= 10; k++) {
    const v = k / 10;
    parts.push(`<line x1="${left}" y1="${f(y(v))}" x2="${width - 20}" y2="${f(y(v))}" stroke="${k % 5 === 0 ? '#bbb' : '#e6e6e6'}"/>`);
    if (k % 2 === 0) parts.push(`<text x="${left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#333"/>`);
  groups.forEach((group, g) => {
    const centre = left + g * groupWidth + groupWidth / 2;
    const first = centre - (series.length * (boxWidth + 8) - 8) / 2;
    group.boxes.forEach((box, i) => {
      if (!box || !box.count) return;
      const x0 = first + i * (boxWidth + 8);
      const mid = x0 + boxWidth / 2;
      const colour = series[i]?.colour ?? '#999';
      const tip = `${series[i]?.name ?? ''}: mean ${box.mean.toFixed(3)}, median ${box.median.toFixed(3)}, quartiles ${box.q1.toFixed(3)}–${box.q3.toFixed(3)}, n ${box.count}`;
      parts.push(`<g><title>${xml(`${group.label} ${tip}`)}</title>`);
      parts.push(`<line x1="${f(mid)}" y1="${f(y(box.whiskerHigh))}" x2="${f(mid)}" y2="${f(y(box.whiskerLow))}" stroke="#333"/>`);
      for (const w of [box.whiskerLow, box.whiskerHigh])
        parts.push(`<line x1="${f(x0 + 4)}" y1="${f(y(w))}" x2="${f(x0 + boxWidth - 4)}" y2="${f(y(w))}" stroke="#333"/>`);
      // A box of no height (all scores equal) still shows as a 2 px band.
      const boxTop = y(box.q3);
      const boxHeight = Math.max(2, y(box.q1) - y(box.q3));
      parts.push(
        `<rect x="${f(x0)}" y="${f(boxTop - (boxHeight === 2 ? 1 : 0))}" width="${boxWidth}" height="${f(boxHeight)}" fill="${colour}" stroke="#333"/>`,
      );
      parts.push(`<line x1="${f(x0)}" y1="${f(y(box.median))}" x2="${f(x0 + boxWidth)}" y2="${f(y(box.median))}" stroke="#000" stroke-width="2"/>`);
      const m = y(box.mean);
      parts.push(`<path d="M${f(mid)},${f(m - 4)} L${f(mid + 4)},${f(m)} L${f(mid)},${f(m + 4)} L${f(mid - 4)},${f(m)} Z" fill="white" stroke="#000"/>`);
      for (const o of box.outliers) parts.push(`<circle cx="${f(mid)}" cy="${f(y(o.value))}" r="2.2" fill="none" stroke="#333"/>`);
      parts.push('</g>');
    });
    parts.push(`<text x="${f(centre)}" y="${top + plotHeight + 20}" text-anchor="middle">${xml(group.label)}</text>`);
    if (group.note) parts.push(`<text x="${f(centre)}" y="${top + plotHeight + 36}" text-anchor="middle" fill="#555" font-size="11">${xml(group.note)}</text>`);
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

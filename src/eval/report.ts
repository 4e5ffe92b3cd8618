/** Evaluation results as a Markdown table and as an SVG bar chart. Names come from files: escaped in both. */

export type Cell = string | number;

const cellText = (cell: Cell): string =>
  typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : cell.toFixed(2)) : cell.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

export function markdownTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => `| ${cells.map(cellText).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** One table of a report: its title, the table, and summary lines under it. */
export interface Section {
  title: string;
  header: string[];
  rows: Cell[][];
  summary: string[];
}

export function markdownSection(section: Section): string {
  return [`## ${section.title}`, '', markdownTable(section.header, section.rows), '', ...section.summary.map((s) => `- ${s}`), ''].join('\n');
}

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Bar {
  label: string;
  /** 0..1 */
  value: number;
}

/** Horizontal bars, one row per item, values 0..1 with the figure written beside each bar. */
export function barChartSvg(title: string, bars: readonly Bar[]): string {
  // Widths from character counts (about 7 px a character at 12 px, 8.5 at the 14 px bold title).
  const labelWidth = Math.max(120, Math.ceil(7 * Math.max(0, ...bars.map((b) => b.label.length))) + 16);
  const barWidth = 360;
  const row = 22;
  const top = 36;
  const height = top + bars.length * row + 12;
  const width = Math.max(labelWidth + barWidth + 60, Math.ceil(8.5 * title.length) + 24);
  const rows = bars.map((bar, i) => {
    const y = top + i * row;
    const value = Math.max(0, Math.min(1, bar.value));
    return [
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${xml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${row - 6}" fill="#eee"/>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${(barWidth * value).toFixed(1)}" height="${row - 6}" fill="#2f6fb0"/>`,
      `<text x="${labelWidth + barWidth + 6}" y="${y + 15}">${value.toFixed(2)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="12" y="22" font-size="14" font-weight="bold">${xml(title)}</text>`,
    ...rows,
    '</svg>',
    '',
  ].join('\n');
}

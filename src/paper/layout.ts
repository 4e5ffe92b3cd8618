/**
 * Page layout from text positions alone: the text columns, and which chunks are running text (paragraphs
 * and their headings) as opposed to the short labels and cells of figures and tables. Regions are built
 * from everything that is not running text; running text is where a region stops.
 */
import type { Page } from './types.ts';
import type { Chunk } from './lines.ts';

/** Chunks of running text are at the body size, long, and sit in paragraphs: lines at the text's pitch. */
const MIN_CHARS = 25;

const isBodySize = (c: Chunk, body: number) => Math.abs(c.size - body) <= 0.6;
const width = (c: Chunk) => c.box[2] - c.box[0];

/** The typical width of a body line: one column of text. */
export function textMeasure(chunks: Chunk[], body: number): number {
  const widths = chunks
    .filter((c) => isBodySize(c, body) && c.text.length >= 40)
    .map(width)
    .sort((a, b) => a - b);
  return widths.length ? widths[Math.floor(widths.length * 0.75)] : 0;
}

/**
 * Text columns as x bands: the whole page, or two halves split at the gutter that long body lines do not
 * cross. Chunks, not lines, are counted: the lines of two columns often share a baseline.
 */
export function textColumns(page: Page, chunks: Chunk[], body: number): Array<[number, number]> {
  // Lines of text of about the body size, captions included: a column may hold one tall float and its caption.
  const long = chunks.filter((c) => c.size >= body - 1.5 && c.text.length >= MIN_CHARS);
  const whole: Array<[number, number]> = [[0, page.width]];
  if (long.length < 6) return whole;
  let best: { x: number; crossing: number } | undefined;
  const runs: number[] = [];
  for (let x = Math.round(page.width * 0.3); x <= page.width * 0.7; x++) {
    // One pass counts the three (a few hundred positions a page, each over every line: three filters were a page's cost).
    let crossing = 0;
    let left = 0;
    let right = 0;
    for (const { box } of long) {
      if (box[0] < x - 1 && box[2] > x + 1) crossing++;
      if (box[2] <= x) left++;
      if (box[0] >= x) right++;
    }
    const least = Math.max(3, 0.08 * long.length);
    if (left < least || right < least) continue;
    if (!best || crossing < best.crossing) {
      best = { x, crossing };
      runs.length = 0;
    }
    if (crossing === best.crossing) runs.push(x);
  }
  if (!best || best.crossing > 0.1 * long.length) return whole;
  // The middle of the widest stretch of least crossing is the gutter's centre.
  const g = runs[Math.floor(runs.length / 2)];
  return [
    [0, g],
    [g, page.width],
  ];
}

/** The column band a box belongs to: the column holding it, or the whole width when it spans columns. */
export function bandOf(box: [number, number, number, number], columns: Array<[number, number]>, pageWidth: number): [number, number] {
  const inside = columns.find((c) => box[0] >= c[0] - 15 && box[2] <= c[1] + 15);
  return inside ?? [0, pageWidth];
}

const overlapX = (a: Chunk, b: Chunk) => Math.min(a.box[2], b.box[2]) - Math.max(a.box[0], b.box[0]);

/**
 * Running text: full-width body-size lines that have a paragraph neighbour (the line above or below at the
 * text's pitch, sharing an edge), then, spreading from them, the other lines of the same paragraphs —
 * justified to the same edges, a short last line, an indented first line, a narrower justified block
 * beside a float — and the headings right above them. The first column of a table is left-aligned at the
 * same pitch too, but its cells are ragged on the right: they never join.
 */
export function runningText(chunks: Chunk[], body: number, measure: number): Set<Chunk> {
  const sorted = [...chunks].sort((a, b) => a.box[1] - b.box[1]);
  // Neighbours at the pitch of running text: the next line starts within half an em of this one's bottom.
  const below = new Map<Chunk, Chunk[]>();
  const above = new Map<Chunk, Chunk[]>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      const gap = b.box[1] - a.box[3];
      if (gap > 0.5 * Math.max(a.size, b.size)) break;
      if (gap < -0.3 * a.size || overlapX(a, b) <= 0 || Math.abs(a.size - b.size) > 0.5 || !isBodySize(b, body) || !isBodySize(a, body)) continue;
      below.set(a, [...(below.get(a) ?? []), b]);
      above.set(b, [...(above.get(b) ?? []), a]);
    }
  }
  // A narrow justified column stretches spaces until a line falls apart into chunks: its pieces on the right.
  const pieces = new Map<Chunk, Chunk[]>();
  for (const c of sorted) {
    const row: Chunk[] = [];
    let end = c.box[2];
    for (;;) {
      const next = sorted.find(
        (o) => o.box[0] > end && o.box[0] - end <= 1.2 * c.size && Math.min(o.box[3], c.box[3]) - Math.max(o.box[1], c.box[1]) > 0.5 * (c.box[3] - c.box[1]),
      );
      if (!next) break;
      row.push(next);
      end = next.box[2];
    }
    pieces.set(c, row);
  }
  const right = (c: Chunk) => Math.max(c.box[2], ...pieces.get(c)!.map((p) => p.box[2]));
  const span = (c: Chunk) => right(c) - c.box[0];
  const leftAligned = (a: Chunk, b: Chunk) => Math.abs(a.box[0] - b.box[0]) <= 2;
  const rightAligned = (a: Chunk, b: Chunk) => Math.abs(right(a) - right(b)) <= 2;
  const justifiedWith = (a: Chunk, b: Chunk) => leftAligned(a, b) && rightAligned(a, b);
  const neighbours = (c: Chunk) => [...(below.get(c) ?? []), ...(above.get(c) ?? [])];
  const running = new Set<Chunk>();
  for (const c of sorted) {
    const full = isBodySize(c, body) && c.text.length >= MIN_CHARS && width(c) >= 0.85 * measure;
    if (full && neighbours(c).some((n) => leftAligned(n, c) || rightAligned(n, c))) running.add(c);
    // A narrower column of text (wrapped beside a float): three lines justified to the same two edges.
    const justified = (x: Chunk) => neighbours(x).filter((n) => justifiedWith(n, x) && n.text.length >= MIN_CHARS);
    if (isBodySize(c, body) && c.text.length >= MIN_CHARS && justified(c).some((n) => justified(n).some((m) => m !== c))) running.add(c);
  }
  const joins = (c: Chunk, n: Chunk, down: boolean): boolean => {
    if (justifiedWith(n, c)) return true;
    if (down && leftAligned(n, c) && span(n) < span(c)) {
      // The paragraph's last line, or the first of a narrower justified block (text beside a float).
      const next = (below.get(n) ?? []).filter((m) => leftAligned(m, n));
      return next.length === 0 || next.some((m) => rightAligned(m, n));
    }
    if (!down && leftAligned(n, c)) return (above.get(n) ?? []).some((m) => justifiedWith(m, n)) || span(n) > span(c);
    // An indented first line ends where the paragraph does.
    return !down && rightAligned(n, c) && n.box[0] > c.box[0] && n.box[0] - c.box[0] < 3 * c.size;
  };
  const queue = [...running];
  while (queue.length) {
    const c = queue.pop()!;
    const joined = [...(below.get(c) ?? []).filter((n) => joins(c, n, true)), ...(above.get(c) ?? []).filter((n) => joins(c, n, false))];
    for (const n of joined) {
      if (running.has(n)) continue;
      running.add(n);
      queue.push(n);
    }
  }
  for (const c of [...running]) pieces.get(c)!.forEach((p) => running.add(p));
  for (const c of sorted) {
    if (running.has(c)) continue;
    // A heading: one short line right above a paragraph, sharing its left edge, alone on its row but for
    // its number ("3.1  ReLU Nonlinearity").
    const para = sorted.find((p) => running.has(p) && leftAligned(p, c) && p.box[1] - c.box[3] >= -1 && p.box[1] - c.box[3] <= 1.6 * body);
    if (!para || c.size < body - 0.6) continue;
    const row = sorted.filter(
      (o) => o !== c && Math.min(o.box[3], c.box[3]) - Math.max(o.box[1], c.box[1]) > 0 && o.box[0] < right(c) + 3 * body && o.box[2] > c.box[0] - 3 * body,
    );
    const numbered = /^[\dA-Z.]{1,6}$/.test(c.text) && row.length === 1 && row[0].box[0] > c.box[2];
    if (row.length === 0 || numbered) [c, ...row].forEach((h) => running.add(h));
  }
  return running;
}

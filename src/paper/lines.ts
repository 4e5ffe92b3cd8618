/**
 * Text items → lines → chunks. A line is a set of runs sharing a baseline band; a chunk is a run of items
 * on a line with no gap wider than about one em — the unit a table cell or a caption label is made of.
 */
import { boxOf, union, type Box } from '../geometry/index.ts';
import type { TextItem } from './types.ts';

export { boxOf, union };

export interface Chunk {
  text: string;
  box: Box;
  size: number;
  items: TextItem[];
}

export interface Line {
  box: Box;
  /** Dominant font size of the line. */
  size: number;
  chunks: Chunk[];
  text: string;
}

/** Joins items left to right, inserting a space only where the gap looks like one. */
function joinText(items: TextItem[]): string {
  let text = '';
  let prev: TextItem | undefined;
  for (const item of items) {
    if (prev && item.box[0] - prev.box[2] > 0.15 * Math.max(item.size, prev.size) && !text.endsWith(' ')) text += ' ';
    text += item.str;
    prev = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function makeChunk(items: TextItem[]): Chunk {
  return { text: joinText(items), box: boxOf(items.map((i) => i.box)), size: Math.max(...items.map((i) => i.size)), items };
}

/**
 * Groups items into lines. Items belong to the same line when their vertical extents overlap by more than
 * half of the smaller one; sub/superscripts and bracket pieces that overlap less start their own line.
 */
export function groupLines(texts: TextItem[], chunkGapEm = 0.8): Line[] {
  const items = texts.filter((t) => !t.rotated).sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const rows: TextItem[][] = [];
  const rowBoxes: Box[] = [];
  for (const item of items) {
    let placed = false;
    for (let r = rows.length - 1; r >= 0 && r >= rows.length - 4; r--) {
      const rb = rowBoxes[r];
      const overlap = Math.min(rb[3], item.box[3]) - Math.max(rb[1], item.box[1]);
      const smaller = Math.min(rb[3] - rb[1], item.box[3] - item.box[1]);
      if (overlap > 0.5 * smaller) {
        rows[r].push(item);
        // The band grows only by the item's baseline region so tall glyphs don't swallow the next line.
        rowBoxes[r] = [Math.min(rb[0], item.box[0]), rb[1], Math.max(rb[2], item.box[2]), rb[3]];
        placed = true;
        break;
      }
    }
    if (!placed) {
      rows.push([item]);
      rowBoxes.push(item.box);
    }
  }
  const lines = rows.map((row) => {
    row.sort((a, b) => a.box[0] - b.box[0]);
    const chunks: Chunk[] = [];
    let current: TextItem[] = [row[0]];
    for (let i = 1; i < row.length; i++) {
      const prev = current[current.length - 1];
      const gap = row[i].box[0] - prev.box[2];
      if (gap > chunkGapEm * Math.max(row[i].size, prev.size)) {
        chunks.push(makeChunk(current));
        current = [row[i]];
      } else current.push(row[i]);
    }
    chunks.push(makeChunk(current));
    const sizes = row.map((i) => i.size).sort((a, b) => a - b);
    return {
      box: boxOf(row.map((i) => i.box)),
      size: sizes[Math.floor(sizes.length / 2)],
      chunks,
      text: chunks.map((c) => c.text).join(' '),
    };
  });
  return lines.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

/**
 * The body-text font size of a set of lines: the size carrying the most characters in long runs of text
 * (so that a page full of table cells still reports its paragraphs' size), as the mean of that size class.
 */
export function bodyFontSize(lines: Line[]): number {
  const chunks = lines.flatMap((l) => l.chunks);
  const long = chunks.filter((c) => c.text.length >= 25);
  const weight = new Map<number, { chars: number; sum: number }>();
  for (const chunk of long.length ? long : chunks) {
    const key = Math.round(chunk.size * 2) / 2;
    const w = weight.get(key) ?? { chars: 0, sum: 0 };
    w.chars += chunk.text.length;
    w.sum += chunk.size * chunk.text.length;
    weight.set(key, w);
  }
  let best = { chars: -1, sum: 10 };
  for (const w of weight.values()) if (w.chars > best.chars) best = w;
  return best.chars > 0 ? best.sum / best.chars : 10;
}

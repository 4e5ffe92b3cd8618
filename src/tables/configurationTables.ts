/**
 * Configuration tables: columns are network variants (VGG's A–E, ResNet-18…152) and each cell names layers,
 * stacks of layers with a repeat mark, or a bracketed block written on one line.
 */
import type { Box } from '../paper/index.ts';
import type { Cell, TableGrid } from './grid.ts';
import { labelType, normaliseLayerText, parseLayerText, repeatCount, sizeOf } from './layerText.ts';
import { attributeOf, type Attribute } from './attributeTables.ts';
import {
  layerOf,
  overlapY,
  rowsOf,
  type BlockStyle,
  type InterpretHints,
  type NetworkDraft,
  type SeqBand,
  type SeqBlock,
  type SeqItem,
  type SeqLayer,
} from './sequence.ts';

/** "[3×3, 64; 3×3, 64] ×2" written on one line: the bracketed layers, repeated. */
const INLINE_BLOCK = /[[{(]([^\]})]+)[\]})]\s*x\s*(\d{1,3})/i;

function inlineBlock(line: string, typeHint: string | undefined, style: BlockStyle, box: Box): SeqBlock | undefined {
  const m = INLINE_BLOCK.exec(normaliseLayerText(line));
  if (!m) return undefined;
  const layers = m[1]
    .split(/\s*;\s*/)
    .flatMap((part) => parseLayerText(part, typeHint))
    .map((d) => layerOf(d, box));
  if (layers.length === 0) return undefined;
  return { kind: 'block', style: layers.length >= 2 ? style : 'plain', layers, repeat: Number(m[2]), box };
}

/** Reads a cell into sequence items; a cell with a repeat mark and several layers is a block. */
function readCell(cell: Cell, typeHint: string | undefined, style: BlockStyle): SeqItem[] {
  if (cell.lines.length === 1) {
    const block = inlineBlock(cell.lines[0], typeHint, style, cell.box);
    if (block) return [block];
  }
  const layers = cell.lines.flatMap((line) => parseLayerText(line, typeHint)).map((d) => layerOf(d, cell.box));
  if (layers.length === 0) return [];
  if (cell.repeat && cell.repeat > 0) return [{ kind: 'block', style: layers.length >= 2 ? style : 'plain', layers, repeat: cell.repeat, box: cell.box }];
  return layers;
}

const centre = (c: Cell) => (c.box[1] + c.box[3]) / 2;

/**
 * Unruled tables: a lone "×3" beside a bracketed stack is its own cell. Gather the stack — the lines
 * around the mark, symmetric about it, evenly spaced, within the row its label names — into one cell that
 * carries the repeat, as a ruled table's cell would.
 */
function mergeMarkedBlocks(cells: Cell[], labels: Cell[]): Cell[] {
  const sorted = [...cells].sort((a, b) => a.box[1] - b.box[1]);
  const markers = sorted.filter((c) => c.repeat === undefined && c.lines.length === 1 && repeatCount(c.text) !== undefined);
  if (markers.length === 0) return sorted;
  const members = sorted.filter((c) => !markers.includes(c) && c.col0 === c.col1);
  const gaps = members
    .slice(1)
    .map((c, i) => centre(c) - centre(members[i]))
    .filter((g) => g > 0);
  const pitch = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 10;
  const labelCentres = labels.map(centre).sort((a, b) => a - b);
  const taken = new Set<Cell>();
  const merged = new Map<Cell, Cell>();
  for (const marker of markers) {
    const m = centre(marker);
    // The row the mark belongs to: halfway to the labels above and below it.
    const above = labelCentres.filter((y) => y <= m + pitch * 0.6);
    const below = labelCentres.filter((y) => y > m + pitch * 0.6);
    const lo = above.length >= 2 ? (above[above.length - 2] + above[above.length - 1]) / 2 : -Infinity;
    const hi = below.length ? (above.length ? (above[above.length - 1] + below[0]) / 2 : below[0]) : Infinity;
    const free = members.filter((c) => !taken.has(c) && centre(c) > lo && centre(c) < hi);
    const block = free.filter((c) => Math.abs(centre(c) - m) <= 1.05 * pitch);
    if (block.length === 0) continue;
    for (;;) {
      const top = Math.min(...block.map(centre));
      const bottom = Math.max(...block.map(centre));
      const up = free.filter((c) => centre(c) < top && top - centre(c) <= 1.5 * pitch).pop();
      const down = free.find((c) => centre(c) > bottom && centre(c) - bottom <= 1.5 * pitch);
      if (!up || !down || Math.abs(m - centre(up) - (centre(down) - m)) > 0.5 * pitch) break;
      block.unshift(up);
      block.push(down);
    }
    block.forEach((c) => taken.add(c));
    const chunks = block.flatMap((c) => c.chunks);
    merged.set(block[0], {
      lines: block.flatMap((c) => c.lines),
      text: block.map((c) => c.text).join(' '),
      box: [Math.min(...block.map((c) => c.box[0])), block[0].box[1], Math.max(...block.map((c) => c.box[2])), block[block.length - 1].box[3]],
      col0: block[0].col0,
      col1: block[0].col1,
      chunks,
      repeat: repeatCount(marker.text),
    });
  }
  return sorted.filter((c) => !markers.includes(c) && (!taken.has(c) || merged.has(c))).map((c) => merged.get(c) ?? c);
}

/** A column holding nothing but repeat marks ("×2" right of a stack) belongs to the column on its left. */
function attachMarkColumns(cells: Cell[]): Cell[] {
  const byColumn = new Map<number, Cell[]>();
  for (const c of cells) if (c.col0 === c.col1) byColumn.set(c.col0, [...(byColumn.get(c.col0) ?? []), c]);
  const markOnly = new Set([...byColumn].filter(([col, list]) => col > 0 && list.every((c) => repeatCount(c.text) !== undefined)).map(([col]) => col));
  return cells.map((c) => (c.col0 === c.col1 && markOnly.has(c.col0) ? { ...c, col0: c.col0 - 1, col1: c.col0 - 1 } : c));
}

/** The layer type a label cell names, every line of it the same ("conv2_1 / conv2_2 / conv2_3"). */
function cellLabelType(cell: Cell): string | undefined {
  const types = cell.lines.map((l) => labelType(l));
  return types.length > 0 && types.every((t) => t && t === types[0]) ? types[0] : undefined;
}

/** Configuration table: each column whose cells read as layers is one network. */
export function readConfigurations(grid: TableGrid, hints: InterpretHints): NetworkDraft[] {
  const cells = attachMarkColumns(grid.cells.filter((c) => c.text.trim()));
  const readable = (c: Cell) => c.lines.some((l) => parseLayerText(l).length > 0);
  // The body starts at the first row where a fair share of cells read as layers (a header's "A-LRN" alone does
  // not); a row label naming a layer ("conv1") counts beside a cell that reads.
  const firstBodyRow = rowsOf(cells).find(
    (row) => row.some(readable) && row.filter((c) => readable(c) || cellLabelType(c)).length >= Math.max(1, 0.3 * row.length),
  );
  if (!firstBodyRow) return [];
  const firstLayerTop = Math.min(...firstBodyRow.map((c) => c.box[1]));
  const header = cells.filter((c) => c.box[3] <= firstLayerTop + 1);
  const body = cells.filter((c) => c.box[3] > firstLayerTop + 1);
  // Label and size columns: row names ("conv2_x") and stated sizes ("56×56").
  const colAttr = new Map<number, Attribute>();
  for (const h of header) {
    const a = attributeOf(h.text);
    if (a && h.col0 === h.col1) colAttr.set(h.col0, a);
  }
  const own = (col: number) => body.filter((c) => c.col0 === col && c.col1 === col);
  for (let col = 0; col < grid.columns.length; col++) {
    const mine = own(col);
    if (colAttr.has(col) || mine.length < 2) continue;
    if (mine.filter((c) => cellLabelType(c)).length >= mine.length * 0.6) colAttr.set(col, 'name');
    else if (mine.filter((c) => sizeOf(c.text)).length >= mine.length * 0.6) colAttr.set(col, 'outputSize');
  }
  const nameCol = [...colAttr].find(([, a]) => a === 'name' || a === 'type')?.[0];
  const sizeCol = [...colAttr].find(([, a]) => a === 'outputSize')?.[0];
  // A cell's layer type may come from the label on its row ("pool1 | 3×3, /3", "fc1 | 4096").
  const hintOf = (cell: Cell) => {
    const label = nameCol === undefined ? undefined : body.find((c) => c.col0 === nameCol && overlapY(c.box, cell.box));
    return label ? cellLabelType(label) : undefined;
  };
  const readsWithLabel = (c: Cell) => c.lines.some((l) => parseLayerText(l, hintOf(c)).length > 0);
  const configCols: number[] = [];
  for (let col = 0; col < grid.columns.length; col++) {
    if (colAttr.has(col)) continue;
    const covering = body.filter((c) => c.col0 <= col && c.col1 >= col);
    const ownCells = covering.filter((c) => c.col0 === c.col1);
    const good = covering.filter(readsWithLabel).length;
    // Cells that state numbers ("conv3-64", "3×3, 64"), not just a layer word ("Pooling").
    const informative = covering.filter((c) =>
      c.lines.some((l) => parseLayerText(l).some((d) => Object.keys(d.params).length > 0 && d.type !== 'Activation')),
    ).length;
    if (ownCells.length >= 1 && good >= 3 && good >= 0.5 * covering.length && informative >= 2) configCols.push(col);
  }
  const drafts: NetworkDraft[] = [];
  for (const col of configCols) {
    const name = header
      .filter((c) => c.col0 === col && c.col1 === col)
      .sort((a, b) => a.box[1] - b.box[1])
      .map((c) => c.text)
      .join(' ')
      .trim();
    const labels = nameCol === undefined ? [] : body.filter((c) => c.col0 === nameCol);
    const covering = mergeMarkedBlocks(
      body.filter((c) => c.col0 <= col && c.col1 >= col),
      labels,
    );
    const sizes = sizeCol === undefined ? [] : body.filter((c) => c.col0 === sizeCol && sizeOf(c.text));
    const bands: SeqBand[] = [];
    let input: number[] | undefined;
    let read = 0;
    for (const cell of covering) {
      const items = readCell(cell, hintOf(cell), hints.blockStyle);
      if (items.length === 0) continue;
      read++;
      const inputs = items.filter((i) => i.kind === 'layer' && i.draft.type === 'Input') as SeqLayer[];
      if (inputs.length && !input) input = inputs[0].draft.params.shape as number[] | undefined;
      const rest = items.filter((i) => !(i.kind === 'layer' && i.draft.type === 'Input'));
      if (rest.length === 0) continue;
      // The band ends at the size stated on this cell's row (nearest size cell at or above its bottom).
      // Ruled: the size whose row frame holds the cell's centre; otherwise the nearest size at or above it.
      const cy = (cell.box[1] + cell.box[3]) / 2;
      const size =
        sizes.find((s) => s.frame && s.frame[1] <= cy && s.frame[3] >= cy) ??
        sizes.filter((s) => s.box[1] <= cell.box[3] + 1).sort((a, b) => b.box[1] - a.box[1])[0];
      const outputSize = size ? sizeOf(size.text)![0] : undefined;
      const last = bands[bands.length - 1];
      if (last && last.outputSize === outputSize && outputSize !== undefined) last.items.push(...rest);
      else bands.push({ items: rest, outputSize });
    }
    if (read >= 3) drafts.push({ name, layout: 'configurations', input, bands, readCells: read, totalCells: covering.length });
  }
  return drafts;
}

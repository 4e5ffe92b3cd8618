/**
 * Table grid → network drafts. Three layouts are recognised:
 * - configurations: columns are network variants and each cell names layers (VGG's A–E, ResNet-18…152);
 * - rows: a header row names attributes and each row is a layer (MobileNet's Table 1);
 * - columns: a header column names attributes and each column is a layer (OverFeat's Tables 1 and 3).
 */
import type { Box } from '../paper/index.ts';
import type { Cell, TableGrid } from './grid.ts';
import { normaliseLayerText, parseLayerText, repeatCount, sizeOf, typeOfName, type LayerDraft } from './layerText.ts';

export interface SeqLayer {
  kind: 'layer';
  draft: LayerDraft;
  box: Box;
}

export type BlockStyle = 'residual' | 'dense' | 'plain';

export interface SeqBlock {
  kind: 'block';
  style: BlockStyle;
  layers: SeqLayer[];
  repeat: number;
  box: Box;
}

export type SeqItem = SeqLayer | SeqBlock;

/** A stretch of the network that ends at a stated spatial size (a ResNet "conv3_x" row). */
export interface SeqBand {
  items: SeqItem[];
  outputSize?: number;
}

export type TableLayout = 'configurations' | 'rows' | 'columns';

export interface NetworkDraft {
  name: string;
  layout: TableLayout;
  input?: number[];
  bands: SeqBand[];
  /** Cells read as layers / cells that looked like they should be. */
  readCells: number;
  totalCells: number;
}

export interface InterpretHints {
  /** How bracketed repeated blocks connect (from the paper's wording). */
  blockStyle: BlockStyle;
}

type Attribute = 'type' | 'filters' | 'kernel' | 'stride' | 'poolSize' | 'poolStride' | 'padding' | 'inputSize' | 'outputSize' | 'repeat' | 'name' | 'activation';

/** What an attribute header names, or undefined for anything else. */
export function attributeOf(text: string): Attribute | undefined {
  const t = normaliseLayerText(text).toLowerCase();
  if (!t || t.length > 40) return undefined;
  if (/pool\w*\s*(size|window|kernel)/.test(t)) return 'poolSize';
  if (/pool\w*\s*stride/.test(t)) return 'poolStride';
  if (/pad/.test(t)) return 'padding';
  if (/^(type|operat\w*|stage|kind|layer type|op)\b/.test(t)) return 'type';
  if (/(filter|kernel|receptive field|conv\.?|window|patch)\s*(size|shape|dim)|^kernels?$|^k$/.test(t)) return 'kernel';
  if (/stride|^s$/.test(t)) return 'stride';
  if (/activation|non-?linearity/.test(t)) return 'activation';
  if (/#\s*(channels|filters|kernels|units|maps)|^(channels|filters?|units|neurons|#\s*out\w*|width|feature maps|output channels)$/.test(t)) return 'filters';
  if (/output/.test(t)) return 'outputSize';
  if (/input/.test(t)) return 'inputSize';
  if (/^(n|repeat\w*|#\s*times|times|#\s*layers)$/.test(t)) return 'repeat';
  if (/^(layer( name)?|name|block|module)$/.test(t)) return 'name';
  return undefined;
}

const clean = (text: string) => !/^[-–—\s]*$/.test(text);
const overlapY = (a: Box, b: Box) => Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > 0.3 * Math.min(a[3] - a[1], b[3] - b[1]);
const layerOf = (draft: LayerDraft, box: Box): SeqLayer => ({ kind: 'layer', draft, box });

/** Cells grouped into rows by their top edge. */
function rowsOf(cells: Cell[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const cell of [...cells].sort((a, b) => a.box[1] - b.box[1])) {
    const row = rows.find((r) => overlapY(r[0].box, cell.box));
    if (row) row.push(cell);
    else rows.push([cell]);
  }
  for (const r of rows) r.sort((a, b) => a.col0 - b.col0);
  return rows.sort((a, b) => a[0].box[1] - b[0].box[1]);
}

/** Applies attribute cells (kernel, stride, channels...) to the layer(s) a type cell names. */
function applyAttributes(drafts: LayerDraft[], attrs: Map<Attribute, string>): LayerDraft[] {
  const main = drafts[0];
  if (!main) return drafts;
  const kernel = attrs.get('kernel');
  if (kernel && clean(kernel)) {
    // "3×3×3×32" (kernel, in, out), "3×3×32 dw" (kernel, channels), "Pool 7×7", "1024×1000" (FC in × out).
    const shape = /(\d+(?:x\d+)+)/.exec(normaliseLayerText(kernel).replace(/\s*x\s*/g, 'x'));
    const dims = shape ? shape[1].split('x').map(Number) : undefined;
    const single = /^\s*(\d+)\s*$/.exec(kernel);
    if (main.type === 'Dense') {
      if (dims) main.params.units ??= dims[dims.length - 1];
      else if (single) main.params.units ??= Number(single[1]);
    } else if (/Pool2D$/.test(main.type)) {
      if (dims) main.params.pool ??= [dims[0], dims[1]];
      else if (single) main.params.pool ??= [Number(single[1]), Number(single[1])];
    } else if (dims) {
      main.params.kernel ??= [dims[0], dims[1]];
      const slash = /\/\s*(\d+)/.exec(kernel);
      if (slash) main.params.stride ??= [Number(slash[1]), Number(slash[1])];
      if (dims.length === 4 && main.type !== 'DepthwiseConv2D') main.params.filters ??= dims[3];
    } else if (single) main.params.kernel ??= [Number(single[1]), Number(single[1])];
  }
  const num = (a: Attribute) => {
    const v = attrs.get(a);
    if (!v || !clean(v)) return undefined;
    const dims = sizeOf(v);
    if (dims) return dims;
    const n = /^\d+$/.exec(normaliseLayerText(v));
    return n ? [Number(n[0])] : undefined;
  };
  const activation = attrs.get('activation');
  const fn = activation && /leaky_relu|relu|sigmoid|tanh|softmax|elu|gelu|linear/i.exec(activation.replace(/leaky\s*-?relu/i, 'leaky_relu'));
  if (fn && (main.type === 'Dense' || main.type.startsWith('Conv') || main.type === 'DepthwiseConv2D')) main.params.activation = fn[0].toLowerCase();
  const filters = num('filters');
  if (filters) {
    if (main.type === 'Dense') main.params.units = filters[0];
    else if (main.type === 'Conv2D' || main.type === 'Conv2DTranspose') main.params.filters = filters[0];
  }
  const stride = num('stride');
  if (stride && main.type !== 'Dense') main.params.stride = [stride[0], stride[1] ?? stride[0]];
  const paddingText = attrs.get('padding');
  if (paddingText !== undefined && main.type !== 'Dense' && !/Pool2D$/.test(main.type)) {
    // "1x1x1x1" (top, bottom, left, right) or "1"; a dash in a padding row means none.
    const p = /(\d+)/.exec(normaliseLayerText(paddingText));
    main.params.padding = clean(paddingText) && p ? [Number(p[1]), Number(p[1])] : 'valid';
  }
  const poolSize = num('poolSize');
  if (poolSize) {
    const pool: LayerDraft = drafts.find((d) => /Pool2D$/.test(d.type)) ?? { type: 'MaxPool2D', params: {}, inferred: ['type'], text: attrs.get('poolSize')! };
    pool.params.pool = [poolSize[0], poolSize[1] ?? poolSize[0]];
    const poolStride = num('poolStride');
    if (poolStride) pool.params.stride = [poolStride[0], poolStride[1] ?? poolStride[0]];
    if (!drafts.includes(pool)) drafts.push(pool);
  }
  return drafts;
}

/** Row-major attribute table: header row of attributes, one layer per row (or per line of a multi-line row). */
function readRows(header: Cell[], body: Cell[][]): NetworkDraft | undefined {
  const attrCol = new Map<number, Attribute>();
  for (const h of header) {
    // A lone "c" is a channel count only among other attribute headers (MobileNetV2's "t c n s").
    const a = attributeOf(h.text) ?? (/^c$/i.test(h.text.trim()) ? 'filters' : undefined);
    if (a) for (let c = h.col0; c <= h.col1; c++) attrCol.set(c, a);
  }
  const typeCol = [...attrCol].find(([, a]) => a === 'type' || a === 'name')?.[0] ?? 0;
  const bands: SeqBand[] = [];
  let input: number[] | undefined;
  let read = 0;
  let total = 0;
  // A repeat mark on a line of its own ("5×" beside two rows, unruled) repeats the rows it sits against.
  const markers = body.flat().filter((c) => c.lines.length === 1 && repeatCount(c.text) !== undefined);
  const markerOf = (box: Box) => markers.find((m) => m.box[1] < box[3] - 0.5 && m.box[3] > box[1] + 0.5);
  let openBlock: { marker: Cell; block: SeqBlock } | undefined;
  for (const fullRow of body) {
    const row = fullRow.filter((c) => !markers.includes(c));
    const anchor = row.find((c) => c.col0 <= typeCol && c.col1 >= typeCol);
    if (!anchor) continue;
    total++;
    const items: SeqLayer[] = [];
    anchor.lines.forEach((line, k) => {
      const attrs = new Map<Attribute, string>();
      for (const cell of row) {
        const a = attrCol.get(cell.col0);
        if (!a || cell === anchor) continue;
        attrs.set(a, cell.lines.length === anchor.lines.length ? cell.lines[k] : cell.text);
      }
      if (!input && attrs.has('inputSize')) {
        const dims = sizeOf(attrs.get('inputSize')!);
        if (dims) input = [dims[0], dims[1], dims[2] ?? 3];
      }
      const drafts = applyAttributes(parseLayerText(line), attrs);
      for (const d of drafts) items.push(layerOf(d, anchor.box));
    });
    if (items.length === 0) continue;
    read++;
    const repeatCell = row.find((c) => attrCol.get(c.col0) === 'repeat');
    const stated = repeatCell && /^\d{1,3}$/.test(repeatCell.text.trim()) ? Number(repeatCell.text.trim()) : undefined;
    const marker = anchor.repeat === undefined && stated === undefined ? markerOf(anchor.box) : undefined;
    if (marker && openBlock?.marker === marker) {
      openBlock.block.layers.push(...items);
      continue;
    }
    const repeat = anchor.repeat ?? stated ?? (marker ? repeatCount(marker.text)! : 1);
    const block: SeqBlock | undefined = repeat > 1 ? { kind: 'block', style: 'plain', layers: items, repeat, box: anchor.box } : undefined;
    openBlock = marker && block ? { marker, block } : undefined;
    const band: SeqBand = { items: block ? [block] : items };
    // A stated input size is the previous row's output size.
    const inputCell = row.find((c) => attrCol.get(c.col0) === 'inputSize');
    const inputSize = inputCell && sizeOf(inputCell.lines[0] ?? '');
    if (inputSize && bands.length > 0) bands[bands.length - 1].outputSize ??= inputSize[0];
    bands.push(band);
  }
  return bands.length ? { name: '', layout: 'rows', input, bands, readCells: read, totalCells: total } : undefined;
}

/** Column-major attribute table: header column of attributes, one layer (stage) per column. */
function readColumns(grid: TableGrid, headerCol: number, rows: Cell[][]): NetworkDraft | undefined {
  const rowAttr: Array<{ attr: Attribute; row: Cell[] }> = [];
  for (const row of rows) {
    const head = row.find((c) => c.col0 === headerCol);
    const a = head && attributeOf(head.text);
    if (a) rowAttr.push({ attr: a, row });
  }
  const typeRow = rowAttr.find((r) => r.attr === 'type')?.row;
  const layerCols = [...new Set(rowAttr.flatMap((r) => r.row.filter((c) => c.col0 > headerCol).map((c) => c.col0)))].sort((a, b) => a - b);
  const bands: SeqBand[] = [];
  let input: number[] | undefined;
  let read = 0;
  for (const col of layerCols) {
    const attrs = new Map<Attribute, string>();
    for (const { attr, row } of rowAttr) {
      const cell = row.find((c) => c.col0 <= col && c.col1 >= col);
      if (cell && !attrs.has(attr)) attrs.set(attr, cell.text);
    }
    const typeText = typeRow?.find((c) => c.col0 <= col && c.col1 >= col)?.text ?? (attrs.has('kernel') && clean(attrs.get('kernel')!) ? 'conv' : 'fc');
    if (!input && attrs.has('inputSize')) {
      const dims = sizeOf(attrs.get('inputSize')!);
      if (dims) input = [dims[0], dims[1], dims[2] ?? 3];
    }
    const drafts = applyAttributes(parseLayerText(typeText), attrs);
    if (drafts.length === 0) continue;
    read++;
    const box = typeRow?.find((c) => c.col0 === col)?.box ?? grid.box;
    bands.push({ items: drafts.map((d) => layerOf(d, box)) });
  }
  return read >= 2 ? { name: '', layout: 'columns', input, bands, readCells: read, totalCells: layerCols.length } : undefined;
}

/** "[3×3, 64; 3×3, 64] ×2" written on one line: the bracketed layers, repeated. */
const INLINE_BLOCK = /[[{(]([^\]})]+)[\]})]\s*x\s*(\d{1,3})/i;

function inlineBlock(line: string, typeHint: string | undefined, style: BlockStyle, box: Box): SeqBlock | undefined {
  const m = INLINE_BLOCK.exec(normaliseLayerText(line));
  if (!m) return undefined;
  const layers = m[1].split(/\s*;\s*/).flatMap((part) => parseLayerText(part, typeHint)).map((d) => layerOf(d, box));
  if (layers.length === 0) return undefined;
  return { kind: 'block', style: layers.length >= 2 ? style : 'plain', layers, repeat: Number(m[2]), box };
}

/** A row label's layer type: "conv2_x" (a name) or a bare layer word such as "Convolution" or "Pooling". */
function labelType(text: string): string | undefined {
  const named = typeOfName(text);
  if (named) return named;
  if (/\d/.test(text.replace(/\([^)]*\)/g, ''))) return undefined;
  const drafts = parseLayerText(text);
  return drafts.length === 1 && Object.keys(drafts[0].params).length === 0 ? drafts[0].type : undefined;
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
  const gaps = members.slice(1).map((c, i) => centre(c) - centre(members[i])).filter((g) => g > 0);
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

/** Configuration table: each column whose cells read as layers is one network. */
function readConfigurations(grid: TableGrid, hints: InterpretHints): NetworkDraft[] {
  const cells = attachMarkColumns(grid.cells.filter((c) => c.text.trim()));
  const readable = (c: Cell) => c.lines.some((l) => parseLayerText(l).length > 0);
  // The body starts at the first row where a fair share of cells read as layers (a header's "A-LRN" alone does not).
  const firstBodyRow = rowsOf(cells).find((row) => row.filter(readable).length >= Math.max(1, 0.3 * row.length));
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
    if (mine.filter((c) => labelType(c.text)).length >= mine.length * 0.6) colAttr.set(col, 'name');
    else if (mine.filter((c) => sizeOf(c.text)).length >= mine.length * 0.6) colAttr.set(col, 'outputSize');
  }
  const configCols: number[] = [];
  for (let col = 0; col < grid.columns.length; col++) {
    if (colAttr.has(col)) continue;
    const covering = body.filter((c) => c.col0 <= col && c.col1 >= col);
    const ownCells = covering.filter((c) => c.col0 === c.col1);
    const good = covering.filter(readable).length;
    // Cells that state numbers ("conv3-64", "3×3, 64"), not just a layer word ("Pooling").
    const informative = covering.filter((c) => c.lines.some((l) => parseLayerText(l).some((d) => Object.keys(d.params).length > 0 && d.type !== 'Activation'))).length;
    if (ownCells.length >= 1 && good >= 3 && good >= 0.5 * covering.length && informative >= 2) configCols.push(col);
  }
  const nameCol = [...colAttr].find(([, a]) => a === 'name' || a === 'type')?.[0];
  const sizeCol = [...colAttr].find(([, a]) => a === 'outputSize')?.[0];
  const drafts: NetworkDraft[] = [];
  for (const col of configCols) {
    const name = header
      .filter((c) => c.col0 === col && c.col1 === col)
      .sort((a, b) => a.box[1] - b.box[1])
      .map((c) => c.text)
      .join(' ')
      .trim();
    const labels = nameCol === undefined ? [] : body.filter((c) => c.col0 === nameCol);
    const covering = mergeMarkedBlocks(body.filter((c) => c.col0 <= col && c.col1 >= col), labels);
    const sizes = sizeCol === undefined ? [] : body.filter((c) => c.col0 === sizeCol && sizeOf(c.text));
    const bands: SeqBand[] = [];
    let input: number[] | undefined;
    let read = 0;
    for (const cell of covering) {
      const label = nameCol === undefined ? undefined : body.find((c) => c.col0 === nameCol && overlapY(c.box, cell.box));
      const items = readCell(cell, label ? labelType(label.text) : undefined, hints.blockStyle);
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

/** Interprets a grid as zero or more networks. */
export function interpretTable(grid: TableGrid, hints: InterpretHints): NetworkDraft[] {
  const cells = grid.cells.filter((c) => c.text.trim());
  const rows = rowsOf(cells);
  // Row-major: the first row with two or more attribute headers, one of them a type or a kernel.
  for (let r = 0; r < Math.min(rows.length, 4); r++) {
    const attrs = rows[r].map((c) => attributeOf(c.text)).filter(Boolean);
    if (attrs.length >= 2 && attrs.some((a) => a === 'type' || a === 'kernel')) {
      const draft = readRows(rows[r], rows.slice(r + 1));
      if (draft && draft.readCells >= 3) return [draft];
    }
  }
  // Column-major: a column holding three or more attribute headers.
  for (let col = 0; col < Math.min(grid.columns.length, 3); col++) {
    const attrs = cells.filter((c) => c.col0 === col && attributeOf(c.text)).length;
    if (attrs >= 3) {
      const draft = readColumns(grid, col, rows);
      if (draft) return [draft];
    }
  }
  return readConfigurations(grid, hints);
}

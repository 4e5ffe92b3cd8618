/**
 * Attribute tables: a header row (row-major, MobileNet's Table 1) or a header column (column-major,
 * OverFeat's Tables 1 and 3) names what each cell states — type, kernel, stride, channels, sizes.
 */
import type { Box } from '../paper/index.ts';
import type { Cell, TableGrid } from './grid.ts';
import { labelType, normaliseLayerText, parseLayerText, repeatCount, sizeOf, type LayerDraft } from './layerText.ts';
import { layerOf, type NetworkDraft, type SeqBand, type SeqBlock, type SeqLayer } from './sequence.ts';

export type Attribute =
  'type' | 'filters' | 'kernel' | 'stride' | 'poolSize' | 'poolStride' | 'padding' | 'inputSize' | 'outputSize' | 'repeat' | 'name' | 'activation';

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

/** A cell that states nothing ("-"). */
export const clean = (text: string) => !/^[-–—\s]*$/.test(text);

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
export function readRows(header: Cell[], body: Cell[][]): NetworkDraft | undefined {
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
      // "conv1", "fc6": a layer name in the type column still says the type; the attributes say the rest.
      const named = parseLayerText(line);
      const type = named.length ? undefined : labelType(line);
      const drafts = applyAttributes(named.length ? named : type ? [{ type, params: {}, inferred: [], text: line }] : [], attrs);
      for (const d of drafts) {
        // An "Input" row states the input shape in whichever size column it has.
        if (d.type === 'Input') {
          const dims = (d.params.shape as number[] | undefined) ?? [...attrs.values()].map((v) => sizeOf(v)).find((x) => x && x.length >= 2);
          if (dims && !input) input = [dims[0], dims[1], dims[2] ?? 3];
          continue;
        }
        items.push(layerOf(d, anchor.box));
      }
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
export function readColumns(grid: TableGrid, headerCol: number, rows: Cell[][]): NetworkDraft | undefined {
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

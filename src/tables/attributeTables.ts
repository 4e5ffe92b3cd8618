/**
 * Attribute tables: a header row (row-major, MobileNet's Table 1) or a header column (column-major,
 * OverFeat's Tables 1 and 3) names what each cell states — type, kernel, stride, channels, sizes.
 */
import type { Box } from '../paper/index.ts';
import { getSpec, traitsOf, type Params } from '../graph/index.ts';
import { attributeOf, widthParam as widthParamOf, type Attribute } from '../reading/index.ts';
import type { Cell, TableGrid } from './grid.ts';
import { labelType, normaliseLayerText, parseLayerText, repeatCount, sizeOf, type LayerDraft } from './layerText.ts';
import { layerOf, type NetworkDraft, type SeqBand, type SeqBlock, type SeqLayer } from './sequence.ts';

export { attributeOf, type Attribute } from '../reading/index.ts';

/** A cell that states nothing ("-"). */
export const clean = (text: string) => !/^[-–—\s]*$/.test(text);

/** A pooling column's cell naming its kind: "Max (2)", "avg 3", "Global avg", "global max pooling". */
const POOL_NAMED =
  /^(?<global>global\s*-?\s*)?(?<kind>max|avg|average|mean)\b(?:\s*-?\s*pool\w*)?\s*(?:\(\s*(?<window>\d{1,2})\s*\)|(?<window2>\d{1,2}))?\s*$/i;

/** Applies attribute cells (kernel, stride, channels...) to the layer(s) a type cell names. */
/** "Output size (T × C)", "Output (length × channels)": sizes written as positions then channels, one axis only. */
const SEQUENCE_SIZES = /\b(?:t|l|n|time(?:\s+steps)?|length|steps)\s*[x×]\s*(?:c|ch|channels)\b/i;

/** `sequenceSizes`: output sizes are "positions × channels" (the header says so), so their last number is a width. */
function applyAttributes(drafts: LayerDraft[], attrs: Map<Attribute, string>, sequenceSizes = false): LayerDraft[] {
  const main = drafts[0];
  if (!main) return drafts;
  const spec = attrs.get('spec');
  if (spec && clean(spec)) applySpec(main, spec);
  const kernel = attrs.get('kernel');
  // "80 (4)", "3×3 / 2", "64×1 / 16×1": a window with its stride in brackets or after a slash.
  const windowStride = kernel && /^\s*\d+(?:\s*x\s*\d+)?\s*(?:\(\s*(\d+)\s*\)|\/\s*(\d+)(?:\s*x\s*(\d+))?)\s*$/.exec(normaliseLayerText(kernel));
  if (windowStride && main.type !== 'Dense') {
    const along = Number(windowStride[1] ?? windowStride[2]);
    main.params.stride ??= [along, windowStride[3] ? Number(windowStride[3]) : along];
  }
  // A fully connected row's width in the window column ("FC | 100 | 1"): the width the row states, not the 1 beside it.
  let unitsInWindowColumn = false;
  if (kernel && clean(kernel)) {
    // "3×3×3×32" (kernel, in, out), "3×3×32 dw" (kernel, channels), "Pool 7×7", "1024×1000" (FC in × out).
    const shape = /(\d+(?:x\d+)+)/.exec(normaliseLayerText(kernel).replace(/\s*x\s*/g, 'x'));
    const dims = shape ? shape[1].split('x').map(Number) : undefined;
    const single = /^\s*(\d+)\s*(?:\(\s*\d+\s*\)|\/\s*\d+)?\s*$/.exec(normaliseLayerText(kernel));
    // A layer without a window (fully connected, recurrent, embedding): a "Size" is its width.
    const widthOnly = !traitsOf(main.type).window && widthParamOf(main.type);
    if (widthOnly) {
      if (dims) main.params[widthOnly] ??= dims[dims.length - 1];
      else if (single) main.params[widthOnly] ??= Number(single[1]);
      unitsInWindowColumn = Boolean(dims ?? single);
    } else if (traitsOf(main.type).window === 'pooling') {
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
  // "Dropout | 0.3": a dropout layer after the row's layer.
  const rate = /^\s*(0?\.\d+)\s*$/.exec(attrs.get('dropout') ?? '');
  if (rate && !drafts.some((d) => d.type === 'Dropout'))
    drafts.push({ type: 'Dropout', params: { rate: Number(rate[1]) }, inferred: [], text: attrs.get('dropout')! });
  const activation = attrs.get('activation');
  const fn = activation && /leaky_relu|relu|sigmoid|tanh|softmax|elu|gelu|linear/i.exec(activation.replace(/leaky\s*-?relu/i, 'leaky_relu'));
  if (fn && (main.type === 'Dense' || main.type.startsWith('Conv') || main.type === 'DepthwiseConv2D')) main.params.activation = fn[0].toLowerCase();
  const filters = num('filters');
  const width = widthParamOf(main.type);
  if (filters && width && main.type !== 'DepthwiseConv2D' && !(unitsInWindowColumn && filters[0] === 1)) main.params[width] = filters[0];
  const stride = num('stride');
  if (stride && main.type !== 'Dense') main.params.stride = [stride[0], stride[1] ?? stride[0]];
  const paddingText = attrs.get('padding');
  if (paddingText !== undefined && main.type !== 'Dense' && !/Pool2D$/.test(main.type)) {
    // "1x1x1x1" (top, bottom, left, right) or "1"; a dash in a padding row means none.
    const p = /(\d+)/.exec(normaliseLayerText(paddingText));
    main.params.padding = clean(paddingText) && p ? [Number(p[1]), Number(p[1])] : 'valid';
  }
  // "3×3, s2" in a pooling column: the window and its stride; "Max (2)", "Avg 2", "Global avg": which pooling, and its window.
  const poolText = attrs.get('poolSize');
  const poolRead = poolText && clean(poolText) ? parseLayerText(poolText, 'MaxPool2D')[0] : undefined;
  const named = poolText ? POOL_NAMED.exec(normaliseLayerText(poolText)) : null;
  if (named?.groups!.global && !drafts.some((d) => /Pool/.test(d.type))) {
    drafts.push({ type: /max/i.test(named.groups!.kind!) ? 'GlobalMaxPool2D' : 'GlobalAvgPool2D', params: {}, inferred: [], text: poolText! });
  }
  const window = named?.groups!.window ?? named?.groups!.window2;
  const namedWindow = named && !named.groups!.global && window ? [Number(window)] : undefined;
  const poolSize = num('poolSize') ?? (poolRead?.params.pool as number[] | undefined) ?? namedWindow;
  if (poolRead?.params.stride && !attrs.has('poolStride')) attrs.set('poolStride', String((poolRead.params.stride as number[])[0]));
  if (poolSize) {
    const kind = named && /avg|average|mean/i.test(named.groups!.kind!) ? 'AvgPool2D' : 'MaxPool2D';
    const pool: LayerDraft = drafts.find((d) => /Pool2D$/.test(d.type)) ?? {
      type: kind,
      params: {},
      inferred: named ? [] : ['type'],
      text: attrs.get('poolSize')!,
    };
    pool.params.pool = [poolSize[0], poolSize[1] ?? poolSize[0]];
    const poolStride = num('poolStride');
    if (poolStride) pool.params.stride = [poolStride[0], poolStride[1] ?? poolStride[0]];
    if (!drafts.includes(pool)) drafts.push(pool);
  }
  // The output's channels are a convolution's filters, its one size a fully connected layer's units ("(None, 26, 26, 32)", "8×8×64", "128",
  // "1×1×38").
  const output = attrs.get('outputSize');
  const sizes = output && clean(output) ? (normaliseLayerText(output).match(/\d+/g)?.map(Number) ?? []) : [];
  const spatial = traitsOf(main.type).spatialAxes ?? 0;
  const channelsStated = sizes.length > spatial || (sequenceSizes && sizes.length === 2);
  const vector = sizes.length <= 2 || sizes.slice(0, -1).every((n) => n === 1);
  if (width && main.type !== 'DepthwiseConv2D' && main.params[width] === undefined && channelsStated && (spatial > 0 || vector))
    main.params[width] = sizes[sizes.length - 1];
  // "FC, reshape | 4 × 4 × 512": a fully connected layer whose output is maps has as many units as they hold.
  if (main.type === 'Dense' && main.params.units === undefined && sizes.length >= 3 && !vector) main.params.units = sizes.reduce((a, b) => a * b, 1);
  return drafts;
}

/**
 * A cell stating several things of its row's layer ("5×5, 32", "3×3/2, 64", "128 filters, kernel 5, ReLU",
 * "pool size 4", "100 units", "20000 × 128", "1, sigmoid"): what it says of the layer its row names.
 */
function applySpec(main: LayerDraft, spec: string): void {
  // "20,000": one number.
  let text = normaliseLayerText(spec).replace(/(\d),(\d{3})\b/g, '$1$2');
  const set = (name: string, value: Params[string]) => {
    if (main.params[name] === undefined) main.params[name] = value;
  };
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(text);
    if (m) text = text.replace(m[0], ' ');
    return m;
  };
  const pooling = traitsOf(main.type).window === 'pooling';
  const oneAxis = traitsOf(main.type).spatialAxes === 1;
  const window = (a: string, b?: string): Params[string] => (oneAxis ? Number(a) : [Number(a), Number(b ?? a)]);
  const stride = take(/\bstride\s*(?:of\s*)?(\d+)|\/\s*s?(\d)\b|\bs(\d)\b/i);
  if (stride) set('stride', window(stride[1] ?? stride[2] ?? stride[3]));
  const named = take(/\b(?:kernel|filter|window|pool(?:ing)?)\s*(?:size\s*)?(?:of\s*)?(\d{1,3})(?:x(\d{1,3}))?\b/i);
  const shape = named ? null : take(/(?<![\d.])(\d+)x(\d+)(?:x(\d+))?(?![\d.])/);
  const counted = take(/(\d+)\s*(?:filters|channels|units|hidden units|neurons|maps|feature maps|kernels)\b/i);
  const rest = /(?<![\d.])(\d+)(?![\d.%])/.exec(text);
  const activation = /\b(relu|sigmoid|tanh|softmax|linear|elu|gelu)\b/i.exec(spec);
  if (main.type === 'Embedding') {
    // "vocab 20,000, dim 200"
    const vocab = take(/\bvocab\w*\s*(?:size\s*)?(?:of\s*)?[:=]?\s*(\d+)/i);
    const dim = take(/\b(?:dim\w*|size)\s*(?:of\s*)?[:=]?\s*(\d+)/i);
    if (vocab) set('vocab', Number(vocab[1]));
    if (dim) set('dim', Number(dim[1]));
    if (vocab || dim) return;
    if (shape) Object.assign(main.params, { vocab: Number(shape[1]), dim: Number(shape[2]) });
    else if (counted ?? rest) set('dim', Number((counted ?? rest)![1]));
    return;
  }
  if (pooling) {
    const pool = named ?? shape;
    if (pool) set('pool', window(pool[1], pool[2]));
    else if (rest) set('pool', window(rest[1]));
    return;
  }
  const win = named ?? (shape && !(main.type === 'Dense') ? shape : null);
  if (win && traitsOf(main.type).window) set('kernel', window(win[1], win[2]));
  const width = widthParamOf(main.type);
  const n = counted ?? rest;
  if (width && n) set(width, Number(n[1]));
  // "3×3×32": a convolution's window and, third, its width (a depthwise one's third number is its input's channels).
  else if (width && shape?.[3] && traitsOf(main.type).window === 'convolution' && main.type !== 'DepthwiseConv2D') set(width, Number(shape[3]));
  if (activation && width) set('activation', activation[1].toLowerCase());
}

/** "(conv 9, 64) ×2", "[conv3-64] x3": a bracketed layer with its repeat, inside a cell. */
const BRACKETED_REPEAT = /^[([](?<body>[^()[\]]+)[)\]]\s*[×x]\s*(?<times>\d{1,2})$/i;

/** The layers a type or name cell names; "conv1", "fc6" (a layer's name) still say its type, the attributes say the rest. */
function layerDrafts(text: string): LayerDraft[] {
  const repeated = BRACKETED_REPEAT.exec(normaliseLayerText(text).trim());
  if (repeated) {
    const once = layerDrafts(repeated.groups!.body!);
    return Array.from({ length: Number(repeated.groups!.times) }, () => once.map((d) => ({ ...d, params: { ...d.params } }))).flat();
  }
  const named = parseLayerText(text);
  if (named.length) return named;
  const type = labelType(text);
  return type ? [{ type, params: {}, inferred: [], text }] : [];
}

/**
 * "Softmax | 4" in a table whose fully connected rows come before it: a classifier of 4 units (unless the layer
 * before already has them: "FC | 1000", "Softmax | 1000" is one layer).
 */
function classifierOf(draft: LayerDraft, widthText: string | undefined, lastUnits: number | undefined): LayerDraft | undefined {
  const fn = draft.type === 'Activation' ? String(draft.params.fn) : '';
  const units = widthText && /^\s*(\d{1,6})\s*$/.exec(widthText);
  if (!units || !/^(?:softmax|sigmoid)$/.test(fn) || Number(units[1]) === lastUnits) return undefined;
  return { type: 'Dense', params: { units: Number(units[1]), activation: fn }, inferred: [], text: draft.text };
}

/** A count of weights as tables write it: "4,640", "0", "14.6K", "1.2M", or a dash. */
const WEIGHT_COUNT = /^\s*(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*[KMkm]?|[–—-])\s*$/;

/** Row-major attribute table: header row of attributes, one layer per row (or per line of a multi-line row). */
export function readRows(header: Cell[], body: Cell[][]): NetworkDraft | undefined {
  const attrCol = new Map<number, Attribute>();
  for (const h of header) {
    // A lone "c" is a channel count only among other attribute headers (MobileNetV2's "t c n s").
    const a = attributeOf(h.text) ?? (/^c$/i.test(h.text.trim()) ? 'filters' : undefined);
    if (a) for (let c = h.col0; c <= h.col1; c++) attrCol.set(c, a);
  }
  // "Parameters | 4,640": a spec-like header over bare numbers counts each layer's weights; it states no layer.
  for (const h of header) {
    const cells = body.flat().filter((c) => c.col0 === h.col0 && c.col1 === h.col1 && c.text.trim());
    if (attrCol.get(h.col0) === 'spec' && cells.length && cells.every((c) => WEIGHT_COUNT.test(c.text))) {
      for (let c = h.col0; c <= h.col1; c++) attrCol.delete(c);
    }
  }
  // "Width | Filters / units": beside a column that counts the layer's width, a "width" is its window's width.
  const widthColumns = header.filter((h) => attrCol.get(h.col0) === 'filters');
  const windowWidth = widthColumns.length > 1 ? widthColumns.find((h) => /^\s*(?:width|size)\s*$/i.test(h.text)) : undefined;
  if (windowWidth) for (let c = windowWidth.col0; c <= windowWidth.col1; c++) attrCol.set(c, 'kernel');
  // The type column says what each layer is; a name column ("conv1", "fc6") where there is none.
  // Of two type-like headers ("Stage | Operator"), the column whose cells name layers.
  const typeCols = [...new Set([...attrCol].filter(([, a]) => a === 'type').map(([c]) => c))];
  const naming = (col: number) => body.filter((row) => row.some((c) => c.col0 === col && layerDrafts(c.text).length > 0)).length;
  const bestType = typeCols.length > 1 ? typeCols.reduce((a, b) => (naming(b) > naming(a) ? b : a)) : typeCols[0];
  // Of two name columns ("Block | Layer"), likewise the one whose cells name layers.
  const nameCols = header.filter((h) => attrCol.get(h.col0) === 'name').map((h) => h.col0);
  const bestName = nameCols.length ? nameCols.reduce((a, b) => (naming(b) > naming(a) ? b : a)) : undefined;
  const typeCol = bestType ?? bestName ?? 0;
  // "Stage | Operation" where both name layers ("Conv3 | [conv 3×3, 256] × 2"): the other column states each layer in full.
  for (const col of typeCols) {
    if (col !== typeCol && !header.some((h) => attrCol.get(h.col0) === 'spec') && naming(col) * 2 >= body.length) attrCol.set(col, 'spec');
  }
  const bands: SeqBand[] = [];
  let input: number[] | undefined;
  let read = 0;
  let total = 0;
  // A repeat mark on a line of its own ("5×" beside two rows, unruled) repeats the rows it sits against.
  const markers = body.flat().filter((c) => c.lines.length === 1 && repeatCount(c.text) !== undefined);
  const markerOf = (box: Box) => markers.find((m) => m.box[1] < box[3] - 0.5 && m.box[3] > box[1] + 0.5);
  let openBlock: { marker: Cell; block: SeqBlock } | undefined;
  let lastUnits: number | undefined;
  let previous: LayerDraft | undefined;
  const sequenceSizes = header.some((h) => attrCol.get(h.col0) === 'outputSize' && SEQUENCE_SIZES.test(normaliseLayerText(h.text)));
  let inputDims: number[] | undefined;
  const statedSizes: StatedSize[] = [];
  for (const fullRow of body) {
    const row = fullRow.filter((c) => !markers.includes(c));
    // A row without a name or type ("| 1×1 | global average pool, 10-d fc |") is read from its spec cell.
    const anchor = row.find((c) => c.col0 <= typeCol && c.col1 >= typeCol) ?? row.find((c) => attrCol.get(c.col0) === 'spec');
    if (!anchor) continue;
    total++;
    const items: SeqLayer[] = [];
    // A stage named once whose spec cell stacks several layers ("conv3_x | [3×3, 32; 3×3, 32] ×2"): a layer per line.
    const stacked = anchor.lines.length === 1 ? row.find((c) => attrCol.get(c.col0) === 'spec' && c.lines.length > 1) : undefined;
    const lines = stacked ? stacked.lines.map(() => anchor.lines[0]!) : anchor.lines;
    lines.forEach((line, k) => {
      const attrs = new Map<Attribute, string>();
      for (const cell of row) {
        const a = attrCol.get(cell.col0);
        if (!a || cell === anchor) continue;
        attrs.set(a, cell.lines.length === lines.length ? cell.lines[k] : cell.text);
      }
      if (!input && attrs.has('inputSize')) {
        const dims = sizeOf(attrs.get('inputSize')!);
        if (dims) [input, inputDims] = [[dims[0], dims[1], dims[2] ?? 3], dims];
      }
      // "block1 | … | [3×3, 32; 3×3, 32]": a name that is no layer word leaves the layer to the spec cell.
      const spec = attrs.get('spec');
      const named = layerDrafts(line);
      const fromSpec = spec ? layerDrafts(spec) : [];
      // "pool | 1×1 | global average pool": a bare name says the kind of layer, its spec cell which one.
      // (or the same kind stated in full: "Conv3 | [conv 3×3, 256] × 2")
      const refined =
        named.length === 1 &&
        Object.keys(named[0]!.params).length === 0 &&
        fromSpec[0] !== undefined &&
        (fromSpec[0].type !== named[0]!.type
          ? // (a kind only counted by its noun, "128 filters", is no kind of its own: the row's "Conv1D" stands)
            getSpec(fromSpec[0].type)?.category === getSpec(named[0]!.type)?.category && !/^\s*\d/.test(fromSpec[0].text)
          : Object.keys(fromSpec[0].params).length > 0);
      const own = (named.length === 0 && spec) || refined ? fromSpec : named;
      if (own !== named) attrs.delete('spec');
      // "input | Waveform | – | 32000×1": a row its name calls the input, whatever its type cell says.
      const inputRow = own.length === 0 && /^input\b/i.test(attrs.get('name') ?? line);
      // "Output | 1 | Sigmoid", "Output | 164 sigmoid units", "out | 7 units": the last fully connected layer, named by its place.
      const outputWidth = /^\s*\d+\s*$/.test(attrs.get('filters') ?? '') || /^\s*\d+\s+(?:[a-z]+\s+)?(?:units?|outputs?|neurons?|classes)\b/i.test(spec ?? '');
      const outputRow = own.length === 0 && /^\s*(?:output|out|logits|classifier)(?:\s+layer)?\s*$/i.test(line) && outputWidth;
      // (its width is in the spec cell the name did not use)
      if (outputRow && spec) attrs.set('spec', spec);
      const drafts = inputRow
        ? [{ type: 'Input', params: {}, inferred: [], text: line }]
        : applyAttributes(outputRow ? [{ type: 'Dense', params: {}, inferred: [], text: line }] : own, attrs, sequenceSizes);
      for (const d of drafts) {
        // An "Input" row states the input shape in whichever size column it has.
        if (d.type === 'Input') {
          const dims = (d.params.shape as number[] | undefined) ?? [...attrs.values()].map((v) => sizeOf(v)).find((x) => x && x.length >= 2);
          if (dims && !input) [input, inputDims] = [[dims[0], dims[1], dims[2] ?? 3], dims];
          // "Input | 76": a vector of features, sized in the width column.
          const features = /^\s*(\d+)\s*$/.exec(attrs.get('filters') ?? '');
          if (!dims && features && !input) input = [Number(features[1])];
          continue;
        }
        // (only a row that is the activation alone: "Conv2D (sigmoid) | 1" is a convolution's; its output size, where
        // stated, is the number of classes)
        const outputText = attrs.get('outputSize');
        const classes = outputText && /^\s*\d{1,6}\s*$/.test(outputText) ? outputText : attrs.get('filters');
        const layer = (d === drafts[0] && classifierOf(d, classes, lastUnits)) || d;
        if (d === drafts[0] && outputText) statedSizes.push({ draft: layer, sizes: normaliseLayerText(outputText).match(/\d+/g)?.map(Number) ?? [] });
        if (layer.type === 'Dense') lastUnits = Number(layer.params.units);
        // A blank width cell under a layer of the same kind repeats the width above it, as tables leave it blank.
        const width = widthParamOf(layer.type);
        if (width && widthColumns.length && !attrs.has('filters') && previous?.type === layer.type) layer.params[width] ??= previous.params[width];
        if (width) previous = layer;
        items.push(layerOf(layer, anchor.box));
      }
    });
    if (items.length === 0) continue;
    read++;
    const repeatCell = row.find((c) => attrCol.get(c.col0) === 'repeat');
    const stated = repeatCell && /^\d{1,3}$/.test(repeatCell.text.trim()) ? Number(repeatCell.text.trim()) : undefined;
    const ownRepeat = anchor.repeat ?? stacked?.repeat;
    const marker = ownRepeat === undefined && stated === undefined ? markerOf(anchor.box) : undefined;
    if (marker && openBlock?.marker === marker) {
      openBlock.block.layers.push(...items);
      continue;
    }
    const repeat = ownRepeat ?? stated ?? (marker ? repeatCount(marker.text)! : 1);
    const block: SeqBlock | undefined = repeat > 1 ? { kind: 'block', style: 'plain', layers: items, repeat, box: anchor.box } : undefined;
    openBlock = marker && block ? { marker, block } : undefined;
    const band: SeqBand = { items: block ? [block] : items };
    // A stated input size is the previous row's output size.
    const inputCell = row.find((c) => attrCol.get(c.col0) === 'inputSize');
    const inputSize = inputCell && sizeOf(inputCell.lines[0] ?? '');
    if (inputSize && bands.length > 0) {
      bands[bands.length - 1].outputSize ??= inputSize[0];
      widenFromNextInput(bands[bands.length - 1], inputSize);
    }
    bands.push(band);
  }
  if (!bands.length) return undefined;
  const sequenceInput = sequenceSizes || statesSequences(statedSizes) ? overSequence(bands, statedSizes, inputDims) : undefined;
  return { name: '', layout: 'rows', input: sequenceInput ?? input, bands, readCells: read, totalCells: total };
}

/**
 * Tables that state each row's input size ("conv | 3×3/1 | 63×63×32"): the next row's input channels are the width
 * of the last layer before it that has none ("1×1×12" after a linear layer is its 12 units).
 */
function widenFromNextInput(band: SeqBand, nextInput: number[]): void {
  if (nextInput.length < 3) return;
  const layers = band.items.flatMap((item) => (item.kind === 'layer' ? [item] : item.layers));
  const last = layers[layers.length - 1]?.draft;
  const width = last && widthParamOf(last.type);
  if (!last || !width || last.params[width] !== undefined || last.type === 'DepthwiseConv2D') return;
  const spatial = traitsOf(last.type).spatialAxes ?? 0;
  if (spatial > 0 || nextInput.slice(0, -1).every((n) => n === 1)) last.params[width] = nextInput[nextInput.length - 1];
}

/** A row's layer with the output size it states. */
interface StatedSize {
  draft: LayerDraft;
  sizes: number[];
}

const isImageConvolution = (type: string) => traitsOf(type).window === 'convolution' && traitsOf(type).spatialAxes === 2;

/**
 * Output sizes "length × channels" without a header saying so ("600×300" beside 300 filters, "128×16" beside 16
 * kernels): every convolution's stated size is two numbers, and where a width column states its filters, the
 * second number is that width, in at least two rows. Images' "112×112" beside 64 filters do not qualify.
 */
function statesSequences(stated: StatedSize[]): boolean {
  const convolutions = stated.filter((s) => isImageConvolution(s.draft.type) && s.sizes.length > 0);
  if (convolutions.some((s) => s.sizes.length !== 2) || stated.some((s) => s.sizes.length > 2)) return false;
  const widths = convolutions.filter((s) => s.draft.params.filters !== undefined);
  return widths.length >= 2 && widths.every((s) => s.sizes[1] === s.draft.params.filters);
}

/**
 * A table over sequences: its convolutions become 1-D ones (the reading core then builds a sequence network) and
 * its input is "steps × channels": the stated one, or the first convolution's stated length times its stride, on
 * one channel.
 */
function overSequence(bands: SeqBand[], stated: StatedSize[], inputDims: number[] | undefined): number[] | undefined {
  const layers = bands.flatMap((band) => band.items.flatMap((item) => (item.kind === 'layer' ? [item] : item.layers)));
  for (const l of layers) if (isImageConvolution(l.draft.type) && l.draft.type === 'Conv2D') l.draft.type = 'Conv1D';
  if (inputDims?.length === 2) return inputDims;
  const first = stated.find((s) => s.draft.type === 'Conv1D' && s.sizes.length === 2);
  if (!first || layers[0]?.draft !== first.draft) return undefined;
  const stride = first.draft.params.stride;
  return [first.sizes[0] * (Array.isArray(stride) ? Number(stride[0]) : Number(stride ?? 1)), 1];
}

/** Column-major attribute table: header column of attributes, one layer (stage) per column. */
export function readColumns(grid: TableGrid, headerCol: number, rows: Cell[][]): NetworkDraft | undefined {
  const rowAttr: Array<{ attr: Attribute; row: Cell[] }> = [];
  for (const row of rows) {
    const head = row.find((c) => c.col0 === headerCol);
    const a = head && attributeOf(head.text);
    if (a) rowAttr.push({ attr: a, row });
  }
  const layerCols = [...new Set(rowAttr.flatMap((r) => r.row.filter((c) => c.col0 > headerCol).map((c) => c.col0)))].sort((a, b) => a - b);
  // Where no row is labelled the type, an unlabelled row whose cells name layers ("| Input | Conv | MaxPool | …") is it.
  const namesLayers = (row: Cell[]) => row.filter((c) => c.col0 > headerCol && layerDrafts(c.text).length > 0).length * 2 >= layerCols.length;
  const typeRow =
    (rowAttr.find((r) => r.attr === 'type') ?? rowAttr.find((r) => r.attr === 'name'))?.row ??
    rows.find((row) => !rowAttr.some((r) => r.row === row) && namesLayers(row));
  let inputDims: number[] | undefined;
  const bands: SeqBand[] = [];
  let input: number[] | undefined;
  let read = 0;
  for (const col of layerCols) {
    const attrs = new Map<Attribute, string>();
    for (const { attr, row } of rowAttr) {
      const cell = row.find((c) => c.col0 <= col && c.col1 >= col);
      if (cell && !attrs.has(attr)) attrs.set(attr, cell.text);
    }
    // A column its type row does not name ("Layer | 1 | 2 | …" numbers them) is a convolution where it states a kernel.
    const typeCell = typeRow?.find((c) => c.col0 <= col && c.col1 >= col);
    const numbered = !typeCell || /^\s*\d{1,2}\s*$/.test(typeCell.text);
    const typeText = numbered ? (attrs.has('kernel') && clean(attrs.get('kernel')!) ? 'conv' : 'fc') : typeCell.text;
    if (!input && attrs.has('inputSize')) {
      const dims = sizeOf(attrs.get('inputSize')!);
      if (dims) input = [dims[0], dims[1], dims[2] ?? 3];
    }
    const named = layerDrafts(typeText);
    // An "Input" column states the input's size ("3000 × 1": steps × channels).
    if (named.length === 1 && named[0].type === 'Input') {
      const dims = sizeOf(attrs.get('outputSize') ?? attrs.get('inputSize') ?? '');
      if (dims && !input) [input, inputDims] = [[dims[0], dims[1], dims[2] ?? 3], dims];
      read++;
      continue;
    }
    // "output | softmax | 12": an activation column with a width is the classifier.
    const drafts = applyAttributes(named, attrs).map((d, k) => (k === 0 && classifierOf(d, attrs.get('filters'), undefined)) || d);
    if (drafts.length === 0) continue;
    read++;
    const box = typeRow?.find((c) => c.col0 === col)?.box ?? grid.box;
    bands.push({ items: drafts.map((d) => layerOf(d, box)) });
  }
  if (read < 2) return undefined;
  // A two-number input is steps × channels: the convolutions run along the sequence.
  const sequenceInput = inputDims?.length === 2 ? overSequence(bands, [], inputDims) : undefined;
  return { name: '', layout: 'columns', input: sequenceInput ?? input, bands, readCells: read, totalCells: layerCols.length };
}

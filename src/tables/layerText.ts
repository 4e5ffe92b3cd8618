/**
 * Free text describing layers, as papers write it in tables and prose → layer drafts.
 * "conv3-64", "3×3, 64", "7×7, 64, stride 2", "3×3 max pool, stride 2", "FC-4096", "1000-d fc",
 * "Conv dw / s2", "3×3×32 dw", "soft-max", "input (224 × 224 RGB image)".
 */
import { getSpec, imageWindow, resolveAlias, traitsOf, type Params } from '../graph/index.ts';
import { callLayers } from './callNotation.ts';
import { ALL_WIDTH_NOUNS, leadingModifier, modifierParams, normaliseLayerText, typeCountedBy, widthParam, type LayerDraft } from '../reading/index.ts';

export { normaliseLayerText, type LayerDraft };

interface TypeRule {
  pattern: RegExp;
  type: string;
  params?: Params;
}

/** Order matters: the first matching rule names the layer. */
/** The largest step a "/N" after a window is read as; a bigger N is the layer's width. */
const MAX_SLASH_STRIDE = 4;
/** "Conv1D", "1-D conv", "MaxPool1D", "GlobalMaxPooling1D": layers over sequences, named with their one axis. */
const ONE_D = String.raw`(?:1-?d|one-?dimensional)`;
const TYPE_RULES: TypeRule[] = [
  { pattern: /\binput\b|\bimage\b/i, type: 'Input' },
  { pattern: new RegExp(String.raw`\bglobal\s*-?\s*(?:avg|average|mean)\s*-?\s*pool\w*\s*${ONE_D}\b`, 'i'), type: 'GlobalAvgPool1D' },
  { pattern: new RegExp(String.raw`\bglobal\s*-?\s*max\s*-?\s*pool\w*\s*${ONE_D}\b`, 'i'), type: 'GlobalMaxPool1D' },
  { pattern: new RegExp(String.raw`\b(?:max\s*-?\s*pool\w*\s*-?\s*${ONE_D}|${ONE_D}\s*max\s*-?\s*pool\w*)\b`, 'i'), type: 'MaxPool1D' },
  {
    pattern: new RegExp(String.raw`\b(?:(?:avg|average|mean)\s*-?\s*pool\w*\s*-?\s*${ONE_D}|${ONE_D}\s*(?:avg|average|mean)\s*-?\s*pool\w*)\b`, 'i'),
    type: 'AvgPool1D',
  },
  { pattern: new RegExp(String.raw`\b(?:conv\w*\s*-?\s*${ONE_D}|${ONE_D}\s*-?\s*conv\w*)\b`, 'i'), type: 'Conv1D' },
  { pattern: /\bglobal\s+(avg|average|mean)\s*-?\s*pool/i, type: 'GlobalAvgPool2D' },
  { pattern: /\bglobal\s+max\s*-?\s*pool/i, type: 'GlobalMaxPool2D' },
  { pattern: /\b(conv(olution(al)?)?\s*dw|dw\s*conv\w*|depth-?wise(\s+conv\w*)?)\b|\bdw\b/i, type: 'DepthwiseConv2D' },
  // ("Conv2DTranspose", Keras' "conv2d_transpose_1": the convolution named first)
  { pattern: /\b(de-?conv\w*|up-?conv\w*|transposed?\s+conv\w*|conv\w*?[\s_-]*transpose\w*|fractional(?:ly)?[- ]strided)/i, type: 'Conv2DTranspose' },
  { pattern: /\b(max|maximum)\s*-?\s*pool\w*/i, type: 'MaxPool2D' },
  { pattern: /\b(avg|average|mean)\s*-?\s*pool\w*/i, type: 'AvgPool2D' },
  { pattern: /\bpool\w*|^max$/i, type: 'MaxPool2D' },
  { pattern: /\bconv(olution(al)?|s)?(?![a-z])/i, type: 'Conv2D' },
  // "C(32, 3x3)", "P(2x2)": the one-letter names chains of layers use, only with their brackets.
  { pattern: /^C(?=\s*\()/, type: 'Conv2D' },
  { pattern: /^P(?=\s*\()/, type: 'MaxPool2D' },
  { pattern: /\b(fc|fully[- ]?connected|dense|full|linear|inner\s*product|ip|hidden|mlp)\b/i, type: 'Dense' },
  { pattern: /\bsoft-?max\b|\bclassifier\b/i, type: 'Activation', params: { fn: 'softmax' } },
  { pattern: /\b(lrn|local\s+response\s+norm\w*)\b/i, type: 'LRN' },
  { pattern: /\b(batch\s*-?norm\w*|bn)\b/i, type: 'BatchNorm' },
  { pattern: /\bdrop-?out\b/i, type: 'Dropout' },
  { pattern: /\bflatten\b/i, type: 'Flatten' },
  { pattern: /\bup-?sampl\w*|\bunpool\w*/i, type: 'UpSampling2D' },
  // ("leaky ReLU" is the catalog's leaky_relu, found by its aliases)
  { pattern: /(?<!\bleaky\s*-?\s*)\b(relu|rectified linear|rectifier)\b/i, type: 'Activation', params: { fn: 'relu' } },
  { pattern: /\bsigmoid\b/i, type: 'Activation', params: { fn: 'sigmoid' } },
  { pattern: /\btanh\b/i, type: 'Activation', params: { fn: 'tanh' } },
];

/** "conv1", "conv2_x", "fc7", "pool5": layer names, which say the type but carry no params. */
const NAME_ONLY = /^(conv|fc|pool|res|layer|block|stage|dense|trans\w*)\s*-?\s*\d{1,2}(?!\d)(\s*[_.]\s*[a-z0-9]{1,2}|\s+[a-z]|[a-z])?$/i;

/** "conv2d", "Conv1D": the operator, not a layer named conv2. */
const CONV_ND = /^conv\s*[123]d$/i;

/** A row label such as "conv2_x": its type, when it names one. */
export function typeOfName(text: string): string | undefined {
  const t = normaliseLayerText(text);
  if (!NAME_ONLY.test(t) || CONV_ND.test(t)) return undefined;
  return typeOf(t.replace(/\d.*$/, ''))?.type;
}

function typeOf(text: string): TypeRule | undefined {
  // "Bidirectional LSTM": a word that changes the layer its name follows, as the catalog lists them.
  const modified = leadingModifier(text);
  const rule = modified ? typeOf(modified.rest) : undefined;
  if (rule && Object.keys(modifierParams(rule.type, modified!.words)).length)
    return { ...rule, pattern: /$^/, params: { ...rule.params, ...modifierParams(rule.type, modified!.words) } };
  // A sequence layer named first ("GRU 128 hidden units", "LSTM, 256") is that layer, whatever words follow.
  const lead = resolveAlias(/^[a-z][\w-]*/i.exec(text)?.[0] ?? '');
  if (lead && getSpec(lead.type)?.category === 'recurrent') return { pattern: /$^/, type: lead.type, params: lead.params };
  for (const rule of TYPE_RULES) if (rule.pattern.test(text)) return rule;
  // The catalog's names for the whole text, else for its first words ("LSTM 100 units", "Embedding 20000 × 128").
  const words = text
    .replace(/[\d/,()-]+/g, ' ')
    .trim()
    .split(/\s+/);
  for (let n = words.length; n >= 1 && n >= words.length - 3; n--) {
    const alias = resolveAlias(words.slice(0, n).join(' '));
    if (alias) return { pattern: /$^/, type: alias.type, params: alias.params };
  }
  return undefined;
}

const pair = (n: number): [number, number] => [n, n];

/** A number that is part of a shape or a plain count, never a decimal or a result ("73.2", "1.8x10^9"). */
const SHAPE = /(?<![\d.])(\d+)(?:x(\d+))(?:x(\d+))?(?:x(\d+))?(?![\d.]|\^)/;

/** Reads one comma-free part: the attributes it states and the type it names, if any. */
function readPart(part: string): { rule?: TypeRule; params: Params; dims?: number[]; count?: number } {
  const params: Params = {};
  let text = part;
  const named = /^(conv|fc)\s*(\d+)\s*-\s*(\d+)$/i.exec(text);
  if (named) {
    // VGG's "conv3-64" (kernel-filters) and "FC-4096" without the kernel.
    return /^conv/i.test(named[1])
      ? { rule: typeOf('conv'), params: { kernel: pair(Number(named[2])), filters: Number(named[3]) } }
      : { rule: typeOf('fc'), params: { units: Number(named[3]) } };
  }
  const fcSize = /^(fc|dense|linear)\s*-\s*(\d+)$/i.exec(text) ?? /^(\d+)\s*-?\s*(?:d|dim|way|unit|units|neurons?)\b/i.exec(text);
  const found = /\bstride\s*(?:of\s*)?(\d+)(?:\s*x\s*\d+)?|\/\s*s?\s*(\d+)\b|\bs(\d+)\b/i.exec(text);
  // "3x3/2" is a stride; "Conv 3x3/32" is the width (a layer steps by a few pixels, not by dozens).
  const stride = found && !(found[2] !== undefined && Number(found[2]) > MAX_SLASH_STRIDE) ? found : null;
  if (found && !stride) text = text.replace(found[0], ` ${found[2]}`);
  if (stride) {
    params.stride = pair(Number(stride[1] ?? stride[2] ?? stride[3]));
    text = text.replace(stride[0], ' ');
  }
  // "kernel 5", "kernel size 3x3": a window stated by name.
  const kernel = /\b(?:kernel|filter|window)\s*(?:size\s*)?(?:of\s*)?(\d{1,3})(?:x(\d{1,3}))?\b/i.exec(text);
  if (kernel) {
    params.kernel = [Number(kernel[1]), Number(kernel[2] ?? kernel[1])];
    text = text.replace(kernel[0], ' ');
  }
  const pad = /\bpad(?:ding)?\s*(?:of\s*)?(\d+)/i.exec(text);
  if (pad) {
    params.padding = pair(Number(pad[1]));
    text = text.replace(pad[0], ' ');
  }
  let dims: number[] | undefined;
  const shape = SHAPE.exec(text);
  if (shape) {
    dims = shape
      .slice(1)
      .filter((d) => d !== undefined)
      .map(Number);
    text = text.replace(shape[0], ' ');
  }
  const rule = typeOf(text);
  // "1-D" names the axes, not a count.
  text = text.replace(new RegExp(String.raw`\b${ONE_D}\b|(?<=[a-z])${ONE_D}\b`, 'gi'), ' ');
  let count: number | undefined;
  if (fcSize) count = Number(fcSize[2] ?? fcSize[1]);
  else {
    const numbers = [...text.matchAll(/(?<![\d.\w])(\d+)(?![\d.%]|\w)/g)].map((m) => Number(m[1]));
    if (numbers.length === 1) count = numbers[0];
  }
  return { rule, params, dims, count };
}

/** A 1-D layer's params as numbers ("Conv1D 128, kernel 5", "MaxPool1D 4"): its width, window and stride along its one axis. */
function oneAxisParams(type: string, params: Params, read: { params: Params; dims?: number[]; count?: number }, count: number | undefined): void {
  const first = (v: unknown) => (Array.isArray(v) ? Number(v[0]) : undefined);
  const pooling = traitsOf(type).window === 'pooling';
  const window = first(read.params.kernel) ?? read.dims?.[0];
  const stride = first(read.params.stride);
  if (pooling) {
    const pool = window ?? count;
    if (pool !== undefined) params.pool = pool;
  } else if (traitsOf(type).window === 'convolution') {
    if (count !== undefined) params.filters = count;
    if (window !== undefined) params.kernel = window;
  }
  if (stride !== undefined && traitsOf(type).window) params.stride = stride;
}

/** Image convolutions and image pools, as the catalog's traits say. */
const isImageConv = (type: string) => imageWindow(type) === 'convolution';
const isImagePool = (type: string) => imageWindow(type) === 'pooling';

/** "1000 units", "164 sigmoid neurons": a part that counts a fully connected layer's units. */
const UNITS_PART = /^\s*\d+\s+(?:[a-z]+\s+)?(?:units|neurons)\b/i;
/** "48 filters", "1000 units": a part that counts a layer's width by its noun. */
const WIDTH_PART = new RegExp(String.raw`^\s*\d+\s+(?:[a-z]+\s+)?(${ALL_WIDTH_NOUNS})\b`, 'i');

/** Turns the pieces of one layer mention into a draft with catalog param names. */
function finish(type: string, base: Params, read: { params: Params; dims?: number[]; count?: number }, text: string): LayerDraft {
  const params: Params = { ...base };
  const { dims, count } = read;
  if (isImageConv(type)) {
    Object.assign(params, read.params);
    if (dims && params.kernel === undefined) {
      params.kernel = [dims[0], dims[1]];
      // "1×1×32×64": kernel, in, out. "3×3×32 dw": kernel, channels.
      if (dims.length === 4 && type !== 'DepthwiseConv2D') params.filters = dims[3];
    }
    if (count !== undefined && type !== 'DepthwiseConv2D' && params.filters === undefined) params.filters = count;
  } else if (isImagePool(type)) {
    if (dims) params.pool = [dims[0], dims[1]];
    else if (count !== undefined && count > 1 && count < 16) params.pool = pair(count);
    if (read.params.stride) params.stride = read.params.stride;
    if (read.params.padding) params.padding = read.params.padding;
  } else if (type === 'Dense' || (type === 'Activation' && count !== undefined && ((base.fn === 'softmax' && count >= 2) || UNITS_PART.test(text)))) {
    // "softmax 7", "10-way softmax": the classifier layer with its classes; "164 sigmoid units": units that apply a function.
    if (type === 'Activation') return { type: 'Dense', params: { units: count!, activation: String(base.fn) }, inferred: [], text };
    if (read.params.units !== undefined) params.units = read.params.units;
    else if (count !== undefined) params.units = count;
    else if (dims && dims.length === 2) params.units = dims[1];
  } else if (type === 'Input') {
    if (dims && dims.length >= 2) params.shape = [dims[0], dims[1], dims[2] ?? (/\b(gr[ae]y|mono)/i.test(text) ? 1 : 3)];
  } else if (imageWindow(type) === undefined && traitsOf(type).spatialAxes === 1) {
    oneAxisParams(type, params, read, count);
  } else if (widthParam(type) !== undefined && !isImageConv(type) && type !== 'Dense') {
    // Recurrent layers and embeddings: "LSTM 100 units", "Embedding 20000 × 128" (vocabulary × dimensions).
    if (type === 'Embedding' && dims?.length === 2) Object.assign(params, { vocab: dims[0], dim: dims[1] });
    else if (count !== undefined) params[widthParam(type)!] = count;
  } else if (type === 'LRN') {
    if (count !== undefined) params.size = count;
  } else if (type === 'Dropout') {
    const rate = /(0?\.\d+)/.exec(text);
    if (rate) params.rate = Number(rate[1]);
  }
  return { type, params, inferred: [], text };
}

/** "LeakyReLU(0.2)", "leaky ReLU (α = 0.1)": an activation's slope in brackets, which is no result to skip. */
const SLOPE = /\b(leaky\s*-?\s*relu|lrelu|elu)\s*\(\s*(?:(?:α|alpha|slope|negative\s+slope)\s*=?\s*)?(\d*\.\d+|\d+)\s*\)/gi;
const SLOPED = new Set(['leaky_relu', 'elu']);

/**
 * Reads layers from a cell or phrase. Comma/semicolon-separated parts that name a type start a new layer;
 * parts that only state attributes ("64", "stride 2") add to the layer before them. Text naming no type
 * becomes a Conv2D only when it states both a kernel and a filter count ("3×3, 64"), as ResNet's table does.
 * `typeHint` (e.g. from a row label "conv2_x") is used for such untyped text.
 */
export function parseLayerText(raw: string, typeHint?: string): LayerDraft[] {
  const called = callLayers(raw);
  if (called) return called;
  const slopes: number[] = [];
  const text = normaliseLayerText(raw).replace(SLOPE, (_, fn: string, slope: string) => (slopes.push(Number(slope)), fn));
  if (!text || (/%|\d\.\d/.test(text) && !/\bdrop/i.test(text))) return [];
  if (NAME_ONLY.test(text) && !CONV_ND.test(text)) return [];
  // "fully connected, 50 (sigmoid)": an activation in brackets is the layer's, a part of its own.
  // ("Dense 10 (linear)": the identity, no layer of its own)
  const parts = text
    .replace(/(?<=\S)\s*\(linear\)/gi, '')
    .replace(/\s*\((relu|sigmoid|tanh|softmax|elu|gelu)\)/gi, ', $1')
    .split(/\s*[,;+]\s*|\s+(?:and|followed by|then|->|→)\s+/i)
    .filter(Boolean);
  const layers: Array<{ type: string; base: Params; read: { params: Params; dims?: number[]; count?: number }; text: string }> = [];
  let pending: { params: Params; dims?: number[]; count?: number; text?: string } | undefined;
  for (const part of parts) {
    const read = readPart(part);
    // "1000 units, dropout 0.3", "48 filters, ReLU": a width stated before a layer that has none is the layer its noun counts.
    const counted = read.rule && pending?.count !== undefined && !widthParam(read.rule.type) ? WIDTH_PART.exec(pending.text ?? '') : null;
    const countedType = counted ? typeCountedBy(counted[1]!.toLowerCase()) : undefined;
    if (countedType && pending) {
      layers.push({ type: countedType, base: {}, read: pending, text: pending.text! });
      pending = undefined;
    }
    if (read.rule) {
      const merged = pending ? mergeRead(pending, read) : read;
      pending = undefined;
      layers.push({
        type: read.rule.type,
        base: { ...(read.rule.params ?? {}) },
        read: { ...merged, params: { ...merged.params, ...read.params } },
        text: part,
      });
    } else if (layers.length > 0 && !layers[layers.length - 1].read.dims && read.dims) {
      layers[layers.length - 1].read = mergeRead(layers[layers.length - 1].read, read);
    } else if (layers.length > 0 && (read.count !== undefined || Object.keys(read.params).length > 0)) {
      const last = layers[layers.length - 1];
      // "conv 9, 64": a convolution's first bare number is its window and the next, larger one its width, as in
      // "3×3, 64" ("Conv1D 128, 5" keeps its width first).
      const windowFirst =
        traitsOf(last.type).window === 'convolution' &&
        last.read.count !== undefined &&
        read.count !== undefined &&
        last.read.count < read.count &&
        !last.read.dims &&
        last.read.params.kernel === undefined &&
        read.count !== undefined &&
        !read.dims &&
        Object.keys(read.params).length === 0;
      last.read = windowFirst
        ? { ...last.read, params: { ...last.read.params, kernel: pair(last.read.count!) }, count: read.count }
        : mergeRead(last.read, read);
      last.text += `, ${part}`;
    } else pending = { ...(pending ? mergeRead(pending, read) : read), text: pending?.text ? `${pending.text}, ${part}` : part };
  }
  if (pending && layers.length === 0) {
    const hinted = typeHint && (isImageConv(typeHint) || isImagePool(typeHint)) ? typeHint : 'Conv2D';
    // Untyped: only a kernel with a filter count is convincing ("3×3, 64").
    if (pending.dims && pending.dims.length >= 2 && pending.dims[0] <= 15 && (pending.count !== undefined || hinted !== 'Conv2D')) {
      const draft = finish(hinted, {}, pending, text);
      if (!typeHint) draft.inferred.push('type');
      return [draft];
    }
    return [];
  }
  const drafts = layers.map((l) => finish(l.type, l.base, l.read, l.text));
  for (const draft of drafts.filter((d) => d.type === 'Activation' && SLOPED.has(String(d.params.fn))).slice(0, slopes.length))
    draft.params.alpha = slopes.shift()!;
  return drafts;
}

function mergeRead(a: { params: Params; dims?: number[]; count?: number }, b: { params: Params; dims?: number[]; count?: number }) {
  return { params: { ...a.params, ...b.params }, dims: a.dims ?? b.dims, count: a.count ?? b.count };
}

/** "×2", "x 12", "5×", "×2]" — a repeat marker, or undefined. */
export function repeatCount(text: string): number | undefined {
  const t = normaliseLayerText(text)
    .replace(/[[\]{}()]/g, '')
    .trim();
  const m = /^x\s*(\d{1,3})$/i.exec(t) ?? /^(\d{1,3})\s*x$/i.exec(t);
  return m ? Number(m[1]) : undefined;
}

/** "224×224", "112×112×64", "56 x 56": a spatial size, or undefined. */
export function sizeOf(text: string): number[] | undefined {
  const t = normaliseLayerText(text);
  const m = /^(\d+)x(\d+)(?:x(\d+))?$/.exec(t);
  return m
    ? m
        .slice(1)
        .filter((d) => d !== undefined)
        .map(Number)
    : undefined;
}

/** A row label's layer type: "conv2_x" (a name) or a bare layer word such as "Convolution" or "Pooling". */
export function labelType(text: string): string | undefined {
  const named = typeOfName(text);
  if (named) return named;
  if (/\d/.test(text.replace(/\([^)]*\)/g, ''))) return undefined;
  const drafts = parseLayerText(text);
  return drafts.length === 1 && Object.keys(drafts[0].params).length === 0 ? drafts[0].type : undefined;
}

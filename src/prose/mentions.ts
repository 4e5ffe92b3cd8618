/**
 * Sentences that state the architecture → layer mentions, in the order the text gives them.
 * "The first hidden layer convolves 16 8 × 8 filters with stride 4 …", "filters it with 256 kernels of size
 * 5 × 5 × 48", "followed by a fully connected layer with 256 units", "a 1000-way softmax".
 */
import { normaliseLayerText, type LayerDraft } from '../tables/index.ts';
import type { Sentence } from './sentences.ts';
import { NUMBER_WORDS, proseForm, TASK_SIZED_OUTPUT } from '../reading/index.ts';

export interface Mention {
  draft: LayerDraft;
  /** How many such layers the clause states ("two fully connected layers"). */
  count: number;
  sentence: Sentence;
  /** Side of the layer's output maps, where the text states it ("six feature maps of size 14x14"). */
  outputSize?: number;
  /**
   * "two convolutional layers …, each followed by a 2x2 max-pooling layer": the mentions of the clause
   * before, this layer coming once after each of their layers.
   */
  afterEach?: Mention[];
}

const FILTERS = '(?:convolutional\\s+)?(?:kernels|filters|feature\\s+maps)';
const pair = (a: string, b?: string): [number, number] => [Number(a), Number(b ?? a)];

function strideIn(clause: string): [number, number] | undefined {
  const m = /\bstride\s+(?:of\s+)?(\d+)(?:\s*x\s*(\d+))?/i.exec(clause);
  return m ? pair(m[1], m[2]) : undefined;
}

/** "zero-padding of 2 pixels", "padding 1", "unpadded convolutions", "'same' padding". */
function paddingIn(clause: string): 'same' | 'valid' | [number, number] | undefined {
  if (/\bunpadded\b|\bwithout\s+(?:any\s+)?(?:zero[- ])?padding|\bno\s+(?:zero[- ])?padding|\bvalid\s+(?:padding|convolutions?)\b/i.test(clause))
    return 'valid';
  if (/["'“”‘’]?same["'“”‘’]?\s+padding|\bpadded\s+to\s+(?:keep|preserve)/i.test(clause)) return 'same';
  const m = /\b(?:zero[- ])?padding\s+(?:of\s+)?(\d)\b(?!\s*x)|\bpadded\s+(?:by|with)\s+(\d)\s+(?:pixels?|zeros?)/i.exec(clause);
  return m ? pair(m[1] ?? m[2]) : undefined;
}

/**
 * "3 convolutional layers with 32, 64 and 128 filters of size 3x3 (respectively)", "two fully connected
 * layers with 512 and 256 units": one layer per listed number, the rest of the clause shared. Empty when
 * the clause contradicts itself; undefined when it is no such list.
 */
function listedLayers(clause: string): LayerDraft[] | undefined {
  const list =
    /\b(\d+(?:\s*,\s*\d+)*\s*,?\s+and\s+\d+)\s+(?=(?:convolutional\s+)?(?:kernels|filters|feature\s+maps|channels)\b|(?:hidden\s+|output\s+)?(?:units|neurons|nodes)\b)/i.exec(
      clause,
    );
  if (!list) return undefined;
  const numbers = list[1].split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map(Number);
  if (numbers.length < 2 || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 8192)) return undefined;
  const count = /\b(\d+)\s+(?:more\s+|consecutive\s+|hidden\s+)?(?:conv\w*|fully[- ]?connected|dense|hidden|fc)\s+layers\b/i.exec(clause);
  // "two convolutional layers with 32, 64 and 128 filters" contradicts itself: read nothing rather than guess.
  if (count && Number(count[1]) !== numbers.length) return [];
  const single = clause.replace(list[1], String(numbers[0]));
  const first = convMention(single) ?? denseMention(single);
  if (!first) return undefined;
  const key = first.type === 'Conv2D' ? 'filters' : 'units';
  return numbers.map((n) => ({ ...first, params: { ...first.params, [key]: n } }));
}

function countIn(clause: string, noun: RegExp): number {
  const m = new RegExp(
    `\\b(two|three|four|five|six|seven|eight|nine|ten|\\d)\\s+(?:more\\s+|additional\\s+|consecutive\\s+|hidden\\s+)?${noun.source}`,
    'i',
  ).exec(clause);
  if (!m) return 1;
  const word = m[1].toLowerCase();
  return NUMBER_WORDS[word] ?? Number(word);
}

function convMention(clause: string): LayerDraft | undefined {
  const patterns: Array<[RegExp, (m: RegExpExecArray) => [number, [number, number]]]> = [
    // "96 kernels of size 11×11×3", "64 filters with a size of 3x3"
    [
      new RegExp(`(\\d+)\\s+${FILTERS}\\s+(?:each\\s+)?(?:of|with)\\s+(?:a\\s+)?(?:size|shape|dimension)?s?\\s*(?:of\\s+)?(\\d+)x(\\d+)`, 'i'),
      (m) => [Number(m[1]), pair(m[2], m[3])],
    ],
    // "16 8×8 filters"
    [new RegExp(`(\\d+)\\s+(\\d+)x(\\d+)\\s+${FILTERS}`, 'i'), (m) => [Number(m[1]), pair(m[2], m[3])]],
    // "3×3 convolutions with 64 filters", "5x5 convolutional layer with 32 feature maps"
    [
      new RegExp(
        `(\\d+)x(\\d+)\\s+conv\\w*(?:\\s+layers?)?\\s+(?:with|of|having)\\s+(\\d+)\\s+(?:kernels|filters|feature\\s+maps|channels|output\\s+channels)`,
        'i',
      ),
      (m) => [Number(m[3]), pair(m[1], m[2])],
    ],
    // "convolutional layer with 32 filters of 3×3" handled by the first pattern; "32 filters (3×3)"
    [new RegExp(`(\\d+)\\s+${FILTERS}\\s*\\(\\s*(\\d+)x(\\d+)`, 'i'), (m) => [Number(m[1]), pair(m[2], m[3])]],
  ];
  for (const [re, read] of patterns) {
    const m = re.exec(clause);
    if (!m) continue;
    const [filters, kernel] = read(m);
    if (filters < 1 || filters > 8192 || kernel[0] > 15 || kernel[0] < 1) continue;
    const params: LayerDraft['params'] = { filters, kernel };
    const stride = strideIn(clause);
    if (stride) params.stride = stride;
    const padding = paddingIn(clause);
    if (padding !== undefined) params.padding = padding;
    if (/\bconv\w*\b|\bfilters?\b|\bkernels?\b|\bconvolves?\b/i.test(clause)) return { type: 'Conv2D', params, inferred: [], text: m[0] };
  }
  return undefined;
}

function denseMention(clause: string): LayerDraft | undefined {
  // "a 1000-way softmax", "a softmax (layer) over the 10 classes"
  const way =
    /(\d+)[- ]way\s+soft-?max/i.exec(clause) ??
    /soft-?max\s+(?:layer\s+|classifier\s+)?(?:over|across|for)\s+(?:the\s+)?(\d+)\s+(?:classes|categories|outputs)\b/i.exec(clause);
  if (way) return { type: 'Dense', params: { units: Number(way[1]), activation: 'softmax' }, inferred: [], text: way[0] };
  if (!/fully[- ]?connected|\bdense\b|\bfc\b|hidden\s+layer|linear\s+layer|output\s+layer|soft-?max\s+(?:layer|classifier)/i.test(clause)) return undefined;
  const units =
    /(\d+)\s+(?:rectifier\s+|hidden\s+|output\s+|relu\s+|sigmoid\s+|tanh\s+)?(?:units|neurons|nodes|outputs)\b/i.exec(clause) ??
    /\bfully[- ]?connected\s+layers?\s+(?:of|with)\s+(?:size\s+)?(\d+)\b/i.exec(clause);
  if (!units) return undefined;
  const n = Number(units[1]);
  if (n < 2 || n > 100000) return undefined;
  const params: LayerDraft['params'] = { units: n };
  if (/soft-?max/i.test(clause)) params.activation = 'softmax';
  return { type: 'Dense', params, inferred: [], text: units[0] };
}

function poolMention(clause: string): LayerDraft | undefined {
  const m =
    /(\d+)x(\d+)\s+(max|average|avg)[- ]?pool\w*/i.exec(clause) ??
    /(max|average|avg)[- ]?pool\w*\s+(?:layers?\s+)?(?:with\s+)?(?:a\s+)?(?:window|kernel|pool(?:ing)?\s+size|size|region)s?\s+(?:of\s+)?(\d+)x(\d+)/i.exec(
      clause,
    );
  if (!m) return undefined;
  const numbersFirst = /^\d/.test(m[0]);
  const pool = numbersFirst ? pair(m[1], m[2]) : pair(m[2], m[3]);
  const kind = numbersFirst ? m[3] : m[1];
  const params: LayerDraft['params'] = { pool };
  const stride = strideIn(clause);
  if (stride) params.stride = stride;
  return { type: /max/i.test(kind) ? 'MaxPool2D' : 'AvgPool2D', params, inferred: [], text: m[0] };
}

export interface InputMention {
  shape: number[];
  /** False when the sentence gives only the size (channels then default to 3, or what the paper implies). */
  channelsStated: boolean;
}

/** Sentences after and before a network written in one sentence where its input may be stated. */
const INPUT_AFTER = 2;
const INPUT_BEFORE = 2;

/**
 * The input stated for a network written out in one sentence (a chain of layers, a notation): the sentence itself
 * first, then the ones after it, then the ones before ("operates on 128x128 patches. The encoder …").
 */
export function inputNear(sentences: Sentence[], sentence: Sentence): InputMention | undefined {
  const near = [
    ...sentences.slice(sentence.index, sentence.index + 1 + INPUT_AFTER),
    ...sentences.slice(Math.max(0, sentence.index - INPUT_BEFORE), sentence.index).reverse(),
  ];
  return near.map((s) => inputMention(s.text)).find(Boolean);
}

/** "224×224×3 input image", "input of size 84x84x4", "a 32x32 grayscale image": the input shape. */
export function inputMention(text: string): InputMention | undefined {
  const t = normaliseLayerText(text);
  const m =
    /(\d+)x(\d+)(?:x(\d+))?\s+(?:rgb\s+|gr[ae]y(?:scale)?\s+|colou?r\s+|pixels?\s+)?(?:input|image)/i.exec(t) ??
    /input\s+(?:image\s+)?(?:of\s+)?(?:size\s+)?(\d+)x(\d+)(?:x(\d+))?/i.exec(t) ??
    // "operates on 128x128 patches", "receives 64x64 depth frames", "images are resized to 224x224" (not "split into 16x16 patches").
    /(?<!\binto\s)\b(\d+)x(\d+)(?:x(\d+))?\s+(?:[a-z-]+\s+)?(?:patch(?:es)?|frames?|crops?|tiles?|images|inputs|spectrograms?)\b/i.exec(t) ??
    /\b(?:resized|rescaled|cropped|resampled)\s+to\s+(\d+)x(\d+)(?:x(\d+))?\b/i.exec(t);
  // The × glyph is sometimes lost in extraction ("a 32 32 pixel image"): accept it for square sizes only.
  const square = /\b(\d{2,4})\s+(\d{2,4})\s+(?:pixels?\s+)?(?:input|image)/i.exec(t);
  const stated = m ?? (square && square[1] === square[2] ? square : undefined);
  if (!stated) return undefined;
  const h = Number(stated[1]);
  if (h < 8 || h > 4096) return undefined;
  const grey = /gr[ae]y|\bmonochrome\b|\bbinary\b/i.test(t);
  const colour = /\brgb\b|\bcolou?r\b/i.test(t);
  const channels = stated[3] ? Number(stated[3]) : grey ? 1 : 3;
  return { shape: [h, Number(stated[2]), channels], channelsStated: Boolean(stated[3]) || grey || colour };
}

const digits = (text: string) => text.replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/gi, (w) => String(NUMBER_WORDS[w.toLowerCase()]));

/** "a 5x5 neighborhood" (the × is sometimes lost in extraction: "5 5 neighborhood"). */
function neighbourhood(text: string): [number, number] | undefined {
  const m = /\b(\d{1,2})\s*x?\s*(\d{1,2})\s+neighbou?r-?\s?hood/i.exec(normaliseLayerText(text));
  return m && Number(m[1]) === Number(m[2]) ? pair(m[1], m[2]) : undefined;
}

/** "feature maps of size 14x14", "The size of the feature maps is 28 28", "the size of C5's feature maps is 1x1". */
function mapSize(text: string): number | undefined {
  const t = normaliseLayerText(text);
  const m =
    /feature\s+maps?\s+(?:of\s+size|of|is|are)\s+(\d{1,4})\s*(x?)\s*(\d{1,4})\b/i.exec(t) ??
    /size\s+of\s+(?:the\s+)?[\w'’]*\s*feature\s+maps?\s+(?:is|are)\s+(\d{1,4})\s*(x?)\s*(\d{1,4})\b/i.exec(t);
  // Square maps only: without the × glyph ("28 28") two different numbers are more likely two other things.
  return m && m[1] === m[3] ? Number(m[1]) : undefined;
}

const STARTS_LAYER = /\b(?:convolutional|sub-?sampling|pooling)\s+layer\s+with\s+\d+\s+feature\s+maps|\blayer\s+[A-Z]\d\b/;

/**
 * "Layer C1 is a convolutional layer with 6 feature maps. Each unit … is connected to a 5x5 neighborhood.
 * The size of the feature maps is 28x28": the layer's kind and width in one sentence, its window and output
 * size in the next ones (up to the sentence that describes the next layer).
 */
function describedLayer(clause: string, following: Sentence[]): { draft: LayerDraft; outputSize?: number } | undefined {
  const m = /\b(convolutional|sub-?sampling|pooling)\s+layer\s+with\s+(\d+)\s+feature\s+maps/i.exec(clause);
  if (!m) return undefined;
  const next = following.findIndex((s) => STARTS_LAYER.test(digits(s.text)));
  const own = next < 0 ? following : following.slice(0, next);
  const window = neighbourhood(clause) ?? own.map((s) => neighbourhood(s.text)).find(Boolean);
  const size = mapSize(clause) ?? own.map((s) => mapSize(s.text)).find((n) => n !== undefined);
  const outputSize = size !== undefined ? { outputSize: size } : {};
  if (/conv/i.test(m[1])) {
    const params: LayerDraft['params'] = { filters: Number(m[2]) };
    if (window) params.kernel = window;
    return { draft: { type: 'Conv2D', params, inferred: window ? [] : ['kernel'], text: m[0] }, ...outputSize };
  }
  return { draft: { type: 'AvgPool2D', params: { pool: window ?? [2, 2] }, inferred: window ? [] : ['pool'], text: m[0] }, ...outputSize };
}

/**
 * "the output layer is composed of Euclidean RBF units, one for each class": an output layer as wide as the
 * number of classes the paper states elsewhere (`classes` finds the count that goes with the sentence).
 */
export function classOutputMention(sentence: Sentence, classes: (sentence: Sentence) => number | undefined): Mention | undefined {
  const text = proseForm(sentence.text);
  const task = TASK_SIZED_OUTPUT.exec(text);
  const m =
    /\boutput\s+layer\b[^.]*?\b(?:one|1)\s+(?:unit\s+|neuron\s+)?(?:for|per)\s+(?:each\s+|every\s+)?class\b/i.exec(text) ??
    (task && /\boutput\s+layer\b/i.test(text.slice(0, task.index)) ? task : null);
  const units = m ? classes(sentence) : undefined;
  return m && units ? { draft: { type: 'Dense', params: { units }, inferred: [], text: m[0] }, count: 1, sentence } : undefined;
}

/** The layer mentions of one sentence, in order; `following` are the next sentences, for details stated there. */
export function mentionsIn(sentence: Sentence, following: Sentence[] = []): Mention[] {
  const text = digits(normaliseLayerText(sentence.text));
  // "… with 512 units and a 10-way softmax": the classifier is a layer of its own.
  const clauses = text.split(
    /;\s+|,\s+(?:and|while|whereas|then)\s+|\.\s+|,\s+followed\s+by\s+|\s+followed\s+by\s+|\s+and\s+(?=(?:an?\s+|the\s+)?(?:final\s+)?\d+[- ]way\s+soft-?max)/i,
  );
  const mentions: Mention[] = [];
  let previous: Mention[] = [];
  clauses.forEach((clause, i) => {
    const before = mentions.length;
    readClause(clause, sentence, following, mentions);
    const added = mentions.slice(before);
    if (i > 0 && previous.length && /\beach,?$/i.test(clauses[i - 1].trim())) for (const m of added) m.afterEach = previous;
    previous = added;
  });
  return mentions;
}

/** The layers one clause states, added to `mentions`. */
function readClause(clause: string, sentence: Sentence, following: Sentence[], mentions: Mention[]): void {
  const described = describedLayer(clause, following);
  if (described) {
    mentions.push({ ...described, count: 1, sentence });
    return;
  }
  const listed = listedLayers(clause);
  if (listed) {
    for (const draft of listed) mentions.push({ draft, count: 1, sentence });
    return;
  }
  const conv = convMention(clause);
  if (conv) {
    mentions.push({ draft: conv, count: countIn(clause, /conv\w*\s+layers/), sentence });
    return;
  }
  const pool = poolMention(clause);
  if (pool) mentions.push({ draft: pool, count: 1, sentence });
  const dense = denseMention(clause);
  if (dense) {
    // "The fully-connected layers have 4096 neurons each": plural with "each" means more than one.
    const plural = /fully[- ]?connected\s+layers\b|hidden\s+layers\b/i.test(clause) && /\beach\b/i.test(clause);
    const stated = countIn(clause, /(?:fully[- ]?connected|hidden|dense|fc)\s+layers/);
    // "three fully-connected layers with a final 1000-way softmax": the count is not the softmax's.
    const count = dense.params.activation === 'softmax' ? 1 : stated > 1 ? stated : plural ? 2 : 1;
    mentions.push({ draft: dense, count, sentence });
  }
}

/**
 * Networks written in a compact notation: a paper defines symbols ("Let Ck denote a Convolution-BatchNorm-ReLU
 * layer with k filters", "dk denotes a 3×3 Convolution-InstanceNorm-ReLU layer with k filters and stride 2",
 * "Rk denotes a residual block that contains two 3×3 convolutional layers …") and then writes the network as a
 * run of them ("C64-C128-C256-C512", "c7s1-64,d128,d256,R256,…,u64,c7s1-3"); or uses the maps-kernel
 * notation without a legend ("1x29x29-20C4-MP2-40C5-MP3-150N-10N": 20 maps of 4x4, max-pooling 2, 150 neurons).
 * The symbol's number is the width of the first layer with weights it stands for.
 */
import { imageWindow } from '../graph/index.ts';
import { ALL_WIDTH_NOUNS, groupClauses, normaliseLayerText, proseForm, widthParam } from '../reading/index.ts';
import { parseLayerText, type LayerDraft } from '../tables/index.ts';
import { inputNear } from './mentions.ts';
import { newLayersIn } from './chainDesigns.ts';
import type { ProseDesign } from './proseToGraphs.ts';
import type { Sentence } from './sentences.ts';
import { runDesign } from './runDesign.ts';
import { templatesIn, templateUses } from './templateNotation.ts';

/** A symbol and the layers it stands for. */
interface Notation {
  symbol: string;
  layers: LayerDraft[];
}

/** The shortest run of symbols that is a network rather than a passing mention. */
const MIN_RUN = 3;

const SYMBOL = String.raw`[A-Za-z]{1,3}(?:\d{1,2}s\d)?-?`;
/** "Ck denotes …", "let dk denote …", "Rk represents …": a symbol with a variable for its number, then its meaning. */
const DEFINITION = new RegExp(
  String.raw`(?<![\w-])(?<symbol>${SYMBOL})(?<variable>[kKnN])\s+(?:denotes?|represents?|indicates?|stands?\s+for|is(?=\s+(?:an?|the)\s))\s+(?:an?\s+|the\s+)?` +
    String.raw`(?<meaning>[^;]{3,200}?)(?=\s*(?:;|\.(?:\s|$)|,\s*(?:and\s+)?(?:let\s+)?${SYMBOL}[kKnN]\s+(?:denotes?|represents?|is\s+(?:an?|the)\s))|$)`,
  'g',
);

/** "We write B(k) for a block made of …, and FC(n) for a fully connected layer with n units": a symbol with its number in brackets. */
const WRITTEN_FOR = new RegExp(
  String.raw`(?<![\w-])(?<symbol>[A-Za-z]{1,3})\((?<variable>[kKnN])\)\s+(?:for|to\s+(?:denote|mean))\s+(?:an?\s+|the\s+)?` +
    String.raw`(?<meaning>[^;]{3,200}?)(?=\s*(?:;|\.(?:\s|$)|,\s*(?:and\s+)?[A-Za-z]{1,3}\([kKnN]\)\s+(?:for|to\s))|$)`,
  'g',
);

/**
 * "7x7 Convolution-InstanceNorm-ReLU": the pieces a hyphen joins, each read alone where it names a layer; a
 * piece that only goes on naming the layer before it ("fractional-strided-Convolution") stays part of it.
 */
function piecesRead(name: string): LayerDraft[] {
  const layers: LayerDraft[] = [];
  let pending = '';
  for (const piece of name.split(/-(?=[A-Za-z])|\s*\+\s*/)) {
    const last = layers[layers.length - 1];
    const alone = parseLayerText(piece);
    if (!pending && last && alone.length === 1 && imageWindow(alone[0].type) !== undefined && imageWindow(alone[0].type) === imageWindow(last.type)) continue;
    pending = pending ? `${pending} ${piece}` : piece;
    const read = parseLayerText(pending).filter((l) => l.type !== 'Input');
    if (read.length) {
      layers.push(...read);
      pending = '';
    }
  }
  return layers;
}

/** The layers a symbol's meaning names; undefined when it names none with weights (then it is not a layer symbol). */
function meaningLayers(meaning: string): LayerDraft[] | undefined {
  const text = normaliseLayerText(meaning);
  // "a residual block that contains two 3x3 convolutional layers": a block of counted layers.
  const counted = groupClauses(proseForm(text)).find((c) => c.ref.kind === 'new' && (c.ref.count ?? 1) >= 2 && widthParam(c.type) !== undefined);
  const head = text.split(/\s+(?:with|that|which|and|where)\s+/i)[0];
  // "a block made of a 3x3 convolution with k filters, batch normalization, ReLU and 2x2 max pooling": the list goes on
  // after the width the symbol's number sets.
  const listed = parseLayerText(text.replace(new RegExp(String.raw`\s+with\s+[kKnN]\s+(?:${ALL_WIDTH_NOUNS})\b`), '')).filter((l) => l.type !== 'Input');
  const layers: LayerDraft[] = counted
    ? Array.from({ length: counted.ref.kind === 'new' ? counted.ref.count! : 1 }, (): LayerDraft => ({
        type: counted.type,
        params: counted.kernel ? { kernel: counted.kernel } : {},
        inferred: [],
        text: counted.text,
      }))
    : listed.length > piecesRead(head).length && /,/.test(text)
      ? listed
      : piecesRead(head);
  const stride = /\bstride\s+(\d)(?!\s*\/)/i.exec(text);
  const weighted = layers.find((l) => widthParam(l.type) !== undefined);
  if (!weighted) return undefined;
  if (stride) weighted.params = { ...weighted.params, stride: [Number(stride[1]), Number(stride[1])] };
  return layers;
}

/** "Rk is a residual block containing two Ck layers": a symbol built of another one, that many times over. */
function builtOf(meaning: string, notations: Map<string, Notation>): LayerDraft[] | undefined {
  const m = /\b(\d)\s+(?<symbol>[A-Za-z]{1,3})[kKnN]\s+(?:layers|blocks|units|modules)\b/.exec(proseForm(meaning));
  const part = m && notations.get(m.groups!.symbol!);
  return part ? Array.from({ length: Number(m[1]) }, () => part.layers.map((l) => ({ ...l, params: { ...l.params } }))).flat() : undefined;
}

/**
 * The symbols a paper defines, in any sentence. A symbol's number is a width where its definition says so
 * ("with k filters"), or where another symbol of the paper's notation does ("CDk … with a dropout rate of
 * 50%" beside "Ck … with k filters"); "Ck denotes the k-th convolutional layer" numbers layers instead.
 */
export function notationsIn(sentences: Sentence[]): Notation[] {
  const notations = new Map<string, Notation>();
  let widthsStated = false;
  for (const s of sentences) {
    if (!/\b(?:denotes?|represents?|indicates?|stands?\s+for)\b|\b[A-Za-z]{1,3}[kKnN]\s+is\s+(?:an?|the)\s|\([kKnN]\)\s+(?:for|to)\s/.test(s.text)) continue;
    const text = normaliseLayerText(s.text);
    for (const m of [...text.matchAll(DEFINITION), ...text.matchAll(WRITTEN_FOR)]) {
      const { symbol, variable, meaning } = m.groups!;
      if (new RegExp(String.raw`\b${variable}(?:-?th|\s+th)\b`).test(meaning)) continue;
      // "Sk denotes the same block with dropout": the symbol defined just before, as it stands.
      const previous = [...notations.values()].pop();
      const layers = /^(?:the\s+)?same\s+(?:block|layer|unit|module)\b/i.test(meaning)
        ? previous?.layers
        : (builtOf(meaning, notations) ?? meaningLayers(meaning));
      if (!layers || notations.has(symbol)) continue;
      notations.set(symbol, { symbol, layers });
      widthsStated ||= new RegExp(String.raw`\b${variable}\s+(?:[a-z]+\s+)?(?:${ALL_WIDTH_NOUNS})\b`, 'i').test(meaning);
    }
  }
  return widthsStated ? [...notations.values()] : [];
}

/** One symbol used with its number: the layers it stands for, the number set as the width of the first with weights. */
function instantiate(notation: Notation, width: number): LayerDraft[] {
  let given = false;
  return notation.layers.map((l) => {
    const param = widthParam(l.type);
    const draft = { ...l, params: { ...l.params }, inferred: [] as string[] };
    if (!given && param !== undefined) {
      draft.params[param] = width;
      given = true;
    }
    return draft;
  });
}

const pair = (n: number): [number, number] => [n, n];
/** The maps-kernel notation: "20C4" (20 maps, 4x4), "MP2", "AP3", "150N" or "512FC" (neurons), "10SM" (softmax); an input "1x29x29" may lead the run. */
const MAPS_KERNEL_TOKEN = /(?<!\w)(?:(?<maps>\d{1,4})C(?<kernel>\d{1,2})|(?<pool>[MA])P(?<window>\d{1,2})|(?<units>\d{1,5})(?<dense>N|FC|SM))(?![\w])/g;
const LEADING_INPUT = /(?<![\w-])(?<c>\d{1,2})x(?<h>\d{1,4})x(?<w>\d{1,4})-$/;

function mapsKernelLayers(token: RegExpMatchArray): LayerDraft[] {
  const g = token.groups!;
  const text = token[0];
  if (g.maps) return [{ type: 'Conv2D', params: { filters: Number(g.maps), kernel: pair(Number(g.kernel)) }, inferred: [], text }];
  if (g.pool) return [{ type: g.pool === 'M' ? 'MaxPool2D' : 'AvgPool2D', params: { pool: pair(Number(g.window)) }, inferred: [], text }];
  return [{ type: 'Dense', params: { units: Number(g.units), ...(g.dense === 'SM' ? { activation: 'softmax' } : {}) }, inferred: [], text }];
}

interface Run {
  layers: LayerDraft[];
  start: number;
  input?: number[];
}

/** Tokens joined by hyphens, commas or an ellipsis only, in runs of at least MIN_RUN. */
function runsOf(text: string, tokens: RegExpMatchArray[], layersOf: (t: RegExpMatchArray) => LayerDraft[]): Run[] {
  const runs: Run[] = [];
  let run: RegExpMatchArray[] = [];
  const close = () => {
    if (run.length >= MIN_RUN) runs.push({ layers: run.flatMap(layersOf), start: run[0].index! });
    run = [];
  };
  for (const token of tokens) {
    const previous = run[run.length - 1];
    const gap = previous ? text.slice(previous.index! + previous[0].length, token.index) : '';
    if (previous && !/^\s*(?:[-,]\s*(?:(?:\.{3}|…)\s*,?\s*)?|–)\s*$/.test(gap)) close();
    run.push(token);
  }
  close();
  return runs;
}

function symbolRuns(text: string, notations: Notation[]): Run[] {
  if (!notations.length) return [];
  const escaped = notations.map((n) => n.symbol.replace(/[-]/g, '\\-')).sort((a, b) => b.length - a.length);
  // "C64", and "B(16)" for a symbol defined with its number in brackets.
  const use = new RegExp(String.raw`(?<!\w)(?<symbol>${escaped.join('|')})(?:(?<width>\d{1,4})|\((?<bracketed>\d{1,4})\))(?![\w])`, 'g');
  const bySymbol = new Map(notations.map((n) => [n.symbol, n]));
  return runsOf(text, [...text.matchAll(use)], (t) => instantiate(bySymbol.get(t.groups!.symbol)!, Number(t.groups!.width ?? t.groups!.bracketed)));
}

function mapsKernelRuns(text: string): Run[] {
  // The notation is a convolutional network's: a run of neurons alone ("10N-20N-50N") is not read as one.
  const runs = runsOf(text, [...text.matchAll(MAPS_KERNEL_TOKEN)], mapsKernelLayers).filter((run) => run.layers.some((l) => l.type === 'Conv2D'));
  return runs.map((run) => {
    const lead = LEADING_INPUT.exec(text.slice(Math.max(0, run.start - 16), run.start));
    // "1x29x29": maps first, then height and width.
    return lead ? { ...run, input: [Number(lead.groups!.h), Number(lead.groups!.w), Number(lead.groups!.c)] } : run;
  });
}

/** Runs of one sentence; an encoder's run and the decoder's run after it are one network. */
function joinedRuns(text: string, runs: Run[]): Run[] {
  const joined: Run[] = [];
  for (const run of runs.sort((a, b) => a.start - b.start)) {
    const last = joined[joined.length - 1];
    if (last && /\bdecoder\b/i.test(text.slice(last.start, run.start)) && !/\bencoder\b/i.test(text.slice(last.start, run.start))) {
      last.layers.push(...run.layers);
    } else joined.push({ ...run, layers: [...run.layers] });
  }
  return joined;
}

/** "after the last layer, a 1x1 convolution with …", "following the final one, a fully connected layer of …". */
const AFTER_LAST = /\b(?:after|following)\s+the\s+(?:last|final)\s+(?:layer|one|block)\s*,\s*(?<rest>[^.;]+)/i;

export function notationDesigns(sentences: Sentence[]): ProseDesign[] {
  const notations = notationsIn(sentences);
  const templates = templatesIn(sentences);
  const designs: ProseDesign[] = [];
  for (const sentence of sentences) {
    const text = normaliseLayerText(sentence.text);
    // ("c5s1-16, p2, f256": symbols with several numbers, defined by a template)
    const templated = templates.length ? runsOf(text, templateUses(text, templates), (u) => (u as ReturnType<typeof templateUses>[number]).layers) : [];
    for (const run of joinedRuns(text, [...symbolRuns(text, notations), ...mapsKernelRuns(text), ...templated])) {
      const mentioned = inputNear(sentences, sentence);
      const input = run.input ?? mentioned?.shape;
      // "…; after the last layer, a convolution with a single filter produces the map": what ends the network.
      const after = AFTER_LAST.exec(text.slice(run.start))?.groups!.rest;
      const design = runDesign([...run.layers, ...(after ? newLayersIn(after) : [])], sentence, input);
      if (design) designs.push(design);
    }
  }
  return designs;
}

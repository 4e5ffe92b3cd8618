/**
 * Whole fully connected networks stated in one phrase: a layer-size chain ("784-1024-1024-2048-10", "40 → 128 → 1"), a
 * family ("2, 3, and 4 layer networks with 1024 and 2048 units in each layer": one network per
 * combination), a table cell ("3 layers, 1024 units"), "a single hidden layer of 256 units", "hidden layer sizes are 512
 * and 256".
 */
import { NUMBER_LIST, numbersIn } from './numbers.ts';

export interface MlpStatement {
  /** Widths of the hidden layers, input to output. */
  hidden: number[];
  /** The output width when the phrase states it (the last number of a chain). */
  output?: number;
  /** The input width when the phrase states it (the first number of a chain). */
  input?: number;
  /** An autoencoder's: the output rebuilds the input (no class scores). */
  reconstructs?: boolean;
  text: string;
}

const NET_NOUN = String.raw`(?:networks?|nets?|mlps?|perceptrons?|nns?|autoencoders?|auto-encoders?|models?)`;
const LAYERS = String.raw`(?<layers>${NUMBER_LIST}|single|one)[- ](?<hiddenWord>hidden[- ])?layers?`;
const UNITS = String.raw`(?<units>${NUMBER_LIST})\s+(?:[a-z-]+\s+){0,3}?units\b|\(?(?<pieces>\d+)x(?<pieceUnits>\d+)\)?\s+units\b|\bunits\s+(?:of\s+)?(?:size\s+)?(?<unitsAfter>\d+)`;
const FORMS = [
  // "2 and 3 layer nets having 4096 and 8192 units", "a 3 layer MLP with 50 units on each hidden layer"
  new RegExp(String.raw`${LAYERS}\s+(?:[a-z-]+\s+){0,3}?${NET_NOUN}\b[^.;]*?(?:${UNITS})`, 'i'),
  // "a neural net with 2 layers and 8192 units per layer", "networks with 2 hidden layers of 800 units"
  new RegExp(String.raw`${NET_NOUN}\s+(?:with|having|of)\s+${LAYERS}\s*(?:,|and|with|of|each\s+with|having)?\s*(?:${UNITS})`, 'i'),
  // a table cell: "3 layers, 1024 units"; "a single hidden layer of 256 rectified linear units"
  new RegExp(String.raw`^(?:an?\s+)?${LAYERS}\s*(?:,|and|with|of|having)\s*(?:${UNITS})`, 'i'),
  new RegExp(String.raw`\b(?:an?\s+)?(?<layers>single|one|${NUMBER_LIST})\s+(?<hiddenWord>hidden\s+)layers?\s+(?:of|with|having)\s+(?:${UNITS})`, 'i'),
  // "a fully connected network of depth 4 and width 256": that many hidden layers, each that wide.
  new RegExp(
    String.raw`${NET_NOUN}\s+(?:of|with)\s+(?:a\s+)?depth\s+(?:of\s+)?(?<layers>\d{1,2})\s+and\s+(?:a\s+)?width\s+(?:of\s+)?(?<units>\d{1,6})\b(?<hiddenWord>)`,
    'i',
  ),
];
/** Between the sizes of a chain: a dash or an arrow. */
const LINK = String.raw`\s*(?:->|[-–—→⟶])\s*`;
/** "784-500-500-2000-10", "d–500–500–2000–10" (the input as a symbol the text sets: "d = 784"), "40 → 128 → 64 → 1". */
const CHAIN = new RegExp(
  String.raw`(?<![\d.,x>→-]|[-→]\s)(?:(?<symbol>\b[a-zA-Z])${LINK})?(?<sizes>\d{1,6}(?:${LINK}\d{1,6}){2,})(?![\dx]|[.,]\d|${LINK}\d)`,
  'g',
);
/** Wider than this, a "fully connected" width is a count of some other thing. */
const MAX_UNITS = 100000;
const CHAIN_CONTEXT = /\b(?:architectures?|networks?|nets?|mlps?|layers?|units|neurons|autoencoders?|models?|dimensions?)\b/i;
/** "the decoder mirrors the encoder", "a symmetric decoder", "the decoder is its mirror image". */
const MIRRORED =
  /\b(?:decoders?\b[^.;]{0,30}?\b(?:mirrors?|mirrored|is\s+(?:the\s+|its\s+|a\s+)?(?:mirror|symmetric|reverse))|(?:symmetric(?:al)?|mirrored)\s+decoders?)\b/i;

function chainsIn(sentence: string, text: string): MlpStatement[] {
  if (!CHAIN_CONTEXT.test(sentence)) return [];
  const out: MlpStatement[] = [];
  for (const m of sentence.matchAll(CHAIN)) {
    const sizes = m.groups!.sizes.split(new RegExp(LINK)).map(Number);
    // Years, page ranges and dates ("2015-11-26") are not layer sizes, nor neuron counts of convolutional layers
    // ("253,440–186,624–…": no fully connected layer is that wide).
    const date = sizes.length === 3 && sizes[0]! >= 1900 && sizes[0]! <= 2100 && sizes[1]! <= 12 && sizes[2]! <= 31;
    if (sizes.some((n) => n < 1) || sizes.every((n) => n >= 1900 && n <= 2100) || Math.max(...sizes) < 10 || date) continue;
    if (sizes.slice(1).some((n) => n > MAX_UNITS)) continue;
    const symbol = m.groups!.symbol;
    const set = symbol ? new RegExp(String.raw`\b${symbol}\s*=\s*(\d{1,6})\b`).exec(text) : null;
    const input = symbol ? (set ? Number(set[1]) : undefined) : sizes[0];
    const layers = symbol ? sizes : sizes.slice(1);
    // An autoencoder whose decoder mirrors the encoder: the widths back down, ending at the input's.
    if (MIRRORED.test(sentence) && input !== undefined)
      out.push({ input, hidden: [...layers, ...layers.slice(0, -1).reverse()], output: input, reconstructs: true, text: m[0] });
    else out.push({ ...(input !== undefined ? { input } : {}), hidden: layers.slice(0, -1), output: layers[layers.length - 1]!, text: m[0] });
  }
  return out;
}

/** "the hidden layer sizes are 512, 256 and 128", "hidden sizes of [400, 300]": the widths of an MLP's hidden layers. */
const HIDDEN_SIZES = new RegExp(
  String.raw`\bhidden(?:[- ]layers?)?\s+(?:sizes?|widths?|dimensions?|dims?)\s+(?:are|is|of|were|=|:)?\s*(?:set\s+to\s+)?[[(]?(?<sizes>${NUMBER_LIST})(?![\dx]|\.\d)`,
  'i',
);
/** "… and the output layer has 10 units": the output width stated beside them. */
const OUTPUT_WIDTH = /\boutput\s+layer\s+(?:has|with|of|contains)\s+(?:size\s+)?(\d{1,6})\b(?:\s+(?:units|neurons|nodes|outputs))?/i;

function hiddenSizes(sentence: string): MlpStatement | undefined {
  const m = HIDDEN_SIZES.exec(sentence);
  const hidden = m ? numbersIn(m.groups!.sizes) : [];
  if (!m || !hidden.length || hidden.some((w) => w < 2 || w > MAX_UNITS)) return undefined;
  // "a two-layer GRU with hidden sizes [64, 32]": the sizes of the layers the sentence names, not of an MLP.
  if (/\b(?:LSTMs?|GRUs?|RNNs?|recurrent|conv\w*)\b/i.test(sentence.slice(0, m.index))) return undefined;
  const output = OUTPUT_WIDTH.exec(sentence);
  return { hidden, ...(output ? { output: Number(output[1]) } : {}), text: m[0] };
}

/** `text`: the text around the sentence, where a chain's input symbol may be set ("d = 784"). */
export function mlpStatements(sentence: string, text = sentence): MlpStatement[] {
  const chains = chainsIn(sentence, text);
  if (chains.length) return chains;
  const sized = hiddenSizes(sentence);
  if (sized) return [sized];
  for (const form of FORMS) {
    const m = form.exec(sentence);
    if (!m) continue;
    const g = m.groups!;
    // "a 3-layer LSTM network with 256 units per layer" is a recurrent stack, which the group grammar reads.
    if (/\b(?:lstms?|grus?|rnns?|recurrent|conv\w*|cnns?)\b/i.test(m[0])) continue;
    // "2 to 4 hidden layers with 1024 to 2048 units": a range, not a list of networks.
    if (/\bto\s+\d+\s+(?:hidden[- ])?layers?\b|\d+\s+to\s+\d+\s+(?:[a-z-]+\s+){0,3}?units\b/i.test(m[0])) continue;
    const layerCounts = /^(?:single|one)$/i.test(g.layers) ? [1] : numbersIn(g.layers);
    const widths = g.pieceUnits ? [Number(g.pieceUnits)] : numbersIn(g.units ?? g.unitsAfter ?? '');
    if (!widths.length || layerCounts.some((n) => n < 1 || n > 30) || widths.some((w) => w < 2 || w > MAX_UNITS)) continue;
    // "a four-layer MLP with 256, 128, 64 and 10 units": one width per layer of one network, the last the
    // output unless the layers are called hidden.
    if (layerCounts.length === 1 && widths.length === layerCounts[0] && widths.length > 1 && !/\beach\b|\bper\b/i.test(m[0]))
      return [g.hiddenWord ? { hidden: widths, text: m[0] } : { hidden: widths.slice(0, -1), output: widths[widths.length - 1], text: m[0] }];
    // "a 3 layer MLP with 50 units on each hidden layer": the count includes the output layer.
    const said = sentence.slice(m.index, m.index + m[0].length + 40);
    const countsOutput = !g.hiddenWord && /\bmlps?\b|perceptrons?/i.test(m[0]) && /\bhidden\b/i.test(said);
    const zipped = layerCounts.length === widths.length && layerCounts.length > 1 && /\brespectively\b/i.test(sentence);
    const combos = zipped ? layerCounts.map((n, i) => [n, widths[i]]) : layerCounts.flatMap((n) => widths.map((w) => [n, w]));
    return combos.map(([n, w]) => ({ hidden: Array(Math.max(1, countsOutput ? n - 1 : n)).fill(w), text: m[0] }));
  }
  return [];
}

/** A cell or label that is only a layer-size chain ("500-500-2000"): its sizes, all of them hidden layers. */
export function bareChain(text: string): number[] | undefined {
  const m = /^\(?(\d{1,6}(?:\s*-\s*\d{1,6}){2,})\)?$/.exec(text.trim());
  if (!m) return undefined;
  const sizes = m[1].split(/\s*-\s*/).map(Number);
  return sizes.every((n) => n >= 2) && !sizes.every((n) => n >= 1900 && n <= 2100) && Math.max(...sizes) >= 10 ? sizes : undefined;
}

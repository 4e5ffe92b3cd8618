/** What a clause states about its layers: widths ("96, 128 and 256 filters"), window ("3x3 filters", "kernel size 5"), stride. */
import { NUMBER_LIST, numbersIn } from './numbers.ts';
import { windowKind } from '../graph/index.ts';
import { ALL_WIDTH_NOUNS, FUNCTION_WORDS, NOUN_KIND_WORDS, functionNamed, widthNouns } from './vocabulary.ts';
import type { GroupClause } from './layerGroups.ts';

/** Words that may stand between a width and its noun ("64 output channels"); others ("2 largest feature maps") do not make a width. */
const WIDTH_ADJECTIVES =
  '(?:output|hidden|convolutional|learned|learnable|rectified\\s+linear|rectifier|linear|relu|sigmoid|tanh|logistic|maxout|feature|memory|more)';

const pair = (a: string, b?: string): [number, number] => [Number(a), Number(b ?? a)];

/** "two fully connected layers of size 512 and 43", "an embedding layer of dimension 100". */
const SIZED = new RegExp(
  String.raw`\blayers?\s+(?:of|with)\s+(?:an?\s+)?(?:output\s+)?(?:sizes?|dimensions?|dimensionality|widths?)\s+(?:of\s+)?(${NUMBER_LIST})(?![\dx]|\.\d)`,
  'i',
);
/** "four convolutional layers whose widths are 64, 128, 256 and 512", "whose channel counts are 512, 256 and 1". */
const WIDTHS_ARE = new RegExp(
  String.raw`\b(?:widths?|(?:hidden\s+|output\s+)?sizes|(?:channel|filter|unit|neuron|feature[- ]map)\s+(?:counts?|numbers?))\s+(?:are|is|of)\s+(${NUMBER_LIST})(?![\dx]|\.\d)`,
  'i',
);
/** "a fully connected layer maps z to a 4x4x1024 tensor": the layer's width is the size of the maps it is reshaped into. */
const TO_MAPS =
  /\b(?:maps?|mapping|projects?|projecting|reshaped?)\b[^.;]{0,60}?\b(?:to|into)\s+(?:an?\s+)?(\d{1,3})x(\d{1,3})x(\d{1,4})\s+(?:tensor|volume|feature\s+maps?|maps?|representation|grid)\b/i;

/** A window written before its noun ("3x3 filters") or named with its size ("kernel size 3"); pooling words only for pooling layers. */
function windowPatterns(pooling: boolean): { before: RegExp; named: RegExp } {
  const poolWords = pooling ? '|pooling|(?:max|average|avg)[- ]?pooling' : '';
  return {
    before: new RegExp(
      String.raw`(?<![\dx.])(\d{1,2})x(\d{1,2})(?!x\d)\s+(?:receptive\s+fields?|filters?|kernels?|convolutions?|windows?|regions?|neighbou?rhoods?|patch(?:es)?${poolWords})`,
      'i',
    ),
    named: new RegExp(
      String.raw`\b(?:kernel|filter|window|receptive\s+field${pooling ? '|pooling' : ''})\s+(?:size\s+)?(?:of\s+)?(?:size\s+)?(\d{1,2})(?:x(\d{1,2}))?\b`,
      'i',
    ),
  };
}
const WINDOWS = { pooling: windowPatterns(true), other: windowPatterns(false) };
/** "a pooling layer of size 4", "pooling over 4 positions": a pooling window stated by its size or by what it spans. */
const POOL_SIZE =
  /\b(?:layers?|pooling)\s+(?:(?:of|with)\s+(?:an?\s+)?size\s+(?:of\s+)?|over\s+(?:windows?\s+of\s+)?(?=\d{1,2}\s+(?:positions|steps|time\s+steps|frames|samples|bins|tokens|points)\b))(\d{1,2})(?:x(\d{1,2}))?\b/i;

/** "the output is reduced to 256 dimensions by a linear projection layer": the width, said before the layer. */
const REDUCED_TO =
  /\b(?:reduced|projected|mapped|compressed|brought)\s+(?:down\s+)?to\s+(\d+)\s+(?:dimensions|dims|units|features)\s+(?:by|with|using|through|via)\s*$/i;

/**
 * The width of a fully connected layer stated before it is named: the maps its output is reshaped into ("maps z to
 * a 4x4x1024 tensor with a fully connected layer"), or the size it reduces to ("reduced to 256 dimensions by").
 */
export function widthBefore(text: string): number | undefined {
  const maps = TO_MAPS.exec(text);
  if (maps) return Number(maps[1]) * Number(maps[2]) * Number(maps[3]);
  const reduced = REDUCED_TO.exec(text.replace(/\s+(?:an?|the|one)\s*$/i, ' '));
  return reduced ? Number(reduced[1]) : undefined;
}

/**
 * "64 tanh units", "a single sigmoid unit", "with a tanh activation", "a linear output layer", "500 units (softmax)":
 * the function a fully connected layer applies, said of its units, its activation or its place, or in brackets.
 */
const STATED_FUNCTION = new RegExp(
  String.raw`\b(${FUNCTION_WORDS})\s+(?:(?:hidden|output)\s+)?(?:units?|neurons?|nodes?|activations?(?:\s+functions?)?|non-?linearit(?:y|ies)|output\s+layers?)\b|\(\s*(${FUNCTION_WORDS})\s*\)`,
  'i',
);

type ClauseAttributes = Pick<GroupClause, 'widths' | 'kernel' | 'stride' | 'eachFollowedBy' | 'activation'>;

/** What a clause states about its layers: widths, window, stride, what follows each, and a fully connected layer's function. */
export function attributes(type: string, clause: string): ClauseAttributes {
  const out: ClauseAttributes = {};
  const fn = type === 'Dense' ? STATED_FUNCTION.exec(clause) : null;
  if (fn) out.activation = functionNamed(fn[1] ?? fn[2]);
  const nouns = widthNouns(type);
  if (nouns) {
    // "96, 128 and 256 filters", "32 8x8 filters", "2048 units each", "512-unit" (never a number in a name: "fc8 outputs";
    // after "=" only as a computed result: "3 × (5 + C) = 45 filters")
    const listed = new RegExp(
      String.raw`(?<![\dx.a-z]|\bto\s|-|(?<![)\d]\s*)=\s*)(${NUMBER_LIST})\s+(?:(\d+)x(\d+)\s+)?(?:${WIDTH_ADJECTIVES}\s+)?(?:${nouns})\b(?!\s+(?:fewer|more|less)\s+than\b)`,
      'i',
    ).exec(clause);
    // "512-d", never "1-D" (the axes of a 1-D convolution)
    // ("on top of the pooled 100-dimensional vector" sizes what comes in, not the layer)
    const hyphened = new RegExp(
      String.raw`(?<![\dx.])(?<!\b(?:on\s+top\s+of|takes|receives|over|from)\s+(?:the|a|an|its|each)\s+(?:[a-z]+\s+)?)(\d+-(?:unit|neuron|filter|channel|dimensional)|\d{2,}-d)\b`,
      'i',
    ).exec(clause);
    // "with a hidden size of 96", "a hidden state of size 256": a recurrent or fully connected layer's width by name, before any later number.
    const hiddenSize =
      /\b(?:hidden|state|cell)(?:[- ](?:states?|vectors?))?(?:\s+of)?[- ](?:sizes?|dimensions?|dimensionality|widths?|units)\s+(?:of\s+|is\s+|=\s*|:\s*)?(\d+)\b/i.exec(
        clause,
      );
    if (hiddenSize && hiddenSize.index < Math.min(listed?.index ?? Infinity, hyphened?.index ?? Infinity)) out.widths = [Number(hiddenSize[1])];
    else if (listed) {
      out.widths = numbersIn(listed[1]);
      if (listed[2]) out.kernel = pair(listed[2], listed[3]);
    } else if (hyphened) out.widths = [parseInt(hyphened[1], 10)];
    const sized = SIZED.exec(clause);
    if (!out.widths && sized) out.widths = numbersIn(sized[1]);
    // "2 layers of 64 GRU units": the layer's own name between its width and the width's noun.
    const named = new RegExp(String.raw`(?<![\dx.])(\d+)\s+(?:${NOUN_KIND_WORDS})\s+(?:${nouns})\b`, 'i').exec(clause);
    if (!out.widths && named) out.widths = [Number(named[1])];
    // "2 hidden layers and 1200 filters per layer": a width stated per layer counts whatever its noun.
    const perLayer = new RegExp(
      String.raw`(?<![\dx.])(\d+)\s+(?:${ALL_WIDTH_NOUNS})\s+(?:per|in\s+each|at\s+each|for\s+each)\s+(?:hidden\s+)?layer\b`,
      'i',
    ).exec(clause);
    if (!out.widths && perLayer) out.widths = [Number(perLayer[1])];
    // "depth from 1 to 128 channels": the layer's width is where it goes to.
    // "a final convolution layer results in a scalar value": one output.
    if (!out.widths && /\b(?:results?\s+in|outputs?|produces?|gives?)\s+(?:a|one)\s+(?:single\s+)?scalar\b/i.test(clause)) out.widths = [1];
    const widthsAre = WIDTHS_ARE.exec(clause);
    if (!out.widths && widthsAre) out.widths = numbersIn(widthsAre[1]);
    // "hidden sizes [64, 32]", "units = [256, 128]": a bracketed list after the word for a width.
    const bracketed = new RegExp(String.raw`\b(?:sizes?|dimensions?|widths?|${nouns})\s*[=:]?\s*(?:\[(${NUMBER_LIST})\]|\((${NUMBER_LIST})\))`, 'i').exec(
      clause,
    );
    if (!out.widths && bracketed) out.widths = numbersIn(bracketed[1] ?? bracketed[2]!);
    // "(filters: 32, 64, 64; kernel sizes: 8, 4, 3)": the widths listed after their noun and a colon.
    const labelled = new RegExp(String.raw`\b(?:${nouns})\s*:\s*(${NUMBER_LIST})(?![\dx]|\.\d)`, 'i').exec(clause);
    if (!out.widths && labelled) out.widths = numbersIn(labelled[1]);
    const toMaps = type === 'Dense' ? widthBefore(clause) : undefined;
    if (!out.widths && toMaps) out.widths = [toMaps];
    // "a fully connected layer mapping the 128-dimensional code to 4096 units"
    const mapped = new RegExp(String.raw`\b(?:maps?|mapping|projects?|projecting)\b[^,.;]{0,50}?\bto\s+(\d+)\s+(?:${nouns})\b`, 'i').exec(clause);
    if (mapped) out.widths = [Number(mapped[1])];
    // "a 1x1 convolution maps the 32 channels to the 4 tissue classes": one output per class.
    // ("… maps every time step to 37 scores": a score, logit or probability per output)
    const toClasses =
      /\b(?:maps?|mapping|projects?|projecting)\b[^,.;]{0,50}?\bto\s+(?:the\s+)?(\d+)\s+(?:[a-z-]+\s+)?(?:classes|categories|scores|logits|probabilities)\b/i.exec(
        clause,
      );
    if (toClasses) out.widths = [Number(toClasses[1])];
    // "a linear output layer over the vocabulary of 10000 words"
    // ("over the 10K-word Penn Treebank vocabulary")
    const vocabulary =
      /\bover\s+(?:the|a|its)\s+(?:vocabulary|lexicon)\s+(?:of\s+)?(?:size\s+)?(\d+)/i.exec(clause) ??
      /\bover\s+(?:the|a|its)\s+(\d+)(k)?[- ]word\s+(?:[A-Z][\w-]*\s+){0,3}(?:vocabulary|lexicon)\b/i.exec(clause);
    if (!out.widths && vocabulary && type === 'Dense') out.widths = [Number(vocabulary[1]) * (vocabulary[2] ? 1000 : 1)];
    // "an output layer that scores all 43,097 items": one output per item.
    const scored = /\bscores?\s+(?:all|each\s+of)\s+(?:the\s+)?(\d+)\s+(?:[a-z-]+\s+)?(?:items|classes|words|tokens|labels|candidates|products)\b/i.exec(
      clause,
    );
    if (!out.widths && scored && type === 'Dense') out.widths = [Number(scored[1])];
    // "a fully connected layer that outputs the 40 attribute scores"
    const outputs =
      /\b(?:outputs?|predicts?|produces?|gives?|emits?|returns?|yields?)\s+(?:the\s+|all\s+)?(?:next\s+)?(\d+)\s+(?:[a-z-]+\s+)?(?:scores|values|logits|probabilities|predictions|outputs)\b/i.exec(
        clause,
      );
    if (!out.widths && outputs && type === 'Dense') out.widths = [Number(outputs[1])];
    // "(mapped by) a fully connected layer to the 12 future values": the layer's width is what it maps to.
    const mapsTo =
      /^[^.;,]{0,30}?\bto\s+(?:the\s+|all\s+)?(\d+)\s+(?:[a-z-]+\s+){0,2}?(?:values|outputs|scores|logits|classes|targets|predictions|probabilities)\b/i.exec(
        clause,
      );
    if (!out.widths && mapsTo && type === 'Dense') out.widths = [Number(mapsTo[1])];
    // "mapped by a dense layer to the 24-step forecast horizon": one output per step ahead.
    const horizon = /\b(\d+)-step(?:-ahead)?\s+(?:ahead\s+)?(?:forecast(?:ing)?\s+|prediction\s+)?(?:horizon|forecasts?|predictions?)\b/i.exec(clause);
    if (!out.widths && horizon && type === 'Dense') out.widths = [Number(horizon[1])];
    // "a linear projection of 256 dimensions", "a fully connected layer to 128 dimensions": a width in dimensions.
    const dimensions = /^[^,;]*?\b(?:of|to|with)\s+(\d+)\s+(?:output\s+)?(?:dimensions|dims)\b/i.exec(clause);
    if (!out.widths && dimensions && type === 'Dense') out.widths = [Number(dimensions[1])];
    // "a fully connected layer with one output", "a single output unit"
    if (
      !out.widths &&
      /\bwith\s+(?:a\s+)?(?:one|single|1)\s+(?:(?:sigmoid|logistic|linear|output)\s+)?(?:output|unit|neuron|node)\b(?!\s+(?:for|per)\s+(?:each|every|class|category|label|target)\b)/i.test(
        clause,
      )
    )
      out.widths = [1];
    // "a 1x1 convolution with 1 filter", "with one output channel": a width of one, its noun singular.
    if (!out.widths && /\bwith\s+(?:a\s+single|one|1)\s+(?:output\s+)?(?:filter|channel|kernel|feature\s+map)\b(?!s)/i.test(clause)) out.widths = [1];
    const fromTo = new RegExp(String.raw`\bfrom\s+\d+\s+to\s+(\d+)\s+(?:${nouns})\b`, 'i').exec(clause);
    if (fromTo) out.widths = [Number(fromTo[1])];
    // "an embedding layer (d = 100)": a size named by a symbol in brackets right after a layer without a window.
    const symbolSize = /^[^(.;]{0,40}?\(\s*[a-z]\w{0,3}\s*=\s*(\d+)\s*\)/i.exec(clause);
    if (!out.widths && symbolSize && !windowKind(type)) out.widths = [Number(symbolSize[1])];
  }
  // A pooling window ("2x2 max pooling") is the pooling layer's, never the window of the layer before it.
  const windows = WINDOWS[windowKind(type) === 'pooling' ? 'pooling' : 'other'];
  const kernel =
    windows.before.exec(clause) ??
    windows.named.exec(clause) ??
    // "128 filters of width 5", "kernels of size 3": one number, the same both ways
    /\b(?:filters|kernels)\s+(?:each\s+)?(?:of|with)\s+(?:an?\s+)?(?:width|length|size)\s+(?:of\s+)?(\d{1,2})\b(?!x)/i.exec(clause) ??
    // "96 filters of size 11x11", "filters with a spatial extent of 5x5", "32 filters of 8x8"
    /\b(?:filters|kernels)\s+(?:each\s+)?(?:of|with)\s+(?:an?\s+)?(?:(?:spatial\s+)?(?:size|shape|extent|dimensions?)\s+(?:of\s+)?)?(\d{1,2})x(\d{1,2})\b/i.exec(
      clause,
    );
  if (kernel && !out.kernel) out.kernel = pair(kernel[1], kernel[2]);
  // "a max pooling layer of size 4": a pooling layer's size is its window (a fully connected layer's is its width).
  const poolSize = windowKind(type) === 'pooling' ? POOL_SIZE.exec(clause) : null;
  if (poolSize && !out.kernel) out.kernel = pair(poolSize[1], poolSize[2]);
  // "pool1 (2x2)", "conv1 (5x5, 32 maps)": the window first in the brackets after the layer's name.
  const bracketed = /^[^(]{0,40}?\(\s*(\d{1,2})x(\d{1,2})\b/.exec(clause);
  if (bracketed && !out.kernel) out.kernel = pair(bracketed[1], bracketed[2]);
  const stride = /\bstrides?\s+(?:of\s+)?(\d{1,2})\b|\bat\s+strides?\s+of\s+(\d{1,2})\b/i.exec(clause);
  if (stride) out.stride = pair(stride[1] ?? stride[2]);
  return out;
}

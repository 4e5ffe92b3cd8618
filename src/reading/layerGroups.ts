/**
 * The phrase grammar of layer groups in running text: "3 convolutional layers", "two fully connected hidden
 * layers having 2048 units each", "the first convolutional layer has 32 8x8 filters with stride 4, the
 * second 64 4x4 filters", "The convolutional layers have 96, 128 and 256 filters respectively", "each
 * followed by a max-pooling layer", "Each max pooling layer pools 3x3 regions at strides of 2".
 * A sentence is cut into clauses at each group mention; each clause says what it states about its group.
 */
import { NUMBER_LIST, ORDINALS, numbersIn } from './numbers.ts';
import { windowKind } from '../graph/index.ts';
import { ALL_WIDTH_NOUNS, KIND_WORDS, NOUN_KIND_WORDS, kindNamed, typeCountedBy, widthNouns, widthParam, type LayerKind } from './vocabulary.ts';

/** How a clause points at layers. */
export type GroupRef =
  /** "3 convolutional layers", "a fully connected layer": new layers, `count` of them (undefined: not said). */
  | { kind: 'new'; count?: number }
  /** "the convolutional layers", "each max pooling layer": every layer of the type so far. */
  | { kind: 'all' }
  /** "the second convolutional layer", "the last": one layer of the type by position (negative from the end). */
  | { kind: 'nth'; position: number }
  /** "conv3, conv4 and conv5 have …", "fc6": layers by the names the paper gives them (lower case, in text order). */
  | { kind: 'named'; names: string[] }
  /** "the first two", "the next two", "the remaining four": a run of layers of the type, in order. */
  | { kind: 'range'; which: 'first' | 'next' | 'last' | 'remaining'; count: number };

export interface GroupClause {
  type: string;
  ref: GroupRef;
  /** "hidden": layers before a separate output layer. */
  hidden: boolean;
  /** "a final convolution layer": new layers that come after all the others, not ones counted before. */
  final?: boolean;
  /** "the output layer": the network's last layer, one of its own (the first statement about it makes it). */
  output?: boolean;
  /** Widths in order ("96, 128 and 256 filters"); one width means every layer of the clause. */
  widths?: number[];
  /** "three convolutional layers (32 filters of 8x8 with stride 4, 64 filters of 4x4 …, and …)": what each layer has. */
  perLayer?: Array<Pick<GroupClause, 'widths' | 'kernel' | 'stride'>>;
  kernel?: [number, number];
  stride?: [number, number];
  /** "each followed by a max-pooling layer": a layer of this type after each one. */
  eachFollowedBy?: string;
  /** "4 recurrent layers with a max pooling layer in the middle": placed halfway through the group before. */
  middle?: boolean;
  /** "max pooling after every two convolutional layers": one layer of this type after every `n`th layer of `type`. */
  afterEvery?: { n: number; type: string };
  /** "max-pooling after the 2nd, 4th and 6th layers": one layer of this type after each of these layers (1-based) of `type` (unsaid: the stack's). */
  afterPositions?: { positions: number[]; type?: string };
  text: string;
}

const ORDINAL_WORDS = Object.keys(ORDINALS).join('|');
/** Words that cannot describe a counted layer ("4 gated convolutional layers" has one; "one of the …" does not). */
const NOT_ADJECTIVES =
  'of|the|a|an|and|or|in|on|with|to|for|these|those|its|our|their|each|every|all|than|by|from|at|is|are|was|were|which|that|this|as|into|per|other|more|such|same|over|under|onto|through|via|using|across|after|before|between|within|without';
/** A group mention: determiner, then kind words (optionally "conv + batch norm + relu"), then "layer(s)". */
const GROUP = new RegExp(
  String.raw`\b(?:(?<ord>the\s+(?:${ORDINAL_WORDS})(?:\s+(?:and|or)\s+(?:${ORDINAL_WORDS}))?\s+(?:(?!(?:${NOT_ADJECTIVES})\b)[a-z][a-z-]*\s+){0,2}?)|(?<det>the|each|every|all|these|both)\s+|(?<![\d.]\s*(?:to|-)\s*|\b(?:up\s+to|than|least|most|every|each)\s+)(?<count>\d+|an?|single|one)\s+(?:(?:(?!(?:${NOT_ADJECTIVES})\b)[a-z][a-z-]*|\d+-[a-z]+)\s+){0,2}?)?` +
    String.raw`(?:(?<adj>more|additional|further|consecutive|successive|stacked|subsequent|other|remaining|intermediate|final|last)\s+)?` +
    // "two 3x3 convolutional layers": the window may stand before the kind.
    String.raw`(?:\d{1,2}x\d{1,2}\s+)?(?<words>(?:${KIND_WORDS})(?:\s+(?:${KIND_WORDS}))?)(?<extra>(?:\s*\+\s*[a-z][\w-]*(?:\s+[a-z][\w-]*)?){0,3})\s+(?:output\s+|classification\s+)?(?<hidden>hidden\s+)?(?<noun>layers?)\b`,
  'gi',
);
/** Layers named by a noun of their own: "2 LSTMs", "1000-dimensional word embeddings", "a 2-layer LSTM", "LSTMs with 4 layers". */
const NOUN_GROUP = new RegExp(
  String.raw`\b(?:(?<det>the|each|every|all|these|both)\s+|(?:an?\s+)?(?<![\d.]\s*(?:to|-)\s*)(?<layerCount>\d+)[- ]layers?\s+|(?<![\d.]\s*(?:to|-)\s*)(?<count>\d+|an?|single|one)(?![- ]?(?:dimensional|dim|d)\b)\s+)?` +
    String.raw`(?:(?:deep|stacked|bidirectional|bi-directional|unidirectional|multi-layer|multilayer|\d+[- ]?dimensional|\d{1,2}x\d{1,2}|(?!(?:${NOT_ADJECTIVES})\b)[a-z][\w-]*)\s+){0,2}?` +
    String.raw`(?<words>${NOUN_KIND_WORDS})s?\b(?!\s*(?:-based\s+)?(?:networks?|models?|architectures?|nets?|cells?|units?)\b)(?:\s+with\s+(?<withCount>\d+)\s+layers\b)?`,
  'gi',
);

/** Kind words that make layer names with a number: "conv" → conv1, conv3_2; "fc" → fc6. */
const NAME_STEMS = KIND_WORDS.split('|').filter((w) => /^[a-z]{2,5}$/i.test(w));
const LAYER_NAME = String.raw`(?<![\w-])(?:${NAME_STEMS.join('|')})[-_]?\d{1,2}(?:[_.]\d{1,2})?(?![\w]|-\d|\.\d)`;
/** "conv1", "conv3, conv4 and conv5", "fc6 and fc7": layers a paper names, as a network's parts are often named. */
const NAMED_GROUP = new RegExp(String.raw`(?<names>${LAYER_NAME}(?:\s*,\s*${LAYER_NAME})*(?:\s*,?\s*(?:and|&)\s+${LAYER_NAME})?)`, 'gi');

/** The layer mentions by name in a sentence, with the kind its names' stem says. */
function namedMentions(sentence: string): Found[] {
  return [...sentence.matchAll(NAMED_GROUP)].map((m) => {
    const names = m.groups!.names.match(new RegExp(LAYER_NAME, 'gi'))!.map((n) => n.toLowerCase().replace(/[-_.]/g, (c) => (c === '-' ? '' : '_')));
    const stem = /^[a-z]+/.exec(names[0])![0];
    const found = m as Found;
    found.groups = { words: stem, noun: names.length > 1 ? 'layers' : 'layer' };
    found.names = names;
    return found;
  });
}

/** A mention made of the `item` group of a match ("a 2x2 max-pooling" → "2x2 max-pooling"), where the item ends the match. */
function itemMention(m: RegExpMatchArray, groups: Record<string, string>): Found {
  const found = [m.groups!.item!] as Found;
  found.index = m.index! + m[0].length - m.groups!.item!.length;
  found.groups = groups;
  return found;
}

/** "max pooling after every two convolutional layers", "a pooling layer is inserted after every 3 conv layers". */
const AFTER_EVERY = new RegExp(
  String.raw`\b(?:an?\s+)?(?<words>${KIND_WORDS})(?:\s+layers?)?\s+(?:(?:is|are)\s+)?(?:(?:applied|inserted|placed|used|added)\s+)?after\s+(?:every|each)\s+(?<n>\d+)\s+(?<target>${KIND_WORDS})\s+layers\b(?<noun>)`,
  'gi',
);

/** "Max-pooling with a 2x2 window follows every second convolutional layer". */
const FOLLOWS_EVERY = new RegExp(
  String.raw`\b(?:an?\s+)?(?<words>${KIND_WORDS})(?:\s+layers?)?(?:\s+(?:with|of)\s+[^,.;]{0,30}?)?\s+(?:is\s+placed\s+after|follows?)\s+(?:every|each)\s+(?:(?<nth>${ORDINAL_WORDS}|\d+(?:st|nd|rd|th))\s+(?<target>${KIND_WORDS})\s+layer|(?<pair>pair)(?:\s+of\s+(?<pairTarget>${KIND_WORDS})\s+layers)?)\b(?<noun>)`,
  'gi',
);

/** "a 4-layer CNN whose layers have 64, 128, 256 and 1 channels": a convolutional network counted by its layers. */
const LAYERED_CNN =
  /\b(?:an?\s+)?(?<count>\d+)[- ]layers?\s+(?:deep\s+)?(?:cnn|convnet|conv[- ]?net|(?:fully\s+)?convolutional\s+(?:neural\s+)?(?:network|net))\b/gi;

/** "a 3-layer LSTM network", "a 2-layer bidirectional GRU encoder": layers named by their noun, counted by depth. */
const LAYERED_NOUN_NET = new RegExp(
  String.raw`\b(?:an?\s+)?(?<count>\d+)[- ]layers?\s+(?:(?:deep|stacked|bidirectional|bi-directional|unidirectional)\s+)*(?<words>${NOUN_KIND_WORDS || '(?!)'})\s+(?:networks?|models?|nets?|encoders?|decoders?)\b`,
  'gi',
);

function layeredCnnMentions(sentence: string): Found[] {
  const cnn = [...sentence.matchAll(LAYERED_CNN)].map((m) => {
    const found = m as Found;
    found.groups = { count: m.groups!.count!, words: 'convolutional', noun: 'layers' };
    found.counted = true;
    return found;
  });
  const recurrent = [...sentence.matchAll(LAYERED_NOUN_NET)].map((m) => Object.assign(m as Found, { groups: { ...m.groups!, noun: 'layers' } }));
  return [...cnn, ...recurrent];
}

/** "Layer 1: convolution with 20 filters …", "Layer 2: max pooling of size 2x2": an enumeration of the layers. */
const ENUMERATED = new RegExp(
  // The window may stand first, its times sign sometimes lost in extraction ("layer two: 2 2 subsampling").
  String.raw`\blayer\s+\d{1,2}\s*[:.)-]\s*(?:an?\s+)?(?<item>(?:\d{1,2}(?:x|\s)\d{1,2}\s+)?(?<words>${KIND_WORDS})\b)`,
  'gi',
);

function enumeratedMentions(sentence: string): Found[] {
  return [...sentence.matchAll(ENUMERATED)].map((m) => itemMention(m, { words: m.groups!.words!, noun: 'layer', count: '1' }));
}

/** "Each pair of convolutional layers is followed by a 2x2 max-pooling layer": a layer after every second one. */
const EACH_PAIR = new RegExp(
  String.raw`\b(?:each|every)\s+pair\s+of\s+(?<target>${KIND_WORDS})\s+layers\s+(?:is|are)\s+followed\s+by\s+(?:an?\s+)?(?<item>(?:\d{1,2}x\d{1,2}\s+)?(?<words>${KIND_WORDS}))`,
  'gi',
);

function pairFollowerMentions(sentence: string): Found[] {
  return [...sentence.matchAll(EACH_PAIR)].map((m) =>
    Object.assign(itemMention(m, { words: m.groups!.words!, target: m.groups!.target!, n: '2', noun: '' }), { span: [m.index!, m.index! + m[0].length] }),
  );
}

const ORDINAL_OR_NTH = String.raw`(?:\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS})`;
/** "max-pooling after the 2nd, 4th and 6th layers", "pooling layers are inserted after the first and third convolutional layers". */
const AFTER_POSITIONS = new RegExp(
  String.raw`\b(?:an?\s+)?(?<words>${KIND_WORDS})(?:\s+layers?)?(?:\s+of\s+\d{1,2}x\d{1,2})?\s+(?:(?:is|are)\s+)?(?:(?:applied|inserted|placed|used|added)\s+)?(?:after|follows?)\s+(?:the\s+(?<list>${ORDINAL_OR_NTH}(?:\s*,\s*${ORDINAL_OR_NTH})*(?:\s*,?\s*and\s+${ORDINAL_OR_NTH})?)\s+(?:(?<target>${KIND_WORDS})s?(?:\s+(?:layers?|ones?))?|layers?|ones?|1)|layers\s+(?<numbers>${NUMBER_LIST}))\b(?<noun>)`,
  'gi',
);

function positionMentions(sentence: string): Found[] {
  return [...sentence.matchAll(AFTER_POSITIONS)].flatMap((m) => {
    const kind = kindNamed(m.groups!.words);
    if (!kind || kind.widthParam !== undefined) return [];
    const found = m as Found;
    found.positions = m.groups!.numbers
      ? numbersIn(m.groups!.numbers)
      : m.groups!.list!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((w) => ORDINALS[w.toLowerCase()] ?? parseInt(w, 10));
    return [found];
  });
}

/** "The convolutional part has 6 layers": a stack named by its kind, counted by its layers. */
const PART_COUNT = new RegExp(
  String.raw`\b(?:the\s+|a\s+|its\s+|our\s+)?(?<words>${KIND_WORDS})\s+(?:part|stack|stage|section|portion|trunk|backbone|encoder|feature\s+extractor|network|net)\s+(?:has|have|consists\s+of|contains|comprises|is\s+made\s+(?:up\s+)?of)\s+(?<count>\d{1,2})\s+(?<noun>layers)\b`,
  'gi',
);

/** "… fully connected layers with 100, 50 and 10 neurons and a single output": a last layer of one unit. */
const SINGLE_OUTPUT =
  /\band\s+(?:a\s+single|one|a)\s+(?:linear\s+|sigmoid\s+|scalar\s+)?(?<item>output(?:\s+(?:unit|neuron|node))?)\b(?!\s+(?:for|per|of|layers?)\b)/gi;

function singleOutputMentions(sentence: string): Found[] {
  return [...sentence.matchAll(SINGLE_OUTPUT)].map((m) => Object.assign(itemMention(m, { words: 'output', noun: 'layer', count: '1' }), { widths: [1] }));
}

/** "Its first layer convolves the input with 64 kernels …": a layer named by its position and what it does. */
const LAYER_VERB = new RegExp(
  String.raw`\b(?<ord>(?:the|its|our)\s+(?:${ORDINAL_WORDS}))\s+(?:hidden\s+)?layer\s+(?<item>(?:convolves|filters|pools|subsamples))\b`,
  'gi',
);
const VERB_KIND: Record<string, string> = { convolves: 'convolution', filters: 'convolution', pools: 'pooling', subsamples: 'subsampling' };

/** "two layers of convolution", "3 layers of LSTM": a group counted before its kind. */
const LAYERS_OF = new RegExp(String.raw`\b(?<count>\d+)\s+(?<noun>layers)\s+of\s+(?<words>${KIND_WORDS})\b`, 'gi');

function verbMentions(sentence: string): Found[] {
  return [...sentence.matchAll(LAYER_VERB)].flatMap((m) => {
    const kind = kindNamed(VERB_KIND[m.groups!.item.toLowerCase()]!);
    if (!kind) return [];
    const found = m as Found;
    found.kind = kind;
    found.groups = { ord: m.groups!.ord, words: VERB_KIND[m.groups!.item.toLowerCase()]!, noun: 'layer' };
    return [found];
  });
}

/**
 * "the first two have 32 filters, the next two 64 …", "… 64 for the first two layers, 128 for the next two
 * and 256 for the remaining four": runs of the layers just counted, each with its own width.
 */
const RANGE = new RegExp(
  String.raw`\bthe\s+(?<which>first|next|last|final|remaining|following)\s+(?<count>\d{1,2})(?:\s+(?<words>${KIND_WORDS}))?(?:\s+(?:layers|ones))?\b(?<noun>)`,
  'gi',
);
/** Any noun that counts a width ("filters", "units"). */
const WIDTH_NOUN = new RegExp(String.raw`\b(${ALL_WIDTH_NOUNS})\b`, 'i');
/** "64 for the first two layers": the width stated before the run it is for. */
const WIDTH_FOR = /(?<![\dx.])(\d+)\s+(?:[a-z]+\s+)?for\s+$/i;

/**
 * The kind a run speaks of: its own words, else the noun its clause counts ("have 32 filters"), else the
 * clause before it; an empty type leaves it to the network being built (the layers counted last).
 */
function rangeKind(words: string | undefined, own: string, previous: GroupClause | undefined): LayerKind {
  const named = words ? kindNamed(words) : undefined;
  if (named) return named;
  const noun = WIDTH_NOUN.exec(own);
  const counted = noun ? typeCountedBy(noun[1]) : undefined;
  return { type: counted ?? previous?.type ?? '' };
}

function rangeMentions(sentence: string): Found[] {
  return [...sentence.matchAll(RANGE)].map((m) => {
    const found = m as Found;
    const which = m.groups!.which!.toLowerCase();
    found.range = {
      which: which === 'final' ? 'last' : which === 'following' ? 'next' : (which as 'first' | 'next' | 'last' | 'remaining'),
      count: Number(m.groups!.count),
    };
    const width = WIDTH_FOR.exec(sentence.slice(Math.max(0, m.index! - 30), m.index));
    if (width) found.widths = [Number(width[1])];
    return found;
  });
}

/** "layers 1 to 3 are convolutional with …", "layers 4 and 5 are fully connected with …": layers by their numbers. */
const NUMBERED_LAYERS = new RegExp(
  String.raw`\blayers\s+(?:(?<from>\d{1,2})\s*(?:to|-|through)\s*(?<to>\d{1,2})|(?<list>${NUMBER_LIST}))\s+(?:are|were)\s+(?:all\s+)?(?<words>${KIND_WORDS})\b(?<noun>)`,
  'gi',
);

function numberedMentions(sentence: string): Found[] {
  return [...sentence.matchAll(NUMBERED_LAYERS)].flatMap((m) => {
    const g = m.groups!;
    const count = g.from ? Number(g.to) - Number(g.from) + 1 : numbersIn(g.list!).length;
    if (count < 1 || count > 30) return [];
    const found = m as Found;
    found.groups = { words: g.words!, count: String(count), noun: 'layers' };
    return [found];
  });
}

/** "The number of filters is 16, 32, 64 and 128", "the numbers of feature maps in the convolutional layers are …". */
const NUMBER_OF = new RegExp(
  String.raw`\bnumbers?\s+of\s+(?:output\s+)?(?<noun>${ALL_WIDTH_NOUNS})\b(?:\s+(?:in|of|for)\s+(?:the\s+|each\s+|all\s+)?(?:(?<words>${KIND_WORDS})\s+)?layers?)?\s+(?:is|are|was|were|being)\s+(?:set\s+to\s+)?(?<list>${NUMBER_LIST})(?![\dx]|\.\d)`,
  'gi',
);

/** Width lists stated as "the number of <noun> is …": every layer of the type the noun (or the named kind) counts. */
function numberOfMentions(sentence: string): Found[] {
  return [...sentence.matchAll(NUMBER_OF)].flatMap((m) => {
    const type = m.groups!.words ? kindNamed(m.groups!.words)?.type : typeCountedBy(m.groups!.noun);
    if (!type || numbersIn(m.groups!.list).length < 2) return [];
    const found = m as Found;
    found.kind = { type, widthParam: widthParam(type) };
    found.widths = numbersIn(m.groups!.list!);
    found.groups = { ...m.groups!, words: m.groups!.words ?? m.groups!.noun, noun: 'layers', det: 'the' };
    return [found];
  });
}

/**
 * A layer without a width named without the word "layer": "a 2x2 max-pooling", "another max pooling", "…
 * and global average pooling", as items of a list of layers.
 */
const BARE_KIND = new RegExp(
  String.raw`\b(?:(?<article>an?|another|one)(?:\s+(?:second|third|fourth|further|final|last|additional))?|with|and|then)\s+(?<item>(?:\d{1,2}x\d{1,2}\s+)?(?<words>${KIND_WORDS}))(?![\w-])(?!\s+(?:hidden\s+)?layers?\b)`,
  'gi',
);

function bareMentions(sentence: string): Found[] {
  return [...sentence.matchAll(BARE_KIND)].flatMap((m) => {
    const kind = kindNamed(m.groups!.words);
    // Without an article only a name of two words or more ("global average pooling", not "pooling").
    if (!kind || kind.widthParam !== undefined || (!m.groups!.article && !/\s|-/.test(m.groups!.words))) return [];
    return [itemMention(m, { words: m.groups!.words!, noun: '' })];
  });
}

/** "followed by", "each followed by", "each of which is followed by": what comes after a layer group. */
const FOLLOWED_BY = /\b(?<each>each\s*,?\s*(?:of\s+which\s+is\s+)?)?(?:followed|succeeded)\s+by\s+/gi;
/** The items of a follower list: "batch normalization, ReLU and 2x2 max pooling", "BN + ReLU + pooling". */
const LIST_SEPARATOR = /\s*,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+(?:then\s+)?|\s*\+\s*/g;
/** A list item naming a layer: an optional window, the kind words, and no "layer(s)" (a group mention reads those). */
const LIST_ITEM = new RegExp(String.raw`^(?:an?\s+|one\s+)?(?<item>(?:\d{1,2}x\d{1,2}\s+)?(?<words>${KIND_WORDS})\b)(?!\s+(?:hidden\s+)?layers?\b)`, 'i');
/** An item longer than this that names no layer is a clause of its own, which ends the list. */
const MAX_ITEM_WORDS = 4;

/** A mention found in a sentence; `followsEach` marks an item of an "each followed by" list. */
type Found = RegExpMatchArray & {
  followsEach?: boolean;
  names?: string[];
  kind?: LayerKind;
  /** "a 4-layer CNN": layers counted by the network's depth. */
  counted?: boolean;
  /** "after the 2nd, 4th and 6th layers": positions, 1-based. */
  positions?: number[];
  /** "the next two": a run of the layers counted before. */
  range?: { which: 'first' | 'next' | 'last' | 'remaining'; count: number };
  /** Widths the statement itself gives ("the number of filters is 16, 32 and 64", "64 for the first two layers", "a single output"). */
  widths?: number[];
  /** The whole statement a mention stands in, where it is more than the mention ("each pair of … is followed by …"). */
  span?: [number, number];
};

/** Where each item of a follower list starts, with the items that name a layer without a width as mentions of their own. */
function followerLists(sentence: string): { starts: Array<{ at: number; each: boolean }>; bare: Found[] } {
  const starts: Array<{ at: number; each: boolean }> = [];
  const bare: Found[] = [];
  for (const lead of sentence.matchAll(FOLLOWED_BY)) {
    // "Every convolution uses a 3x3 kernel and is followed by 2x2 max-pooling": the subject names each layer.
    const quantified =
      /^(?:each|every|all)\b/i.test(sentence.trimStart()) && /\b(?:is|are)\s+(?:then\s+|always\s+|also\s+)?$/i.test(sentence.slice(0, lead.index));
    const each = Boolean(lead.groups!.each) || quantified;
    const from = lead.index! + lead[0].length;
    const tail = sentence.slice(from).split(/[.;:(]/)[0];
    const cuts = [...tail.matchAll(LIST_SEPARATOR)];
    let at = 0;
    for (let k = 0; k <= cuts.length; k++) {
      const end = k < cuts.length ? cuts[k].index! : tail.length;
      const item = tail.slice(at, end);
      // "…, and max-pooling after layers 1, 3 and 5" is a placement of its own, not a follower of each.
      if (/\bafter\b/i.test(item)) break;
      const named = LIST_ITEM.exec(item);
      if (!named && item.trim().split(/\s+/).length > MAX_ITEM_WORDS) break;
      const article = /^(?:an?\s+|one\s+)?/i.exec(item)![0].length;
      // A group mention may start at the article ("a max-pooling layer") or after it.
      starts.push({ at: from + at, each }, { at: from + at + article, each });
      const kind = named && kindNamed(named.groups!.words);
      if (named && kind && kind.widthParam === undefined) {
        const m = [named.groups!.item] as Found;
        m.index = from + at + article;
        m.groups = { words: named.groups!.words, noun: '' };
        m.followsEach = each;
        bare.push(m);
      }
      if (k < cuts.length) at = end + cuts[k][0].length;
    }
  }
  return { starts, bare };
}

/** "the first …" at the start of a mention. */
const LEADING_ORDINAL = new RegExp(String.raw`^the\s+(?:${ORDINAL_WORDS})\b`, 'i');

/** "…, the second 64 4x4 filters": an ordinal that continues the type of the clause before it. */
const ELIDED_ORDINAL = new RegExp(String.raw`(?:^|,\s*|\band\s+)(?:and\s+)?the\s+(?<ord>${ORDINAL_WORDS})(?:\s+and\s+(?:final|last))?\s+(?=\d)`, 'gi');

/** Words that may stand between a width and its noun ("64 output channels"); others ("2 largest feature maps") do not make a width. */
const WIDTH_ADJECTIVES =
  '(?:output|hidden|convolutional|learned|learnable|rectified\\s+linear|rectifier|linear|relu|sigmoid|tanh|logistic|maxout|feature|memory|more)';

const pair = (a: string, b?: string): [number, number] => [Number(a), Number(b ?? a)];

/** "two fully connected layers of size 512 and 43", "an embedding layer of dimension 100". */
const SIZED = new RegExp(
  String.raw`\blayers?\s+(?:of|with)\s+(?:an?\s+)?(?:output\s+)?(?:sizes?|dimensions?|dimensionality|widths?)\s+(?:of\s+)?(${NUMBER_LIST})(?![\dx]|\.\d)`,
  'i',
);
/** "four convolutional layers whose widths are 64, 128, 256 and 512". */
const WIDTHS_ARE = new RegExp(String.raw`\bwidths?\s+(?:are|is|of)\s+(${NUMBER_LIST})(?![\dx]|\.\d)`, 'i');

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

function refOf(groups: Record<string, string | undefined>, plural: boolean): GroupRef {
  if (groups.ord) {
    const words = groups.ord.trim().split(/\s+/).slice(1);
    // "the third and final": the later word decides only when it is the only position.
    const position = ORDINALS[words[0].toLowerCase()];
    return { kind: 'nth', position };
  }
  const count = groups.count?.toLowerCase();
  if (count !== undefined) return { kind: 'new', count: /^(?:an?|single|one)$/.test(count) ? 1 : Number(count) };
  if (groups.det) return { kind: 'all' };
  return plural ? { kind: 'all' } : { kind: 'new', count: 1 };
}

/** What a clause states about its layers: widths, window, stride, and what follows each. */
function attributes(type: string, clause: string): Pick<GroupClause, 'widths' | 'kernel' | 'stride' | 'eachFollowedBy'> {
  const out: Pick<GroupClause, 'widths' | 'kernel' | 'stride' | 'eachFollowedBy'> = {};
  const nouns = widthNouns(type);
  if (nouns) {
    // "96, 128 and 256 filters", "32 8x8 filters", "2048 units each", "512-unit"
    const listed = new RegExp(String.raw`(?<![\dx.]|\bto\s|-|=\s*)(${NUMBER_LIST})\s+(?:(\d+)x(\d+)\s+)?(?:${WIDTH_ADJECTIVES}\s+)?(?:${nouns})\b`, 'i').exec(
      clause,
    );
    const hyphened = new RegExp(String.raw`(?<![\dx.])(\d+)-(?:unit|neuron|filter|channel|dimensional|d)\b`, 'i').exec(clause);
    if (listed) {
      out.widths = numbersIn(listed[1]);
      if (listed[2]) out.kernel = pair(listed[2], listed[3]);
    } else if (hyphened) out.widths = [Number(hyphened[1])];
    const sized = SIZED.exec(clause);
    if (!out.widths && sized) out.widths = numbersIn(sized[1]);
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
    // "a fully connected layer mapping the 128-dimensional code to 4096 units"
    const mapped = new RegExp(String.raw`\b(?:maps?|mapping|projects?|projecting)\b[^,.;]{0,50}?\bto\s+(\d+)\s+(?:${nouns})\b`, 'i').exec(clause);
    if (mapped) out.widths = [Number(mapped[1])];
    // "a linear output layer over the vocabulary of 10000 words"
    const vocabulary = /\bover\s+(?:the|a|its)\s+(?:vocabulary|lexicon)\s+(?:of\s+)?(?:size\s+)?(\d+)/i.exec(clause);
    if (!out.widths && vocabulary && type === 'Dense') out.widths = [Number(vocabulary[1])];
    // "a fully connected layer that outputs the 40 attribute scores"
    const outputs = /\boutputs?\s+(?:the\s+)?(\d+)\s+(?:[a-z-]+\s+)?(?:scores|values|logits|probabilities|predictions)\b/i.exec(clause);
    if (!out.widths && outputs && type === 'Dense') out.widths = [Number(outputs[1])];
    // "a fully connected layer with one output", "a single output unit"
    if (
      !out.widths &&
      /\bwith\s+(?:a\s+)?(?:one|single|1)\s+(?:(?:sigmoid|logistic|linear|output)\s+)?(?:output|unit|neuron|node)\b(?!\s+(?:for|per)\s+(?:each|every)\b)/i.test(
        clause,
      )
    )
      out.widths = [1];
    const fromTo = new RegExp(String.raw`\bfrom\s+\d+\s+to\s+(\d+)\s+(?:${nouns})\b`, 'i').exec(clause);
    if (fromTo) out.widths = [Number(fromTo[1])];
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
  // "pool1 (2x2)", "conv1 (5x5, 32 maps)": the window first in the brackets after the layer's name.
  const bracketed = /^[^(]{0,40}?\(\s*(\d{1,2})x(\d{1,2})\b/.exec(clause);
  if (bracketed && !out.kernel) out.kernel = pair(bracketed[1], bracketed[2]);
  const stride = /\bstrides?\s+(?:of\s+)?(\d{1,2})\b|\bat\s+strides?\s+of\s+(\d{1,2})\b/i.exec(clause);
  if (stride) out.stride = pair(stride[1] ?? stride[2]);
  return out;
}

/** The items of the bracket right after a group mention ("layers (A, B, and C)"), split at top-level commas and "and". */
function bracketItems(own: string): string[] | undefined {
  const open = /^[^(,;]*?\blayers\s*\(/i.exec(own);
  if (!open) return undefined;
  const inner = /^([^()]*)\)/.exec(own.slice(open[0].length));
  return inner?.[1].split(/\s*[,;]\s*(?:and\s+)?|\s+and\s+/).filter((i) => /\d/.test(i));
}

/** The layer groups one sentence (already in prose form) speaks of, in order. */
/** Noun mentions that no "… layer(s)" mention covers, with their count written as "N-layer" or "with N layers" folded in. */
function nounMentions(sentence: string, covered: RegExpMatchArray[]): RegExpMatchArray[] {
  const inside = (m: RegExpMatchArray) => covered.some((c) => m.index! < c.index! + c[0].length && c.index! < m.index! + m[0].length);
  return (
    [...sentence.matchAll(NOUN_GROUP)]
      .filter((m) => !inside(m))
      .map((m) => {
        const g = m.groups!;
        // "a 2-layer LSTM" and "LSTMs with 4 layers": the number counts layers; "2 LSTMs" counts them too.
        const count = g.withCount ?? g.layerCount ?? g.count;
        Object.assign(g, { count, noun: Number(count) > 1 || /s$/i.test(m[0].trim()) ? 'layers' : 'layer' });
        // "the first convolution": one layer by position, as "the first convolutional layer" is.
        const ordinal = LEADING_ORDINAL.exec(m[0]);
        if (ordinal) Object.assign(g, { ord: ordinal[0] });
        return m;
      })
      // A bare noun ("the LSTM", "LSTMs") introduces no layer: a count, an article or a stated width does.
      .filter((m) => m.groups!.count !== undefined || m.groups!.det !== undefined || /\d/.test(m[0]))
  );
}

export function groupClauses(sentence: string): GroupClause[] {
  const lists = followerLists(sentence);
  const layered: Found[] = [...sentence.matchAll(GROUP)];
  const known = new Set(layered.map((m) => m.index));
  // A "… layer" mention that is an item of an "each followed by" list follows each layer before it too.
  // (Only a layer without a width: "each followed by a pooling layer and two fully connected layers" ends the list.)
  for (const m of layered) m.followsEach = kindNamed(m.groups!.words)?.widthParam === undefined && lists.starts.some((s) => s.each && s.at === m.index);
  const every = [...sentence.matchAll(AFTER_EVERY), ...sentence.matchAll(FOLLOWS_EVERY)].filter(
    (m) => kindNamed(m.groups!.words) && (m.groups!.pair || kindNamed(m.groups!.target!)),
  );
  for (const m of every) {
    if (m.groups!.nth) m.groups!.n = String(ORDINALS[m.groups!.nth.toLowerCase()] ?? parseInt(m.groups!.nth, 10));
    // "a max pooling layer follows each pair": every second layer of the stack (its weight layers' kind).
    if (m.groups!.pair) Object.assign(m.groups!, { n: '2', target: m.groups!.pairTarget ?? 'convolutional' });
  }
  const numberOf = numberOfMentions(sentence);
  const pairs = pairFollowerMentions(sentence);
  const placedAt = positionMentions(sentence);
  const ranges = rangeMentions(sentence);
  // Mentions inside these statements are their targets, not layers of their own.
  const spans = [...every, ...numberOf, ...pairs, ...placedAt].map((e: Found) => e.span ?? [e.index!, e.index! + e[0].length]);
  // (or overlap them: "two max-pooling layers after the second …" is the placement, not two more layers)
  const inside = (m: RegExpMatchArray) => spans.some(([from, to]) => m.index! < to && m.index! + m[0].length > from);
  const found = (
    [
      ...every,
      ...layered.filter((m) => !inside(m)),
      ...lists.bare.filter((m) => !known.has(m.index)),
      ...bareMentions(sentence).filter(
        (m) =>
          !lists.bare.some((b) => b.index === m.index) &&
          ![...layered, ...every, ...numberOf, ...placedAt].some((l) => l.index! <= m.index! && m.index! < l.index! + l[0].length),
      ),
      ...(NOUN_KIND_WORDS ? nounMentions(sentence, layered) : []),
      ...namedMentions(sentence),
      ...layeredCnnMentions(sentence),
      ...enumeratedMentions(sentence),
      ...verbMentions(sentence),
      ...sentence.matchAll(LAYERS_OF),
      ...singleOutputMentions(sentence),
      ...numberedMentions(sentence),
      ...ranges,
      ...pairs,
      ...placedAt,
      ...sentence.matchAll(PART_COUNT),
      ...numberOf,
    ] as Found[]
  )
    .sort((a, b) => a.index! - b.index!)
    .filter((m) => m.range || m.kind || kindNamed(m.groups!.words) || kindNamed(m.groups!.words.split(/\s+/).slice(-1)[0]));
  const clauses: GroupClause[] = [];
  found.forEach((m, i) => {
    const g = m.groups!;
    const start = m.index!;
    const end = i + 1 < found.length ? found[i + 1].index! : sentence.length;
    const own = sentence.slice(start, end);
    const kind = m.range
      ? rangeKind(g.words, own, clauses[clauses.length - 1])
      : (m.kind ?? kindNamed(g.words!) ?? kindNamed(g.words!.split(/\s+/).slice(-1)[0])!);
    const clause: GroupClause = {
      type: kind.type,
      ref: m.range ? { kind: 'range', ...m.range } : m.names ? { kind: 'named', names: m.names } : refOf(g, g.noun.toLowerCase() === 'layers'),
      hidden: Boolean(g.hidden) || /\bhidden\b/i.test(g.words),
      ...attributes(kind.type, own),
      text: own.trim(),
    };
    if (m.widths) clause.widths = m.widths;
    // "a five-layer convolutional network …" counts its layers of every kind: only with its widths is it the list.
    if (m.counted && !clause.widths) return;
    if (clause.ref.kind === 'new' && (clause.ref.count ?? 1) >= 2) {
      const each = bracketItems(own);
      const read = each && each.length === clause.ref.count ? each.map((item) => attributes(kind.type, item)) : [];
      // Each item states its own layer only where each has a width ("6 and 16 filters" is one list instead).
      if (read.length && read.every((r) => r.widths?.length === 1)) clause.perLayer = read;
    }
    if (/^(?:final|last)$/i.test(g.adj ?? '')) clause.final = true;
    // "the output layer has 10 units": one layer (not every fully connected one), after all the others.
    if (
      /\boutput\b/i.test(g.words) &&
      g.noun.toLowerCase() === 'layer' &&
      clause.ref.kind !== 'named' &&
      !(clause.ref.kind === 'new' && clause.ref.count !== 1)
    ) {
      Object.assign(clause, { ref: { kind: 'new', count: 1 } as GroupRef, final: true, output: true });
    }
    if (/^[^,;]*?\bin\s+the\s+middle\b/i.test(own)) clause.middle = true;
    if (m.positions)
      Object.assign(clause, {
        ref: { kind: 'all' } as GroupRef,
        afterPositions: { positions: m.positions, ...(g.target ? { type: kindNamed(g.target)!.type } : {}) },
      });
    if (g.target && g.n) Object.assign(clause, { ref: { kind: 'all' } as GroupRef, afterEvery: { n: Number(g.n), type: kindNamed(g.target)!.type } });
    // "(each) followed by a max-pooling layer", "each followed by batch normalization, ReLU and 2x2 max pooling":
    // this mention is placed after each layer of the one before (for a list, after each of the item before).
    const previous = clauses[clauses.length - 1];
    if (
      previous &&
      (m.followsEach ||
        /\beach\s*,?\s*(?:of\s+which\s+is\s+)?(?:followed|succeeded)\s+by\s*(?:an?|one)?\s*$/i.test(
          sentence.slice(found[i - 1].index! + found[i - 1][0].length, start),
        ))
    ) {
      previous.eachFollowedBy = kind.type;
      Object.assign(clause, { ref: { kind: 'all' } as GroupRef });
    }
    // "the output layer is a softmax layer with 10 units": one layer named twice; the second says more about it.
    const gap = i > 0 ? sentence.slice(found[i - 1].index! + found[i - 1][0].length, start) : '';
    if (previous && previous.type === clause.type && /^\s*(?:is|was)\s+(?:also\s+)?(?:(?:an?|the)\s*)?$/i.test(gap)) {
      for (const key of ['widths', 'kernel', 'stride', 'eachFollowedBy'] as const)
        if (previous[key] === undefined && clause[key] !== undefined) Object.assign(previous, { [key]: clause[key] });
      return;
    }
    clauses.push(clause);
    // "the first … has 32 8x8 filters with stride 4, the second 64 4x4 filters with stride 2, and the third …"
    if (clause.ref.kind === 'nth') clauses.push(...elidedOrdinals(kind.type, own, clause));
  });
  return clauses;
}

/** Ordinal clauses inside `own` that leave the type out; `own`'s first clause keeps only its own part. */
function elidedOrdinals(type: string, own: string, first: GroupClause): GroupClause[] {
  const cuts = [...own.matchAll(ELIDED_ORDINAL)].filter((m) => m.index! > 0);
  if (!cuts.length) return [];
  Object.assign(first, attributes(type, own.slice(0, cuts[0].index!)), { text: own.slice(0, cuts[0].index!).trim() });
  return cuts.map((m, i) => {
    const text = own.slice(m.index!, i + 1 < cuts.length ? cuts[i + 1].index! : own.length);
    return {
      type,
      ref: { kind: 'nth', position: ORDINALS[m.groups!.ord.toLowerCase()] } as GroupRef,
      hidden: false,
      ...attributes(type, text),
      text: text.trim(),
    };
  });
}

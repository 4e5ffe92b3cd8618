/**
 * The phrase grammar of layer groups in running text: "3 convolutional layers", "two fully connected hidden
 * layers having 2048 units each", "the first convolutional layer has 32 8x8 filters with stride 4, the
 * second 64 4x4 filters", "The convolutional layers have 96, 128 and 256 filters respectively", "each
 * followed by a max-pooling layer", "Each max pooling layer pools 3x3 regions at strides of 2".
 * A sentence is cut into clauses at each group mention; each clause says what it states about its group.
 */
import { ORDINALS, ORDINAL_WORDS } from './numbers.ts';
import { ALL_WIDTH_NOUNS, KIND_WORDS, NOUN_KIND_WORDS, kindNamed, widthParam, type LayerKind } from './vocabulary.ts';
import { attributes, widthBefore } from './clauseAttributes.ts';
import { attributeOf } from './attributeWords.ts';
import {
  AFTER_EVERY,
  FOLLOWS_EVERY,
  LAYERS_OF,
  PART_COUNT,
  mentionsIn,
  bareMentions,
  embeddedMentions,
  enumeratedMentions,
  layeredCnnMentions,
  namedMentions,
  numberOfMentions,
  numberedMentions,
  pairFollowerMentions,
  positionMentions,
  rangeKind,
  rangeMentions,
  singleOutputMentions,
  sizedOutputMentions,
  verbMentions,
  ordinalMentions,
  countedUntypedMentions,
  functionLayerMentions,
  softmaxOverMentions,
  countedKind,
  pooledByMentions,
  type Found,
  type MentionPattern,
} from './groupMentions.ts';

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
  /** "the first stage has two layers …, the second …; each stage ends with max pooling": a layer of this type after the group's last. */
  endFollowedBy?: string;
  /** "64 tanh units", "a sigmoid output layer": the function fully connected layers apply. */
  activation?: string;
  /** "each followed by two 3x3 convolutions with the same number of filters": how many follow each, and their width and window. */
  followers?: { count: number; width?: number; sameWidth: boolean; kernel?: [number, number] };
  /** "4 recurrent layers with a max pooling layer in the middle", "two convolutions with pooling in between": halfway through the group before. */
  middle?: boolean;
  /** "max pooling after every two convolutional layers": one layer of this type after every `n`th layer of `type`. */
  afterEvery?: { n: number; type: string };
  /** "max-pooling after the 2nd, 4th and 6th layers": one layer of this type after each of these layers (1-based) of `type` (unsaid: the stack's). */
  afterPositions?: { positions: number[]; type?: string };
  /** "max pooling after conv1, conv2 and conv5": one layer of this type after each named layer. */
  afterNamed?: string[];
  text: string;
}

/** Words that cannot describe a counted layer ("4 gated convolutional layers" has one; "one of the …" does not). */
const NOT_ADJECTIVES =
  'of|the|a|an|and|or|in|on|with|to|for|these|those|its|our|their|each|every|all|than|by|from|at|is|are|was|were|which|that|this|as|into|per|other|more|such|same|over|under|onto|through|via|using|across|after|before|between|within|without';
/** A group mention: determiner, then kind words (optionally "conv + batch norm + relu"), then "layer(s)". */
const GROUP: MentionPattern = {
  needs: /\slayers?\b/i,
  pattern: new RegExp(
    String.raw`\b(?:(?<ord>the\s+(?:${ORDINAL_WORDS})(?:\s+(?:and|or)\s+(?:${ORDINAL_WORDS}))?\s+(?:(?!(?:${NOT_ADJECTIVES})\b)[a-z][a-z-]*\s+){0,2}?)|(?<det>the|each|every|all|these|both)\s+|(?<![\d.]\s*(?:to|-)\s*|\b(?:up\s+to|than|least|most|every|each)\s+)(?<count>\d+|an?|single|one)\s+(?:(?:(?!(?:${NOT_ADJECTIVES})\b)[a-z][a-z-]*|\d+-[a-z]+)\s+){0,2}?)?` +
      String.raw`(?:(?<adj>more|additional|further|consecutive|successive|stacked|subsequent|following|other|remaining|intermediate|final|last)\s+)?` +
      // "two 3x3 convolutional layers": the window may stand before the kind.
      String.raw`(?:\d{1,2}x\d{1,2}\s+)?(?<words>(?:${KIND_WORDS})(?:\s+(?:${KIND_WORDS}))?)(?<extra>(?:\s*\+\s*[a-z][\w-]*(?:\s+[a-z][\w-]*)?){0,3})(?:\s+\([^()]{1,20}\))?\s+(?:output\s+|classification\s+|bottleneck\s+|projection\s+)?(?<hidden>hidden\s+)?(?<noun>layers?)\b`,
    'gi',
  ),
};
/**
 * Layers named by a noun of their own: "2 LSTMs", "1000-dimensional word embeddings", "a 2-layer LSTM", "LSTMs with 4 layers", "a GRU of depth 3",
 * and "an LSTM network with 256 units" (a network of that noun is one only where a size follows).
 */
const NOUN_GROUP = new RegExp(
  String.raw`\b(?:(?<det>the|each|every|all|these|both)\s+|(?:an?\s+)?(?<![\d.]\s*(?:to|-)\s*)(?<layerCount>\d+)[- ]layers?\s+|(?<![\d.]\s*(?:to|-)\s*)(?<count>\d+|an?|single|one)(?![- ]?(?:dimensional|dim|d)\b)\s+)?` +
    String.raw`(?:(?:deep|stacked|bidirectional|bi-directional|unidirectional|multi-layer|multilayer|\d+[- ]?dimensional|[123][- ]?d|\d{1,2}x\d{1,2}|(?!(?:${NOT_ADJECTIVES})\b)[a-z][\w-]*)\s+){0,2}?` +
    String.raw`(?<words>${NOUN_KIND_WORDS})s?\b(?!\s*(?:-based\s+)?(?:networks?|models?|nets?)\b(?!\s+(?:with|of)\s+\d)|\s*(?:architectures?|cells?|units?|spaces?|vectors?|dimensions?|sizes?|matrix|matrices|functions?)\b)(?:\s+(?:networks?|models?|nets?)(?=\s+(?:with|of)\s+\d))?(?:\s+(?:with|of)\s+(?<withCount>\d+)\s+layers\b|,?\s+(?:of|with)\s+(?:a\s+)?depth\s+(?:of\s+)?(?<depth>\d{1,2})\b)?`,
  'gi',
);

/** "followed by", "each followed by", "every one followed by", "each of which is followed by": what comes after a layer group. */
const FOLLOWED_BY = /\b(?<each>(?:each|every)(?:\s+(?:one|1)|\s+of\s+them)?\s*,?\s*(?:of\s+which\s+is\s+)?)?(?:followed|succeeded)\s+by\s+/gi;
/** "three LSTM layers with 896 units each, followed by …": that "each" ends the width, the follower comes once. */
const WIDTH_EACH_THEN = /\b\d+\s+(?:[a-z-]+\s+){0,2}each\s*,\s*(?:followed|succeeded)\s+by\s*(?:an?|one)?\s*$/i;
/** The items of a follower list: "batch normalization, ReLU and 2x2 max pooling", "BN + ReLU + pooling". */
const LIST_SEPARATOR = /\s*,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+(?:then\s+)?|\s*\+\s*/g;
/** A list item naming a layer: an optional window, the kind words, and no "layer(s)" (a group mention reads those). */
const LIST_ITEM = new RegExp(String.raw`^(?:an?\s+|one\s+)?(?<item>(?:\d{1,2}x\d{1,2}\s+)?(?<words>${KIND_WORDS})\b)(?!\s+(?:hidden\s+)?layers?\b)`, 'i');
/** A first item that opens with a "… layer" mention ("an average pooling layer of size 2, which …"), however long it runs. */
const LAYER_ITEM = new RegExp(String.raw`^(?:an?\s+|one\s+)?(?:\d{1,2}x\d{1,2}\s+)?(?:${KIND_WORDS})\s+(?:hidden\s+)?layers?\b`, 'i');
/** An item longer than this that names no layer is a clause of its own, which ends the list. */
const MAX_ITEM_WORDS = 4;

/** Where each item of a follower list starts, with the items that name a layer without a width as mentions of their own. */
function followerLists(sentence: string): { starts: Array<{ at: number; each: boolean }>; bare: Found[] } {
  const starts: Array<{ at: number; each: boolean }> = [];
  const bare: Found[] = [];
  for (const lead of sentence.matchAll(FOLLOWED_BY)) {
    // "Every convolution uses a 3x3 kernel and is followed by 2x2 max-pooling": the subject names each layer.
    const quantified =
      /^(?:each|every|all)\b/i.test(sentence.trimStart()) && /\b(?:is|are)\s+(?:then\s+|always\s+|also\s+)?$/i.test(sentence.slice(0, lead.index));
    const each = (Boolean(lead.groups!.each) && !WIDTH_EACH_THEN.test(sentence.slice(0, lead.index! + lead[0].length))) || quantified;
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
      if (!named && item.trim().split(/\s+/).length > MAX_ITEM_WORDS && !(k === 0 && LAYER_ITEM.test(item.trim()))) break;
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

/** "…: the first has 512 units": a width said of the first layer of a counted group only. */
const FIRST_HAS = /[:;,]\s*the\s+first\s+(?:1\s+|layer\s+)?(?:has|have|uses|contains|is\s+of|with)\s+\d+\s+[a-z]/i;

/** "; each stage ends with", "and every block is closed by": what ends each group before it. */
const ENDS_EACH_GROUP =
  /\b(?:each|every)\s+(?:stage|block|group|level)\s+(?:ends|finishes|is\s+(?:closed|ended|finished|terminated))\s+(?:with|by)\s*(?:an?\s+|one\s+)?$/i;

/** "the first …" at the start of a mention. */
const LEADING_ORDINAL = new RegExp(String.raw`^the\s+(?:${ORDINAL_WORDS})\b`, 'i');

/** "…, the second 64 4x4 filters": an ordinal that continues the type of the clause before it. */
const ELIDED_ORDINAL = new RegExp(
  String.raw`(?:^|,\s*|\band\s+)(?:and\s+)?the\s+(?<ord>${ORDINAL_WORDS})(?:\s+and\s+(?:final|last))?(?:\s+(?:convolves|applies|uses|has|contains|computes|learns))?\s+(?=\d)`,
  'gi',
);

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

/**
 * The items of the bracket right after a group mention ("layers (A, B, and C)"), of the list after its colon
 * ("three convolutional layers follow: A, B and C") or after "with" ("three convolutional layers with 32 8x8
 * filters, 64 4x4 filters and 64 3x3 filters"), split at top-level commas and "and".
 */
function bracketItems(own: string): string[] | undefined {
  const open = /^[^(,;:]*?\blayers\s*\(/i.exec(own);
  const listed = open ? undefined : (/^[^(,;:]*?\blayers\b[^(,;:.]{0,20}:\s*/i.exec(own) ?? /^[^(,;:]*?\blayers\s+with\s+/i.exec(own));
  if (!open && !listed) return undefined;
  const inner = open ? /^([^()]*)\)/.exec(own.slice(open[0].length))?.[1] : own.slice(listed![0].length).split(/[;.](?:\s|$)/)[0];
  return inner
    ?.replace(/\([^()]*\)/g, (b) => b.replace(/[,;]/g, ' '))
    .split(/\s*[,;]\s*(?:and\s+)?|\s+and\s+/)
    .filter((i) => /\d/.test(i));
}

/** "(kernel, maps, stride): 3x3, 32, 1; 3x3, 64, 2; …": a legend naming the numbers of the tuples after it. */
const LEGEND = /\(\s*([a-z#][\w #.-]*(?:\s*,\s*[a-z#][\w #.-]*){1,4})\s*\)\s*:\s*([^.]*)/i;

type LayerItem = Pick<GroupClause, 'widths' | 'kernel' | 'stride'>;

/** One item per tuple, read by the legend's words (the table headers' vocabulary); undefined unless there is a tuple per layer. */
function legendItems(own: string, count: number): LayerItem[] | undefined {
  const m = LEGEND.exec(own);
  if (!m) return undefined;
  const attrs = m[1]!.split(/\s*,\s*/).map(attributeOf);
  if (attrs.some((a) => a !== 'filters' && a !== 'kernel' && a !== 'stride')) return undefined;
  const tuples = m[2]!
    .split(/\s*;\s*/)
    .filter((t) => /\d/.test(t))
    .map((t) => t.split(/\s*,\s*/));
  if (tuples.length !== count || tuples.some((t) => t.length !== attrs.length)) return undefined;
  return tuples.map((tuple) => {
    const item: LayerItem = {};
    tuple.forEach((value, i) => {
      const numbers = (value.match(/\d+/g) ?? []).map(Number);
      if (!numbers.length) return;
      const pair: [number, number] = [numbers[0]!, numbers[1] ?? numbers[0]!];
      if (attrs[i] === 'filters') item.widths = [numbers[0]!];
      else if (attrs[i] === 'kernel') item.kernel = pair;
      else item.stride = pair;
    });
    return item;
  });
}

/** Noun mentions that no "… layer(s)" mention covers, with their count written as "N-layer" or "with N layers" folded in. */
function nounMentions(sentence: string, covered: RegExpMatchArray[]): RegExpMatchArray[] {
  const inside = (m: RegExpMatchArray) => covered.some((c) => m.index! < c.index! + c[0].length && c.index! < m.index! + m[0].length);
  return (
    [...sentence.matchAll(NOUN_GROUP)]
      .filter((m) => !inside(m))
      .map((m) => {
        const g = m.groups!;
        // "a 2-layer LSTM", "LSTMs with 4 layers", "a GRU of depth 3": the number counts layers; "2 LSTMs" counts them too.
        const count = g.withCount ?? g.depth ?? g.layerCount ?? g.count;
        Object.assign(g, { count, noun: Number(count) > 1 || /s$/i.test(m[0].trim()) ? 'layers' : 'layer' });
        // "the first convolution": one layer by position, as "the first convolutional layer" is.
        const ordinal = LEADING_ORDINAL.exec(m[0]);
        if (ordinal) Object.assign(g, { ord: ordinal[0] });
        return m;
      })
      // A bare noun ("the LSTM", "LSTMs") introduces no layer: a count, an article or a stated width does.
      // ("1-D" names axes, not a width)
      .filter((m) => m.groups!.count !== undefined || m.groups!.det !== undefined || /\d/.test(m[0].replace(/\b[123][- ]?d\b/gi, '')))
  );
}

/**
 * Whether a sentence may speak of layer groups at all: a layer word, a kind, a width noun or "embedded". Most
 * sentences of a paper have none, and one scan for them spares the mention grammar's many.
 */
const MAY_STATE_LAYERS = new RegExp(String.raw`\b(?:layers?|embedd\w*|${KIND_WORDS}|${ALL_WIDTH_NOUNS}${NOUN_KIND_WORDS ? `|${NOUN_KIND_WORDS}` : ''})`, 'i');

/** Words before a mention that say the network does not have it. */
const NEGATED_BEFORE =
  /\b(?:instead\s+of|rather\s+than|without|in\s+place\s+of|replacing)\s+(?:the\s+|a\s+|an\s+|any\s+)?(?:(?:original|usual|standard|conventional|traditional)\s+)?$/i;
/** "in every layer except (in) the output layer": a layer named as the exception to what a statement says of the others. */
const EXCEPTED_BEFORE = /\b(?:except(?:\s+for)?|apart\s+from|but\s+not)\s+(?:(?:in|on|after)\s+)?(?:the\s+|a\s+|an\s+)?$/i;

/** The layer groups one sentence (already in prose form) speaks of, in order. */
export function groupClauses(sentence: string): GroupClause[] {
  if (!MAY_STATE_LAYERS.test(sentence)) return [];
  const lists = followerLists(sentence);
  const layered: Found[] = mentionsIn(sentence, GROUP);
  const layersOf: Found[] = mentionsIn(sentence, LAYERS_OF);
  const known = new Set(layered.map((m) => m.index));
  // A "… layer" mention that is an item of an "each followed by" list follows each layer before it too.
  // (Only a layer without a width: "each followed by a pooling layer and two fully connected layers" ends the list.)
  for (const m of layered) m.followsEach = kindNamed(m.groups!.words)?.widthParam === undefined && lists.starts.some((s) => s.each && s.at === m.index);
  const every = [...mentionsIn(sentence, AFTER_EVERY), ...mentionsIn(sentence, FOLLOWS_EVERY)].filter(
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
  const partCounts = mentionsIn(sentence, PART_COUNT);
  const numbered = numberedMentions(sentence);
  const covering = [...layered, ...layersOf, ...partCounts, ...numbered];
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
      ...(NOUN_KIND_WORDS ? nounMentions(sentence, [...layered, ...layersOf]) : []),
      ...namedMentions(sentence).filter((m) => !inside(m)),
      ...layeredCnnMentions(sentence),
      ...enumeratedMentions(sentence),
      ...embeddedMentions(sentence),
      ...verbMentions(sentence),
      ...ordinalMentions(sentence),
      // (inside another mention's words, "the fully connected part has 3 layers of 256 units", it is that mention's)
      ...countedUntypedMentions(sentence).filter((m) => !covering.some((c) => c.index! <= m.index! && m.index! < c.index! + c[0].length)),
      ...functionLayerMentions(sentence),
      ...pooledByMentions(sentence),
      ...layersOf,
      ...singleOutputMentions(sentence),
      ...softmaxOverMentions(sentence),
      ...sizedOutputMentions(sentence),
      ...numbered,
      ...ranges,
      ...pairs,
      ...placedAt,
      ...partCounts,
      ...numberOf,
    ] as Found[]
  )
    .sort((a, b) => a.index! - b.index!)
    .filter((m) => m.range || m.untyped || m.kind || kindNamed(m.groups!.words) || kindNamed(m.groups!.words.split(/\s+/).slice(-1)[0]))
    // "instead of the original three fully connected layers", "rather than a pooling layer": layers the network does not have.
    .filter((m) => !NEGATED_BEFORE.test(sentence.slice(Math.max(0, m.index! - 40), m.index)))
    // (a range, "except for the last one, which …", still bounds the clause before it)
    .filter((m) => m.range || !EXCEPTED_BEFORE.test(sentence.slice(Math.max(0, m.index! - 30), m.index)));
  const clauses: GroupClause[] = [];
  found.forEach((m, i) => {
    const g = m.groups!;
    const start = m.index!;
    const end = i + 1 < found.length ? found[i + 1].index! : sentence.length;
    // Two readings of one mention ("the first hidden layer" as a group, and as "… layer convolves"): the later, more specific, stands.
    if (end === start) return;
    const own = sentence.slice(start, end);
    const typed = m.untyped ? (m.kind ?? countedKind(own.split(/;/)[0])) : undefined;
    if (m.untyped && !typed) return;
    const kind = m.range ? rangeKind(g.words, own, clauses[clauses.length - 1]) : (typed ?? m.kind ?? kindNamed(g.words!) ?? stackedKind(g.words!));
    const clause: GroupClause = {
      type: kind.type,
      ref: m.range ? { kind: 'range', ...m.range } : m.names ? { kind: 'named', names: m.names } : refOf(g, g.noun.toLowerCase() === 'layers'),
      hidden: Boolean(g.hidden) || /\bhidden\b/i.test(g.words),
      ...attributes(kind.type, own),
      text: own.trim(),
    };
    if (m.widths) clause.widths = m.widths;
    // "the first layer was composed of …", "a ReLU layer": a layer by position or function alone is one only with its width.
    if (m.untyped && !clause.widths) return;
    if (m.activation && !clause.activation) clause.activation = m.activation;
    // "maps the latent vector to a 4x4x1024 tensor with a fully connected layer", "reduced to 256 dimensions by a
    // linear projection layer": said before the layer is named.
    const reshaped = i === 0 && kind.type === 'Dense' && !clause.widths ? widthBefore(sentence.slice(0, start)) : undefined;
    if (reshaped) clause.widths = [reshaped];
    // "the 300-dimensional word embedding layer": a width written just before the kind words.
    const prefixed =
      !clause.widths && kind.widthParam
        ? /(?<![\dx.])(\d+)-(?:dimensional|d|unit|channel|filter)\s+$/i.exec(sentence.slice(Math.max(0, start - 24), start))
        : null;
    if (prefixed) clause.widths = [Number(prefixed[1])];
    // "the encoder has dense layers with 64, 32 and 16 neurons": layers named without an article but with one
    // width each are new layers, as many as the widths (with "the", the layers counted before).
    if (clause.ref.kind === 'all' && !g.det && !g.ord && !g.target && !m.positions && !m.afterNames && (clause.widths?.length ?? 0) >= 2)
      clause.ref = { kind: 'new', count: clause.widths!.length };
    // "a five-layer convolutional network …" counts its layers of every kind: only with its widths is it the list.
    if (m.counted && !clause.widths) return;
    // "four hidden layers: the first has 512 units, and …": the width is the first layer's (a rule may give the others').
    if (clause.ref.kind === 'new' && (clause.ref.count ?? 1) >= 2 && clause.widths?.length === 1 && FIRST_HAS.test(own)) {
      clause.perLayer = Array.from({ length: clause.ref.count! }, (_, k) => (k === 0 ? { widths: clause.widths } : {}));
      delete clause.widths;
    }
    const legend = clause.ref.kind === 'new' && (clause.ref.count ?? 1) >= 2 ? legendItems(own, clause.ref.count!) : undefined;
    if (legend) clause.perLayer = legend;
    if (clause.ref.kind === 'new' && (clause.ref.count ?? 1) >= 2 && !clause.perLayer) {
      const each = bracketItems(own);
      const read = each && each.length === clause.ref.count ? each.map((item) => attributes(kind.type, item)) : [];
      // Each item states its own layer only where each has a width ("6 and 16 filters" is one list instead).
      if (read.length && read.every((r) => r.widths?.length === 1)) clause.perLayer = read;
    }
    // ("Finally, a 1x1 convolution …": the sentence's first mention, after the word that closes a description)
    if (/^(?:final|last)$/i.test(g.adj ?? '') || (i === 0 && /^\s*(?:finally|lastly)\b/i.test(sentence))) clause.final = true;
    // "the output layer has 10 units": one layer (not every fully connected one), after all the others.
    if (
      /\boutput\b/i.test(g.words) &&
      g.noun.toLowerCase() === 'layer' &&
      clause.ref.kind !== 'named' &&
      !(clause.ref.kind === 'new' && clause.ref.count !== 1)
    ) {
      Object.assign(clause, { ref: { kind: 'new', count: 1 } as GroupRef, final: true, output: true });
    }
    if (/^[^,;]*?\b(?:in\s+the\s+middle|in\s+between|between\s+them)\b/i.test(own)) clause.middle = true;
    if (m.afterNames) Object.assign(clause, { ref: { kind: 'all' } as GroupRef, afterNamed: m.afterNames });
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
        (/\b(?:each|every)(?:\s+(?:one|1)|\s+of\s+them)?\s*,?\s*(?:of\s+which\s+is\s+)?(?:followed|succeeded)\s+by\s*(?:an?|one)?\s*$/i.test(
          sentence.slice(found[i - 1].index! + found[i - 1][0].length, start),
        ) &&
          !WIDTH_EACH_THEN.test(sentence.slice(0, start))))
    ) {
      previous.eachFollowedBy = kind.type;
      // A counted group after each ("two 3x3 convolutions …") is the followers themselves, not a statement about all layers.
      if (clause.ref.kind === 'new' && (clause.ref.count ?? 1) >= 2) {
        previous.followers = {
          count: clause.ref.count!,
          ...(clause.widths?.length === 1 ? { width: clause.widths[0] } : {}),
          sameWidth: /\bsame\s+number\s+of\b/i.test(clause.text),
          ...(clause.kernel ? { kernel: clause.kernel } : {}),
        };
        return;
      }
      Object.assign(clause, { ref: { kind: 'all' } as GroupRef });
    }
    // "the output layer is a softmax layer with 10 units": one layer named twice; the second says more about it.
    const gap = i > 0 ? sentence.slice(found[i - 1].index! + found[i - 1][0].length, start) : '';
    // "…; each stage ends with max pooling": after the last layer of each group the sentence counted, the rest of what
    // the clause says holding for all of them.
    const groups = clauses.filter((c) => c.ref.kind === 'new' && widthParam(c.type) !== undefined);
    if (ENDS_EACH_GROUP.test(sentence.slice(0, start)) && kind.widthParam === undefined && groups.length >= 2) {
      for (const c of groups) c.endFollowedBy = kind.type;
      clauses.push({ ...clause, ref: { kind: 'all' } });
      return;
    }
    if (previous && previous.type === clause.type && /^\s*(?:is|was)\s+(?:also\s+)?(?:(?:an?|the)\s*)?$/i.test(gap)) {
      for (const key of ['widths', 'kernel', 'stride', 'eachFollowedBy', 'activation'] as const)
        if (previous[key] === undefined && clause[key] !== undefined) Object.assign(previous, { [key]: clause[key] });
      return;
    }
    clauses.push(clause);
    // "the first … has 32 8x8 filters with stride 4, the second 64 4x4 filters with stride 2, and the third …"
    if (clause.ref.kind === 'nth') clauses.push(...elidedOrdinals(kind.type, own, clause));
  });
  return clauses;
}

/**
 * Two kinds named together ("recurrent LSTM layer"): the last, more specific one; but an "embedding" after a layer
 * kind with weights is its role ("a fully connected embedding layer", as metric learning names its output).
 */
function stackedKind(words: string): LayerKind {
  const split = words.split(/\s+/);
  const last = kindNamed(split[split.length - 1])!;
  const first = last.type === 'Embedding' ? kindNamed(split.slice(0, -1).join(' ')) : undefined;
  return first?.widthParam && first.type !== 'Embedding' ? first : last;
}

/** Ordinal clauses inside `own` that leave the type out; `own`'s first clause keeps only its own part. */
function elidedOrdinals(type: string, own: string, first: GroupClause): GroupClause[] {
  const cuts = [...own.matchAll(ELIDED_ORDINAL)].filter((m) => m.index! > 0);
  if (!cuts.length) return [];
  Object.assign(first, attributes(type, own.slice(0, cuts[0].index!)), { text: own.slice(0, cuts[0].index!).trim() });
  return cuts.map((m, i) => {
    const text = own.slice(m.index!, i + 1 < cuts.length ? cuts[i + 1].index! : own.length);
    const stated = attributes(type, text);
    // "…, and the third has 256.": a bare number is a width in the noun the first clause counted.
    const bare = /^(\d+)\s*(?:[.,;]|and\b|$)/.exec(text.slice(m[0].length));
    if (!stated.widths?.length && bare && first.widths?.length) stated.widths = [Number(bare[1])];
    return { type, ref: { kind: 'nth', position: ORDINALS[m.groups!.ord.toLowerCase()] } as GroupRef, hidden: false, ...stated, text: text.trim() };
  });
}

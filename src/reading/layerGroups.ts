/**
 * The phrase grammar of layer groups in running text: "3 convolutional layers", "two fully connected hidden
 * layers having 2048 units each", "the first convolutional layer has 32 8x8 filters with stride 4, the
 * second 64 4x4 filters", "The convolutional layers have 96, 128 and 256 filters respectively", "each
 * followed by a max-pooling layer", "Each max pooling layer pools 3x3 regions at strides of 2".
 * A sentence is cut into clauses at each group mention; each clause says what it states about its group.
 */
import { NUMBER_LIST, ORDINALS, numbersIn } from './numbers.ts';
import { ALL_WIDTH_NOUNS, KIND_WORDS, NOUN_KIND_WORDS, kindNamed, widthNouns } from './vocabulary.ts';

/** How a clause points at layers. */
export type GroupRef =
  /** "3 convolutional layers", "a fully connected layer": new layers, `count` of them (undefined: not said). */
  | { kind: 'new'; count?: number }
  /** "the convolutional layers", "each max pooling layer": every layer of the type so far. */
  | { kind: 'all' }
  /** "the second convolutional layer", "the last": one layer of the type by position (negative from the end). */
  | { kind: 'nth'; position: number };

export interface GroupClause {
  type: string;
  ref: GroupRef;
  /** "hidden": layers before a separate output layer. */
  hidden: boolean;
  /** "a final convolution layer": new layers that come after all the others, not ones counted before. */
  final?: boolean;
  /** Widths in order ("96, 128 and 256 filters"); one width means every layer of the clause. */
  widths?: number[];
  kernel?: [number, number];
  stride?: [number, number];
  /** "each followed by a max-pooling layer": a layer of this type after each one. */
  eachFollowedBy?: string;
  /** "4 recurrent layers with a max pooling layer in the middle": placed halfway through the group before. */
  middle?: boolean;
  text: string;
}

const ORDINAL_WORDS = Object.keys(ORDINALS).join('|');
/** Words that cannot describe a counted layer ("4 gated convolutional layers" has one; "one of the …" does not). */
const NOT_ADJECTIVES =
  'of|the|a|an|and|or|in|on|with|to|for|these|those|its|our|their|each|every|all|than|by|from|at|is|are|was|were|which|that|this|as|into|per|other|more|such|same';
/** A group mention: determiner, then kind words (optionally "conv + batch norm + relu"), then "layer(s)". */
const GROUP = new RegExp(
  String.raw`\b(?:(?<ord>the\s+(?:${ORDINAL_WORDS})(?:\s+(?:and|or)\s+(?:${ORDINAL_WORDS}))?\s+(?:(?!(?:${NOT_ADJECTIVES})\b)[a-z][a-z-]*\s+){0,2}?)|(?<det>the|each|every|all|these|both)\s+|(?<![\d.]\s*(?:to|-)\s*|\b(?:up\s+to|than|least|most)\s+)(?<count>\d+|an?|single|one)\s+(?:(?!(?:${NOT_ADJECTIVES})\b)[a-z][a-z-]*\s+){0,2}?)?` +
    String.raw`(?:(?<adj>more|additional|further|consecutive|successive|stacked|subsequent|other|remaining|intermediate|final|last)\s+)?` +
    String.raw`(?<words>(?:${KIND_WORDS})(?:\s+(?:${KIND_WORDS}))?)(?<extra>(?:\s*\+\s*[a-z][\w-]*(?:\s+[a-z][\w-]*)?){0,3})\s+(?<hidden>hidden\s+)?(?<noun>layers?)\b`,
  'gi',
);
/** Layers named by a noun of their own: "2 LSTMs", "1000-dimensional word embeddings", "a 2-layer LSTM", "LSTMs with 4 layers". */
const NOUN_GROUP = new RegExp(
  String.raw`\b(?:(?<det>the|each|every|all|these|both)\s+|(?:an?\s+)?(?<![\d.]\s*(?:to|-)\s*)(?<layerCount>\d+)[- ]layers?\s+|(?<![\d.]\s*(?:to|-)\s*)(?<count>\d+|an?|single|one)(?![- ]?(?:dimensional|dim|d)\b)\s+)?` +
    String.raw`(?:(?:deep|stacked|bidirectional|bi-directional|unidirectional|multi-layer|multilayer|\d+-dimensional|[\w-]+)\s+){0,2}?` +
    String.raw`(?<words>${NOUN_KIND_WORDS})s?\b(?!\s*(?:-based\s+)?(?:networks?|models?|architectures?|nets?|cells?|units?)\b)(?:\s+with\s+(?<withCount>\d+)\s+layers\b)?`,
  'gi',
);

/** "followed by max pooling": a layer without a width named without the word "layer". */
const BARE_FOLLOWER = new RegExp(String.raw`(?<=\bfollowed\s+by\s+(?:an?\s+)?)(?<words>${KIND_WORDS})\b(?!\s+(?:hidden\s+)?layers?\b)(?<noun>)`, 'gi');

/** "…, the second 64 4x4 filters": an ordinal that continues the type of the clause before it. */
const ELIDED_ORDINAL = new RegExp(String.raw`(?:^|,\s*|\band\s+)(?:and\s+)?the\s+(?<ord>${ORDINAL_WORDS})(?:\s+and\s+(?:final|last))?\s+(?=\d)`, 'gi');

/** Words that may stand between a width and its noun ("64 output channels"); others ("2 largest feature maps") do not make a width. */
const WIDTH_ADJECTIVES = '(?:output|hidden|convolutional|learned|learnable|rectified\\s+linear|linear|relu|sigmoid|tanh|logistic|maxout|feature|memory|more)';

const pair = (a: string, b?: string): [number, number] => [Number(a), Number(b ?? a)];

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
    // "2 hidden layers and 1200 filters per layer": a width stated per layer counts whatever its noun.
    const perLayer = new RegExp(
      String.raw`(?<![\dx.])(\d+)\s+(?:${ALL_WIDTH_NOUNS})\s+(?:per|in\s+each|at\s+each|for\s+each)\s+(?:hidden\s+)?layer\b`,
      'i',
    ).exec(clause);
    if (!out.widths && perLayer) out.widths = [Number(perLayer[1])];
    // "depth from 1 to 128 channels": the layer's width is where it goes to.
    // "a final convolution layer results in a scalar value": one output.
    if (!out.widths && /\b(?:results?\s+in|outputs?|produces?|gives?)\s+(?:a|one)\s+(?:single\s+)?scalar\b/i.test(clause)) out.widths = [1];
    const fromTo = new RegExp(String.raw`\bfrom\s+\d+\s+to\s+(\d+)\s+(?:${nouns})\b`, 'i').exec(clause);
    if (fromTo) out.widths = [Number(fromTo[1])];
  }
  const kernel =
    /(?<![\dx.])(\d{1,2})x(\d{1,2})(?!x\d)\s+(?:receptive\s+fields?|filters?|kernels?|convolutions?|windows?|regions?|neighbou?rhoods?|patch(?:es)?|pooling|max[- ]?pooling)/i.exec(
      clause,
    ) ?? /\b(?:kernel|filter|window|receptive\s+field|pooling)\s+(?:size\s+)?(?:of\s+)?(?:size\s+)?(\d{1,2})(?:x(\d{1,2}))?\b/i.exec(clause);
  if (kernel && !out.kernel) out.kernel = pair(kernel[1], kernel[2]);
  const stride = /\bstrides?\s+(?:of\s+)?(\d{1,2})\b|\bat\s+strides?\s+of\s+(\d{1,2})\b/i.exec(clause);
  if (stride) out.stride = pair(stride[1] ?? stride[2]);
  return out;
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
        return m;
      })
      // A bare noun ("the LSTM", "LSTMs") introduces no layer: a count, an article or a stated width does.
      .filter((m) => m.groups!.count !== undefined || m.groups!.det !== undefined || /\d/.test(m[0]))
  );
}

export function groupClauses(sentence: string): GroupClause[] {
  const layered = [...sentence.matchAll(GROUP)];
  const bare = [...sentence.matchAll(BARE_FOLLOWER)].filter((m) => {
    const kind = kindNamed(m.groups!.words);
    return kind && kind.widthParam === undefined;
  });
  const found = [...layered, ...bare, ...(NOUN_KIND_WORDS ? nounMentions(sentence, layered) : [])]
    .sort((a, b) => a.index! - b.index!)
    .filter((m) => kindNamed(m.groups!.words) ?? kindNamed(m.groups!.words.split(/\s+/).slice(-1)[0]));
  const clauses: GroupClause[] = [];
  found.forEach((m, i) => {
    const g = m.groups!;
    const kind = kindNamed(g.words) ?? kindNamed(g.words.split(/\s+/).slice(-1)[0])!;
    const start = m.index!;
    const end = i + 1 < found.length ? found[i + 1].index! : sentence.length;
    const own = sentence.slice(start, end);
    const clause: GroupClause = {
      type: kind.type,
      ref: refOf(g, g.noun.toLowerCase() === 'layers'),
      hidden: Boolean(g.hidden) || /\bhidden\b/i.test(g.words),
      ...attributes(kind.type, own),
      text: own.trim(),
    };
    if (/^(?:final|last)$/i.test(g.adj ?? '')) clause.final = true;
    if (/^[^,;]*?\bin\s+the\s+middle\b/i.test(own)) clause.middle = true;
    // "(each) followed by a max-pooling layer": this mention is placed after each layer of the one before.
    const previous = clauses[clauses.length - 1];
    if (
      previous &&
      /\beach\s*,?\s*(?:of\s+which\s+is\s+)?(?:followed|succeeded)\s+by\s*(?:an?|one)?\s*$/i.test(
        sentence.slice(found[i - 1].index! + found[i - 1][0].length, start),
      )
    ) {
      previous.eachFollowedBy = kind.type;
      Object.assign(clause, { ref: { kind: 'all' } as GroupRef });
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

/**
 * Statement forms that point at layers without "<count> <kind> layers": names ("conv3, conv4 and conv5"),
 * placements ("max pooling after every two convolutional layers", "after the 2nd and 4th"), enumerations
 * ("Layer 1: convolution …"), runs ("the next two"), numbered layers, "the number of filters is …" and bare
 * layer names in lists ("a 2x2 max-pooling"). Each is a mention the clause cutter of layerGroups.ts reads.
 */
import { NUMBER_LIST, ORDINALS, ORDINAL_WORDS, numbersIn } from './numbers.ts';
import {
  KIND_WORDS,
  NOUN_KIND_WORDS,
  FUNCTION_WORDS,
  functionNamed,
  kindNamed,
  typeCountedBy,
  widthParam,
  ALL_WIDTH_NOUNS,
  type LayerKind,
} from './vocabulary.ts';
import type { GroupClause } from './layerGroups.ts';

/**
 * A mention pattern and a short test that every match of it passes. Most sentences fail the test, and the
 * pattern is then not run on them: a long pattern (the kind-word alternations) costs milliseconds to compile
 * on its first use and more to run, and one that no sentence of a paper needs is never compiled. The test holds
 * as much of the pattern's own wording as a short pattern can ("after the second", not just "after"): a sentence
 * that passes it and then fails the pattern costs a paper that compile for nothing (20-60 ms each).
 */
export interface MentionPattern {
  needs: RegExp;
  pattern: RegExp;
}

/** The matches of a mention pattern in a sentence (none, without running it, when the sentence fails its test). */
export function mentionsIn(sentence: string, { needs, pattern }: MentionPattern): RegExpMatchArray[] {
  return needs.test(sentence) ? [...sentence.matchAll(pattern)] : [];
}

/** Kind words that make layer names with a number: "conv" → conv1, conv3_2; "fc" → fc6. */
const NAME_STEMS = KIND_WORDS.split('|').filter((w) => /^[a-z]{2,5}$/i.test(w));
const LAYER_NAME = String.raw`(?<![\w-])(?:${NAME_STEMS.join('|')})[-_]?\d{1,2}(?:[_.]\d{1,2})?(?![\w]|-\d|\.\d)`;
/** "conv1", "conv3, conv4 and conv5", "fc6 and fc7": layers a paper names, as a network's parts are often named. */
const NAME_LIST = String.raw`${LAYER_NAME}(?:\s*,\s*${LAYER_NAME})*(?:\s*,?\s*(?:and|&)\s+${LAYER_NAME})?`;
const NAMED_GROUP = new RegExp(String.raw`(?<names>${NAME_LIST})`, 'gi');

/** "conv3, conv4 and conv5" → its names, lower case, "conv-3" → conv3, "conv3.1" → conv3_1. */
function layerNames(list: string): string[] {
  return list.match(new RegExp(LAYER_NAME, 'gi'))!.map((n) => n.toLowerCase().replace(/[-_.]/g, (c) => (c === '-' ? '' : '_')));
}

/** The layer mentions by name in a sentence, with the kind its names' stem says. */
export function namedMentions(sentence: string): Found[] {
  return [...sentence.matchAll(NAMED_GROUP)].map((m) => {
    const names = layerNames(m.groups!.names);
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
export const AFTER_EVERY: MentionPattern = {
  needs: /\bafter\s+(?:every|each)\s+\d/i,
  pattern: new RegExp(
    String.raw`\b(?:an?\s+)?(?<words>${KIND_WORDS})(?:\s+layers?)?\s+(?:(?:is|are)\s+)?(?:(?:applied|inserted|placed|used|added)\s+)?after\s+(?:every|each)\s+(?<n>\d+)\s+(?<target>${KIND_WORDS})\s+layers\b(?<noun>)`,
    'gi',
  ),
};

/** "Max-pooling with a 2x2 window follows every second convolutional layer", "a 2x2 max pooling follows every second convolution". */
export const FOLLOWS_EVERY: MentionPattern = {
  needs: new RegExp(String.raw`(?:after|follows?)\s+(?:every|each)\s+(?:(?:${ORDINAL_WORDS}|\d+(?:st|nd|rd|th))\s|pair)`, 'i'),
  pattern: new RegExp(
    String.raw`\b(?:an?\s+)?(?:\d{1,2}x\d{1,2}\s+)?(?<words>${KIND_WORDS})(?:\s+layers?)?(?:\s+(?:with|of)\s+[^,.;]{0,30}?)?\s+(?:is\s+placed\s+after|follows?)\s+(?:every|each)\s+(?:(?<nth>${ORDINAL_WORDS}|\d+(?:st|nd|rd|th))\s+(?<target>${KIND_WORDS})(?:\s+layer)?|(?<pair>pair)(?:\s+of\s+(?<pairTarget>${KIND_WORDS})\s+layers)?)\b(?<noun>)`,
    'gi',
  ),
};

/** "a 4-layer CNN whose layers have 64, 128, 256 and 1 channels": a convolutional network counted by its layers. */
const LAYERED_CNN: MentionPattern = {
  needs: /\d[- ]layers?\s/i,
  pattern: /\b(?:an?\s+)?(?<count>\d+)[- ]layers?\s+(?:deep\s+)?(?:cnn|convnet|conv[- ]?net|(?:fully\s+)?convolutional\s+(?:neural\s+)?(?:network|net))\b/gi,
};

/** "a 3-layer LSTM network", "a 2-layer bidirectional GRU encoder": layers named by their noun, counted by depth. */
const LAYERED_NOUN_NET: MentionPattern = {
  needs: /\d[- ]layers?\s/i,
  pattern: new RegExp(
    String.raw`\b(?:an?\s+)?(?<count>\d+)[- ]layers?\s+(?:(?:deep|stacked|bidirectional|bi-directional|unidirectional)\s+)*(?<words>${NOUN_KIND_WORDS || '(?!)'})\s+(?:networks?|models?|nets?|encoders?|decoders?)\b`,
    'gi',
  ),
};

export function layeredCnnMentions(sentence: string): Found[] {
  const cnn = mentionsIn(sentence, LAYERED_CNN).map((m) => {
    const found = m as Found;
    found.groups = { count: m.groups!.count!, words: 'convolutional', noun: 'layers' };
    found.counted = true;
    return found;
  });
  const recurrent = mentionsIn(sentence, LAYERED_NOUN_NET).map((m) => Object.assign(m as Found, { groups: { ...m.groups!, noun: 'layers' } }));
  return [...cnn, ...recurrent];
}

/** "Layer 1: convolution with 20 filters …", "Layer 2: max pooling of size 2x2": an enumeration of the layers. */
const ENUMERATED: MentionPattern = {
  needs: /\blayer\s+\d{1,2}\s*[:.)-]/i,
  pattern: new RegExp(
    // The window may stand first, its times sign sometimes lost in extraction ("layer two: 2 2 subsampling").
    String.raw`\blayer\s+\d{1,2}\s*[:.)-]\s*(?:an?\s+)?(?<item>(?:\d{1,2}(?:x|\s)\d{1,2}\s+)?(?<words>${KIND_WORDS})\b)`,
    'gi',
  ),
};

export function enumeratedMentions(sentence: string): Found[] {
  return mentionsIn(sentence, ENUMERATED).map((m) => itemMention(m, { words: m.groups!.words!, noun: 'layer', count: '1' }));
}

/** "Each pair of convolutional layers is followed by a 2x2 max-pooling layer": a layer after every second one. */
const EACH_PAIR: MentionPattern = {
  needs: /\b(?:each|every)\s+pair\s+of\s[\s\S]*?\slayers\s+(?:is|are)\s+followed\s+by\s/i,
  pattern: new RegExp(
    String.raw`\b(?:each|every)\s+pair\s+of\s+(?<target>${KIND_WORDS})\s+layers\s+(?:is|are)\s+followed\s+by\s+(?:an?\s+)?(?<item>(?:\d{1,2}x\d{1,2}\s+)?(?<words>${KIND_WORDS}))`,
    'gi',
  ),
};

export function pairFollowerMentions(sentence: string): Found[] {
  return mentionsIn(sentence, EACH_PAIR).map((m) =>
    Object.assign(itemMention(m, { words: m.groups!.words!, target: m.groups!.target!, n: '2', noun: '' }), { span: [m.index!, m.index! + m[0].length] }),
  );
}

const ORDINAL_OR_NTH = String.raw`(?:\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS})`;
/** "… after the second and after the fourth convolution": the words a list item may repeat. */
const AGAIN = String.raw`(?:after\s+)?(?:the\s+)?`;
/** "max-pooling after the 2nd, 4th and 6th layers", "pooling layers are inserted after the first and third convolutional layers", "… follows the first and third of them", "max pooling (3x3, stride 2) follows …", "max pooling is applied after conv1, conv2 and conv5". */
const AFTER_POSITIONS: MentionPattern = {
  needs: new RegExp(String.raw`(?:after|follows?)\s+(?:the\s+${ORDINAL_OR_NTH}|layers\s+\d|${LAYER_NAME})`, 'i'),
  pattern: new RegExp(
    String.raw`\b(?:an?\s+)?(?<words>${KIND_WORDS})(?:\s+layers?)?(?:\s+(?:of|with)\s+(?:an?\s+)?\d{1,2}x\d{1,2}(?:\s+(?:window|kernel|region)s?)?)?(?:\s*\([^()]{1,40}\))?\s+(?:(?:is|are)\s+)?(?:(?:applied|inserted|placed|used|added)\s+)?(?:after|follows?)\s+(?:the\s+(?<list>${ORDINAL_OR_NTH}(?:\s*,\s*${AGAIN}${ORDINAL_OR_NTH})*(?:\s*,?\s*and\s+${AGAIN}${ORDINAL_OR_NTH})?)\s+(?:(?<target>${KIND_WORDS})s?(?:\s+(?:layers?|ones?))?|layers?|ones?|of\s+(?:them|these)|1)|layers\s+(?<numbers>${NUMBER_LIST})|(?<names>${NAME_LIST}))\b(?<noun>)`,
    'gi',
  ),
};

export function positionMentions(sentence: string): Found[] {
  return mentionsIn(sentence, AFTER_POSITIONS).flatMap((m) => {
    const kind = kindNamed(m.groups!.words);
    if (!kind || kind.widthParam !== undefined) return [];
    const found = m as Found;
    if (m.groups!.names) found.afterNames = layerNames(m.groups!.names);
    else
      found.positions = m.groups!.numbers
        ? numbersIn(m.groups!.numbers)
        : m.groups!.list!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((w) => {
            const item = w.replace(/^(?:after\s+)?(?:the\s+)?/i, '').toLowerCase();
            return ORDINALS[item] ?? parseInt(item, 10);
          });
    return [found];
  });
}

/** "a 3-unit softmax output", "a 10-way sigmoid classifier": the output layer named by its width, without "layer". */
const SIZED_OUTPUT: MentionPattern = {
  needs: /\d[- ](?:unit|way|class|neuron)\s/i,
  pattern: /\b(?:an?\s+)?(?<n>\d+)[- ](?:unit|way|class|neuron)\s+(?:(?:softmax|sigmoid|linear|logistic)\s+)?(?<item>output|classifier)\b(?!\s+layers?\b)/gi,
};

export function sizedOutputMentions(sentence: string): Found[] {
  return mentionsIn(sentence, SIZED_OUTPUT).map((m) =>
    Object.assign(itemMention(m, { words: 'output', noun: 'layer', count: '1' }), { widths: [Number(m.groups!.n)] }),
  );
}

/** "followed by a softmax over all venues": the output layer, as wide as the choices the text counts elsewhere. */
const SOFTMAX_OVER: MentionPattern = {
  needs: /soft-?max\s+(?:layer\s+)?(?:over|across)\s/i,
  pattern:
    /\b(?:(?:followed|succeeded)\s+by|and|then|feeds?|fed\s+(?:in)?to)\s+(?:an?\s+|the\s+)(?<item>soft-?max)\s+(?:layer\s+)?(?:over|across)\s+(?:all\s+|the\s+|every\s+)(?![\d,]+\s)/gi,
};

export function softmaxOverMentions(sentence: string): Found[] {
  return mentionsIn(sentence, SOFTMAX_OVER).map((m) => {
    const found = m as Found;
    found.index = m.index! + m[0].indexOf(m.groups!.item);
    found.groups = { words: 'output', noun: 'layer', count: '1' };
    found.activation = 'softmax';
    return found;
  });
}

/**
 * "Tokens are embedded into 64-dimensional vectors", "words are embedded in 100 dimensions", "words are represented by
 * 100-dimensional word vectors": an embedding stated by its verb.
 */
const EMBEDDED: MentionPattern = {
  needs: /\bembed|\brepresented\b|\bmapped\b/i,
  pattern:
    /\b(?:embedded|embeds?)\s+(?:[\w-]+\s+){0,6}?(?:in|into|to)\s+(?:an?\s+)?(?:(?<dim>\d+)[- ]?(?:dimensional|dim|d)\b|(?<dims>\d+)\s+dimensions\b)|\b(?:words?|tokens?|characters?)\s+(?:are|is)\s+(?:represented|mapped)\s+(?:by|as|to)\s+(?:an?\s+)?(?<vectors>\d+)[- ]?(?:dimensional|dim|d)\s+(?:[\w-]+\s+){0,2}?(?:vectors|embeddings)\b/gi,
};

export function embeddedMentions(sentence: string): Found[] {
  return mentionsIn(sentence, EMBEDDED).map((m) =>
    Object.assign(m as Found, {
      groups: { words: 'embedding', noun: 'layer', count: '1' },
      widths: [Number(m.groups!.dim ?? m.groups!.dims ?? m.groups!.vectors)],
    }),
  );
}

/** "The convolutional part has 6 layers": a stack named by its kind, counted by its layers. */
export const PART_COUNT: MentionPattern = {
  needs:
    /\s(?:part|stack|stage|section|portion|trunk|backbone|encoder|feature\s+extractor|network|net)\s+(?:has|have|consists\s+of|contains|comprises|is\s+made\s+(?:up\s+)?of)\s+\d{1,2}\s+layers\b/i,
  pattern: new RegExp(
    String.raw`\b(?:the\s+|a\s+|its\s+|our\s+)?(?<words>${KIND_WORDS})\s+(?:part|stack|stage|section|portion|trunk|backbone|encoder|feature\s+extractor|network|net)\s+(?:has|have|consists\s+of|contains|comprises|is\s+made\s+(?:up\s+)?of)\s+(?<count>\d{1,2})\s+(?<noun>layers)\b`,
    'gi',
  ),
};

/**
 * "… fully connected layers with 100, 50 and 10 neurons and a single output", "… and a single sigmoid unit", "… leading to
 * the single output", "A single linear unit outputs …": a last layer of one unit.
 */
const SINGLE_OUTPUT: MentionPattern = {
  needs: /\b(?:and|then|leading|going|by)\s+(?:(?:to|into)\s+)?(?:a|one|the)\s|^(?:a\s+single|one)\s/i,
  pattern:
    /(?:\b(?:and|then(?:\s+(?:to|into))?|(?:leading|going)\s+to|(?:followed|succeeded)\s+by)\s+(?:a\s+single|the\s+single|one|a)|^(?:a\s+single|one))\s+(?:(?:final|last)\s+)?(?:scalar\s+)?(?<item>(?:(?:linear|sigmoid|logistic)\s+)?output(?:\s+(?:unit|neuron|node))?|(?:linear|sigmoid|logistic)\s+(?:unit|neuron|node))\b(?!\s+(?:for\s+(?:each|every|all)|per|of|layers?)\b)/gi,
};

export function singleOutputMentions(sentence: string): Found[] {
  return mentionsIn(sentence, SINGLE_OUTPUT).map((m) => Object.assign(itemMention(m, { words: 'output', noun: 'layer', count: '1' }), { widths: [1] }));
}

/** "Its first layer convolves the input with 64 kernels …": a layer named by its position and what it does. */
const LAYER_VERB: MentionPattern = {
  needs: /layer\s+(?:convolves|filters|pools|subsamples)\b/i,
  pattern: new RegExp(
    String.raw`\b(?<ord>(?:the|its|our)\s+(?:${ORDINAL_WORDS}))\s+(?:hidden\s+)?layer\s+(?<item>(?:convolves|filters|pools|subsamples))\b`,
    'gi',
  ),
};
const VERB_KIND: Record<string, string> = { convolves: 'convolution', filters: 'convolution', pools: 'pooling', subsamples: 'subsampling' };

/**
 * "The first layer applies 128 kernels of width 19; the second layer uses 256 …": a layer by its position, with
 * no kind words. The noun its clause counts gives the kind (read by the clause cutter, which knows where the clause ends).
 */
const ORDINAL_LAYER: MentionPattern = {
  needs: /\b(?:the|its|our)\s+[a-z]+\s+(?:hidden\s+)?layer\b/i,
  pattern: new RegExp(
    String.raw`\b(?<ord>(?:the|its|our)\s+(?:${ORDINAL_WORDS}))\s+(?:hidden\s+)?layer\b(?!s|\s+(?:convolves|filters|pools|subsamples)\b)(?<noun>)`,
    'gi',
  ),
};

export function ordinalMentions(sentence: string): Found[] {
  return mentionsIn(sentence, ORDINAL_LAYER).map((m) => {
    const found = m as Found;
    found.untyped = true;
    found.groups = { ord: m.groups!.ord, words: '', noun: 'layer' };
    return found;
  });
}

/** "two layers with 16 filters of size 5", "3 layers of 256 units": counted layers without kind words, typed by the noun their width counts. */
const COUNTED_UNTYPED: MentionPattern = {
  needs: /\d\s+(?:hidden\s+)?layers\s+(?:with|of|having|each)\s/i,
  pattern: new RegExp(
    String.raw`(?<![\d.,-])\b(?<count>\d{1,2})\s+(?:hidden\s+)?(?<noun>layers)\s+(?=(?:each\s+)?(?:with|of|having)\s+\d+\s+(?:[a-z-]+\s+)?(?:${ALL_WIDTH_NOUNS})\b)`,
    'gi',
  ),
};

export function countedUntypedMentions(sentence: string): Found[] {
  return mentionsIn(sentence, COUNTED_UNTYPED).map((m) => {
    const found = m as Found;
    found.untyped = true;
    found.groups = { count: m.groups!.count!, words: '', noun: 'layers' };
    return found;
  });
}

/** The kind of an untyped mention: the type whose width the noun of its clause counts ("… 256 kernels of width 11"). */
export function countedKind(own: string): LayerKind | undefined {
  const noun = WIDTH_NOUN.exec(own);
  const type = noun ? typeCountedBy(noun[1]) : undefined;
  return type ? { type, widthParam: widthParam(type) } : undefined;
}

/**
 * "a 48-unit ReLU layer", "two tanh layers with 100 units": fully connected layers named by the function they apply.
 * Only with a width (the clause cutter drops them without one: "a ReLU layer" alone is an activation).
 */
const FUNCTION_LAYER: MentionPattern = {
  needs: /\s(?:hidden\s+)?layers?\b/i,
  pattern: new RegExp(
    String.raw`\b(?:(?<count>\d+|an?|one)\s+)?(?:(?<width>\d+)[- ](?:unit|neuron|node)\s+)?(?<fn>${FUNCTION_WORDS})\s+(?:hidden\s+)?(?<noun>layers?)\b`,
    'gi',
  ),
};

export function functionLayerMentions(sentence: string): Found[] {
  return mentionsIn(sentence, FUNCTION_LAYER).flatMap((m) => {
    const activation = functionNamed(m.groups!.fn);
    if (!activation || activation === 'softmax') return [];
    const found = m as Found;
    found.kind = { type: 'Dense', widthParam: widthParam('Dense') };
    found.untyped = true;
    found.activation = activation;
    if (m.groups!.width) found.widths = [Number(m.groups!.width)];
    found.groups = { ...m.groups!, words: 'fully connected', noun: m.groups!.noun };
    return [found];
  });
}

const POOLING_WORDS = String.raw`(?:global\s+)?(?:max|average|mean|avg)(?:[- ]over[- ]time)?[- ]pooling`;
/**
 * "reduced by global max pooling", "we apply max-over-time pooling", "on top of which max-over-time pooling
 * extracts …": a pooling named as what is done, without "layer".
 */
const POOLED_BY: MentionPattern = {
  needs: /pooling/i,
  pattern: new RegExp(
    String.raw`\b(?:(?:(?<!(?:followed|succeeded)\s+)by|with|using|via|through|appl(?:y|ies|ied))\s+(?:an?\s+)?(?<words>${POOLING_WORDS})\b(?!\s+(?:layers?|operations?)\b)|\b(?:which|then)\s+(?<subject>${POOLING_WORDS})\s+(?:extracts|selects|takes|keeps|reduces|produces|aggregates|is\s+applied)\b)`,
    'gi',
  ),
};

export function pooledByMentions(sentence: string): Found[] {
  return mentionsIn(sentence, POOLED_BY).flatMap((m) => {
    const words = m.groups!.words ?? m.groups!.subject!;
    const kind = kindNamed(words);
    if (!kind) return [];
    const found = m as Found;
    found.index = m.index! + m[0].indexOf(words);
    found.kind = kind;
    found.groups = { words, noun: '' };
    return [found];
  });
}

/** "two layers of convolution", "3 layers of LSTM", "2 layers of 3x3 convolutions", "2 layers of 64 GRU units": a group counted before its kind. */
export const LAYERS_OF: MentionPattern = {
  needs: /\d\s+layers\s+of\s/i,
  pattern: new RegExp(
    String.raw`\b(?<count>\d+)\s+(?<noun>layers)\s+of\s+(?:\d{1,2}x\d{1,2}\s+|\d{1,5}\s+(?=(?:${NOUN_KIND_WORDS})\s))?(?<words>${KIND_WORDS})s?\b`,
    'gi',
  ),
};

export function verbMentions(sentence: string): Found[] {
  return mentionsIn(sentence, LAYER_VERB).flatMap((m) => {
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
const RANGE: MentionPattern = {
  needs: /\bthe\s+(?:first|next|last|final|remaining|following)\s+\d/i,
  pattern: new RegExp(
    // Not "the next 24 hourly values": a run is of layers, or stands alone before what it states.
    String.raw`\bthe\s+(?<which>first|next|last|final|remaining|following)\s+(?<count>\d{1,2})(?:\s+(?<words>${KIND_WORDS}))?(?:\s+(?:layers|ones))?\b(?=\s*(?:[,;.:)]|$)|\s+(?:have|has|had|with|are|were|use|uses|used|contain|contains|and|of|each|all|get|gets|twice|half)\b|(?<=layers|ones|${KIND_WORDS}))(?<noun>)`,
    'gi',
  ),
};
/** Any noun that counts a width ("filters", "units"). */
const WIDTH_NOUN = new RegExp(String.raw`\b(${ALL_WIDTH_NOUNS})\b`, 'i');
/** "64 for the first two layers": the width stated before the run it is for. */
const WIDTH_FOR = /(?<![\dx.])(\d+)\s+(?:[a-z]+\s+)?for\s+$/i;

/**
 * The kind a run speaks of: its own words, else the noun its clause counts ("have 32 filters"), else the
 * clause before it; an empty type leaves it to the network being built (the layers counted last).
 */
export function rangeKind(words: string | undefined, own: string, previous: GroupClause | undefined): LayerKind {
  const named = words ? kindNamed(words) : undefined;
  if (named) return named;
  const noun = WIDTH_NOUN.exec(own);
  const counted = noun ? typeCountedBy(noun[1]) : undefined;
  return { type: counted ?? previous?.type ?? '' };
}

export function rangeMentions(sentence: string): Found[] {
  return mentionsIn(sentence, RANGE).map((m) => {
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
const NUMBERED_LAYERS: MentionPattern = {
  needs: /\blayers\s+\d[\s\S]*?\s(?:are|were)\s/i,
  pattern: new RegExp(
    String.raw`\blayers\s+(?:(?<from>\d{1,2})\s*(?:to|-|through)\s*(?<to>\d{1,2})|(?<list>${NUMBER_LIST}))\s+(?:are|were)\s+(?:all\s+)?(?<words>${KIND_WORDS})\b(?<noun>)`,
    'gi',
  ),
};

/** "layers 2 to 8 apply 128 filters of size 3x3": numbered layers without kind words, typed by the noun their clause counts. */
const NUMBERED_UNTYPED: MentionPattern = {
  needs: /\blayers\s+\d[\s\S]*?\s(?:apply|applies|have|has|use|uses|contain|contains|with)\s/i,
  pattern: new RegExp(
    String.raw`\blayers\s+(?:(?<from>\d{1,2})\s*(?:to|-|through)\s*(?<to>\d{1,2})|(?<list>${NUMBER_LIST}))(?=\s+(?:each\s+)?(?:apply|have|use|contain|with)\s+\d)(?<noun>)`,
    'gi',
  ),
};

export function numberedMentions(sentence: string): Found[] {
  const untyped = mentionsIn(sentence, NUMBERED_UNTYPED).map((m) => Object.assign(m as Found, { untyped: true }));
  return [...untyped, ...mentionsIn(sentence, NUMBERED_LAYERS)].flatMap((m) => {
    const g = m.groups!;
    const count = g.from ? Number(g.to) - Number(g.from) + 1 : numbersIn(g.list!).length;
    if (count < 1 || count > 30) return [];
    const found = m as Found;
    found.groups = { words: g.words ?? '', count: String(count), noun: 'layers' };
    return [found];
  });
}

/** "The number of filters is 16, 32, 64 and 128", "the numbers of feature maps in the convolutional layers are …". */
const NUMBER_OF: MentionPattern = {
  needs: /\bnumbers?\s+of\s[\s\S]*?\s(?:is|are|was|were|being)\s+(?:set\s+to\s+)?\d/i,
  pattern: new RegExp(
    String.raw`\bnumbers?\s+of\s+(?:output\s+)?(?<noun>${ALL_WIDTH_NOUNS})\b(?:\s+(?:in|of|for)\s+(?:the\s+|each\s+|all\s+)?(?:(?<words>${KIND_WORDS})\s+)?layers?)?\s+(?:is|are|was|were|being)\s+(?:set\s+to\s+)?(?<list>${NUMBER_LIST})(?![\dx]|\.\d)`,
    'gi',
  ),
};

/** Width lists stated as "the number of <noun> is …": every layer of the type the noun (or the named kind) counts. */
export function numberOfMentions(sentence: string): Found[] {
  return mentionsIn(sentence, NUMBER_OF).flatMap((m) => {
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
 * and global average pooling", "(5) global average pooling", "…, 4x4 max pooling, …" (after a comma only with its
 * window), as items of a list of layers.
 */
const BARE_KIND = new RegExp(
  String.raw`(?:\b(?:(?<article>an?|another|one)(?:\s+(?:second|third|fourth|further|final|last|additional))?|with|and|then|after|comes|follows|use|uses|using|apply|applies|applying)\s+|^|(?:\(\d{1,2}\)|[;:])\s*|,\s*(?=\d{1,2}x\d{1,2}\s))(?<item>(?:\d{1,2}x\d{1,2}\s+)?(?<words>${KIND_WORDS}))(?![\w-])(?!\s+(?:hidden\s+)?layers?\b)`,
  'gi',
);

export function bareMentions(sentence: string): Found[] {
  return [...sentence.matchAll(BARE_KIND)].flatMap((m) => {
    const kind = kindNamed(m.groups!.words);
    // Without an article only a name of two words or more ("global average pooling", not "pooling"), or one with its
    // window ("with pooling over 4 positions").
    const sized = /^\s+(?:over\s+\d|of\s+(?:size|width)\s+\d)/i.test(sentence.slice(m.index! + m[0].length));
    if (!kind || kind.widthParam !== undefined || (!m.groups!.article && !/\s|-/.test(m.groups!.words) && !sized)) return [];
    return [itemMention(m, { words: m.groups!.words!, noun: '' })];
  });
}

/** A mention found in a sentence; `followsEach` marks an item of an "each followed by" list. */
export type Found = RegExpMatchArray & {
  followsEach?: boolean;
  names?: string[];
  kind?: LayerKind;
  /** "a 4-layer CNN": layers counted by the network's depth. */
  counted?: boolean;
  /** "after the 2nd, 4th and 6th layers": positions, 1-based. */
  positions?: number[];
  /** "after conv1, conv2 and conv5": the named layers it follows. */
  afterNames?: string[];
  /** "the first layer" or "a ReLU layer", without kind words: one only where its clause states a width (the counted noun types the first). */
  untyped?: boolean;
  /** "a 48-unit ReLU layer": the function the mention names. */
  activation?: string;
  /** "the next two": a run of the layers counted before. */
  range?: { which: 'first' | 'next' | 'last' | 'remaining'; count: number };
  /** Widths the statement itself gives ("the number of filters is 16, 32 and 64", "64 for the first two layers", "a single output"). */
  widths?: number[];
  /** The whole statement a mention stands in, where it is more than the mention ("each pair of … is followed by …"). */
  span?: [number, number];
};

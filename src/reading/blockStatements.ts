/**
 * Networks stated as repeated blocks: "The model consists of three convolutional blocks. Each block contains
 * two 3x3 convolutional layers followed by a 2x2 max pooling layer. The blocks have 64, 128 and 256
 * filters." The body sentence says what one block holds (read by the layer-group grammar); the count and
 * the per-block widths may stand in the sentences around it, or in the same phrase ("four blocks, each
 * comprising …", "three stages of two 3x3 convolutional layers with 96, 192 and 192 filters respectively").
 */
import { NUMBER_LIST, numbersIn } from './numbers.ts';
import { ALL_WIDTH_NOUNS } from './vocabulary.ts';

const BLOCK_NOUN = String.raw`(?:blocks?|stages?|modules?|levels?)`;
/** The same nouns, plural only: "four levels". */
const BLOCKS = String.raw`(?:blocks|stages|modules|levels)`;
/**
 * "each block contains", "every stage consists of", "each such module is composed of", "every block is a …", and
 * one block defined to be repeated ("a convolutional block made of …", "a basic stage of …"): the body of one block.
 */
const BODY = new RegExp(
  String.raw`\b(?:(?:each|every)\s+(?:such\s+|of\s+these\s+|of\s+the\s+)?(?:[a-z-]+\s+)?(?:${BLOCK_NOUN}|unit|group)\s+(?:contains|consists\s+of|comprises|has|holds|includes|is\s+(?:composed|made(?:\s+up)?)\s+of|is(?=\s+(?:an?|one|\d+)\s))|\b(?:an?|one)\s+(?:[a-z-]+\s+){0,2}?(?:block|stage|module)\s+(?:(?:which|that)\s+(?:contains|consists\s+of|comprises)|made\s+(?:up\s+)?of|consisting\s+of|composed\s+of|containing|comprising|of))\s+`,
  'i',
);
/** "four blocks, each comprising …", "3 stages each with …": the count and the body in one phrase. */
const COUNTED_BODY = new RegExp(
  String.raw`(?<![\d.,-])(\d{1,2})\s+(?:[a-z-]+\s+)?${BLOCKS},?\s+each\s+(?:comprising|consisting\s+of|containing|with|made\s+(?:up\s+)?of|composed\s+of|having)\s+`,
  'i',
);
/** "three stages of two 3x3 convolutional layers with 96, 192 and 192 filters respectively, …": the body ends at "respectively" or the first comma. */
const STAGES_OF = new RegExp(String.raw`(?<![\d.,-])(\d{1,2})\s+(?:[a-z-]+\s+)?${BLOCKS}\s+of\s+`, 'i');
/** "three convolutional blocks", "4 stages", "we stack this block 4 times", "the stage is repeated 4 times". */
const COUNT = new RegExp(
  String.raw`(?<![\d.,-])(\d{1,2})\s+(?:[a-z-]+\s+){0,2}?${BLOCKS}\b|\b(?:stack|repeat)(?:ed|s)?\b[^.;]{0,30}?\b(\d{1,2})\s+times\b`,
  'i',
);
const countIn = (text: string): number | undefined => {
  const m = COUNT.exec(text);
  return m ? Number(m[1] ?? m[2]) : undefined;
};
/** "The blocks have 64, 128 and 256 filters", "blocks with 32, 64 and 128 channels (respectively)", "blocks whose widths are 32, 64 and 128". */
const WIDTHS = new RegExp(
  String.raw`${BLOCK_NOUN}\b[^.]{0,40}?(?:(?<![\d.])(${NUMBER_LIST})\s+(?:output\s+)?(?:${ALL_WIDTH_NOUNS})\b|\bwidths?\s+(?:are|is|of)\s+(${NUMBER_LIST}))`,
  'i',
);
/** How many sentences before or after the body the count and the widths may stand. */
const REACH = 3;

export interface BlockStatement {
  /** The text of one block's layers (after "each block contains"). */
  body: string;
  /** One body per block, where the blocks differ ("blocks containing 2, 2 and 3 layers of …"). */
  bodies?: string[];
  /** What the sentence goes on to state after the blocks ("…, a 1x1 convolution and global average pooling"). */
  rest?: string;
  /** What the sentence states before the blocks ("After a 7x7 convolution and max pooling, three blocks, each …"). */
  before?: string;
  count?: number;
  /** One width per block, when the text lists them. */
  widths?: number[];
  /** Indices (into the sentence list) of the sentences the count and widths came from. */
  from: number[];
}

/** "96, 192 and 192 filters respectively" inside a body: one width per block. */
function respectiveWidths(body: string, count: number): number[] | undefined {
  const m = new RegExp(String.raw`(${NUMBER_LIST})\s+(?:output\s+)?(?:${ALL_WIDTH_NOUNS})\b[^,;]{0,20}?\brespectively\b`, 'i').exec(body);
  const widths = m ? numbersIn(m[1]) : [];
  return widths.length === count ? widths : undefined;
}

/** "five blocks containing 2, 2, 3, 3 and 3 layers of 3x3 convolutions …", "three groups containing 2, 2 and 3 convolutional layers": a layer count per block. */
const PER_BLOCK_COUNTS = new RegExp(
  String.raw`(?<![\d.,-])(\d{1,2})\s+(?:[a-z-]+\s+)?(?:${BLOCKS}|groups),?\s+(?:each\s+)?(?:containing|with|of|having|comprising|consisting\s+of)\s+(?<counts>${NUMBER_LIST})\s+(?=(?:[a-z-]+\s+)?(?:layers|convolutions)\b)`,
  'i',
);
/** ", each block followed by 2x2 max pooling", "; each group is closed by a pooling layer": what ends every block, after the phrase that states the blocks. */
const EACH_ENDS = new RegExp(
  String.raw`^\s*[,;]?\s*(?:and\s+)?(?:each|every)\s+(?:${BLOCK_NOUN}|group)\s+(?:is\s+)?(?:followed\s+by|ending\s+(?:with|in)|ends\s+with|closed\s+by|terminated\s+by)\s+([^;.]*?)(?=[;.](?:\s|$)|,\s+(?:and\s+)?(?:then\s+)?(?:an?|the|two|\d+)\s|$)`,
  'i',
);

/** The phrase of a block statement up to "respectively" or its first clause break. */
function phraseOf(after: string): string {
  const end = /\brespectively\b/i.exec(after) ?? /[,;]\s(?!\d|and\s+\d)/.exec(after);
  return end ? after.slice(0, end.index + end[0].length) : after;
}

/**
 * ", batch normalisation, ReLU and 2x2 max pooling" after the first item of a block: items of at most three words
 * (a window before them), running on to ", followed by", a clause break or the sentence's end.
 */
const LISTED_ON =
  /^\)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:an?\s+)?(?:\d{1,2}(?:x\d{1,2}){1,2}\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?(?:\s*,\s*(?:and\s+)?|\s+and\s+|(?=\s*(?:,\s*(?:followed|then)\b|[;.](?:\s|$)|$))))+/i;

/** ", with 32, 64 and 128 filters (respectively)": widths said right after a body. */
const WIDTHS_AFTER = new RegExp(
  String.raw`^\s*,?\s*(?:with|having|of)\s+(${NUMBER_LIST})\s+(?:output\s+)?(?:${ALL_WIDTH_NOUNS})\b(?:\s*,?\s*respectively)?\s*,?\s*`,
  'i',
);

/** Blocks that differ in their number of layers: one body per block, its count in place of the list. */
function perBlockCounts(text: string): BlockStatement | undefined {
  const m = PER_BLOCK_COUNTS.exec(text);
  const counts = m ? numbersIn(m.groups!.counts) : [];
  if (!m || counts.length !== Number(m[1]) || counts.length < 2) return undefined;
  const after = text.slice(m.index + m[0].length);
  const phrase = phraseOf(after);
  const widths = respectiveWidths(phrase, counts.length) ?? listedWidths(phrase, counts.length);
  // The width list is the blocks' (set per block), not each body's.
  const layers = phrase.replace(
    new RegExp(String.raw`(?:\s*(?:with|of|having))?\s*(?:${NUMBER_LIST})\s+(?:output\s+)?(?:${ALL_WIDTH_NOUNS})\b(?:\s+respectively)?`, 'i'),
    '',
  );
  const ends = EACH_ENDS.exec(after.slice(phrase.length));
  const body = layers.replace(/[\s,;]+$/, '') + (ends ? `, followed by ${ends[1]}` : '');
  return {
    body,
    bodies: counts.map((n) => `${n} ${body}`),
    count: counts.length,
    ...(widths ? { widths } : {}),
    rest: after.slice(phrase.length + (ends ? ends[0].length : 0)),
    before: text.slice(0, m.index),
    from: [],
  };
}

/** A block statement whose count and body are one phrase ("four blocks, each comprising …", "three stages of …"). */
function countedBlocks(text: string): BlockStatement | undefined {
  const perBlock = perBlockCounts(text);
  if (perBlock) return perBlock;
  const counted = COUNTED_BODY.exec(text);
  if (counted) {
    const count = Number(counted[1]);
    const after = text.slice(counted.index + counted[0].length);
    // "each made of a 3x3 convolution, batch normalisation, ReLU and max pooling, followed by two GRU layers": after a
    // list, ", followed by" goes on after the blocks.
    const cut = /,\s+(?:and\s+)?(?:then\s+)?followed\s+by\s/i.exec(after);
    const listed = cut !== null && /,/.test(after.slice(0, cut.index));
    const body = listed ? after.slice(0, cut.index) : after;
    const widths = respectiveWidths(body, count);
    return {
      body,
      count,
      ...(widths ? { widths } : {}),
      ...(listed ? { rest: after.slice(cut.index + 1) } : {}),
      before: text.slice(0, counted.index),
      from: [],
    };
  }
  const stages = STAGES_OF.exec(text);
  if (!stages) return undefined;
  const count = Number(stages[1]);
  const after = text.slice(stages.index + stages[0].length);
  const first = phraseOf(after).replace(/,\s$/, '');
  // "four blocks of 3x3 convolution (with 8, …, 64 filters, respectively), batch normalisation, ReLU and max pooling":
  // short items that go on listing the block.
  const listedOn = LISTED_ON.exec(after.slice(first.length))?.[0];
  const listed = listedOn ? first + listedOn : phraseOf(after);
  // "…, with 32, 64, 128, 256 and 256 filters": the blocks' widths, said after their body.
  const widthsAfter = WIDTHS_AFTER.exec(after.slice(listed.length));
  const phrase = widthsAfter && numbersIn(widthsAfter[1]).length === count ? listed + widthsAfter[0] : listed;
  const widths = respectiveWidths(phrase, count) ?? listedWidths(phrase, count);
  // "5 blocks of 3x3 convolutions with 64, …, 512 channels; each block has two convolutions and ends with …":
  // the body the sentence states next is the block's.
  const stated = BODY.exec(after.slice(phrase.length));
  // "…, each stage ending with 2x2 max pooling, and …": what ends every block is part of its body.
  const ends = stated ? null : EACH_ENDS.exec(after.slice(phrase.length));
  const body = stated
    ? after.slice(phrase.length + stated.index + stated[0].length)
    : ends
      ? `${phrase.replace(/[\s,;]+$/, '')}, followed by ${ends[1]}`
      : phrase;
  return {
    body,
    ...(stated ? {} : { rest: after.slice(phrase.length + (ends ? ends[0].length : 0)) }),
    count,
    ...(widths ? { widths } : {}),
    before: text.slice(0, stages.index),
    from: [],
  };
}

/** "with 64, 128, 256, 512 and 512 channels": one width per block, when the list is as long as the blocks are many. */
function listedWidths(phrase: string, count: number): number[] | undefined {
  const m = new RegExp(String.raw`(${NUMBER_LIST})\s+(?:output\s+)?(?:${ALL_WIDTH_NOUNS})\b`, 'i').exec(phrase);
  const widths = m ? numbersIn(m[1]) : [];
  return widths.length === count && count > 1 ? widths : undefined;
}

/** The block statement whose body is sentence `i` of `forms` (sentences in prose form), if any. */
export function blockStatementAt(forms: string[], i: number): BlockStatement | undefined {
  const counted = countedBlocks(forms[i]);
  if (counted?.widths || (counted && counted.count === undefined)) return counted;
  if (counted) {
    // "… four blocks of …. The blocks have 8, 16, 32 and 64 filters.": the widths in a sentence near it, one per block.
    const near = Array.from({ length: REACH }, (_, k) => [i + k + 1, i - k - 1]).flat();
    const at = near.find((j) => j >= 0 && j < forms.length && numbersIn(WIDTHS.exec(forms[j])?.slice(1).find(Boolean) ?? '').length === counted.count);
    return at === undefined ? counted : { ...counted, widths: numbersIn(WIDTHS.exec(forms[at])!.slice(1).find(Boolean)!), from: [at] };
  }
  const body = BODY.exec(forms[i]);
  if (!body) return undefined;
  const near = [i, ...Array.from({ length: REACH }, (_, k) => [i - k - 1, i + k + 1]).flat()].filter((j) => j >= 0 && j < forms.length);
  const countAt = near.find((j) => COUNT.test(j === i ? forms[i].slice(0, body.index) : forms[j]));
  // After the body, in its own sentence, only as a clause about the blocks ("…, and the blocks have 16, 32 and 64 maps").
  const later = (m: RegExpExecArray) => m.index > body.index && new RegExp(String.raw`^${BLOCKS}\b`, 'i').test(m[0]);
  const listed = (j: number) => {
    const m = WIDTHS.exec(forms[j]);
    const list = m && numbersIn(m[1] ?? m[2]);
    return list && (j !== i || m.index < body.index || later(m)) && list.length >= 2 ? list : undefined;
  };
  const widthsAt = near.find((j) => listed(j) !== undefined);
  const count = countAt !== undefined ? countIn(countAt === i ? forms[i].slice(0, body.index) : forms[countAt]) : undefined;
  const widths = widthsAt !== undefined ? listed(widthsAt) : undefined;
  if (count === undefined && !widths) return undefined;
  const own = widthsAt === i ? WIDTHS.exec(forms[i]) : null;
  const bodyEnd = own && later(own) ? forms[i].slice(0, own.index).replace(/[\s,;]*(?:and\s+)?(?:the\s+)?$/i, '').length : undefined;
  return {
    body: forms[i].slice(body.index + body[0].length, bodyEnd),
    ...(count !== undefined ? { count } : {}),
    ...(widths ? { widths } : {}),
    from: [countAt, widthsAt].filter((j): j is number => j !== undefined),
  };
}

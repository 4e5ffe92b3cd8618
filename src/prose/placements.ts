/**
 * Statements that place layers relative to others instead of listing them: "Response-normalization layers
 * follow the first and second convolutional layers", "Max-pooling layers … follow both response-
 * normalization layers as well as the fifth convolutional layer", "Each convolutional layer is followed by a
 * max-pooling layer", "We use dropout in the first two fully-connected layers", "The ReLU non-linearity is
 * applied to the output of every convolutional and fully-connected layer".
 */
import { normaliseLayerText, type LayerDraft } from '../tables/index.ts';
import type { Sentence } from './sentences.ts';
import { NUMBER_WORDS, ORDINALS } from '../reading/index.ts';

/** The kinds of layer a statement can refer to, as layer types (Activation: a function of the target). */
const KINDS: Array<{ type: string; fn?: string; pattern: RegExp }> = [
  { type: 'LRN', pattern: /(?:local\s+)?response[- ]?normali[sz]ation|\blrn\b/i },
  { type: 'BatchNorm', pattern: /batch[- ]?normali[sz]ation|\bbatch[- ]?norm\b|\bbn\b/i },
  { type: 'MaxPool2D', pattern: /max(?:imum)?[- ]?pool(?:ing)?/i },
  { type: 'AvgPool2D', pattern: /(?:average|avg|mean)[- ]?pool(?:ing)?|sub-?sampling/i },
  { type: 'Dropout', pattern: /drop-?out/i },
  { type: 'Activation', fn: 'relu', pattern: /\brelu\b|rectified\s+linear|rectifier/i },
  { type: 'Activation', fn: 'tanh', pattern: /\btanh\b|hyperbolic\s+tangent/i },
  { type: 'Activation', fn: 'sigmoid', pattern: /\bsigmoid\b|logistic\s+function/i },
];

/** Layers a statement can point at, by the paper's names for them. */
const TARGETS: Array<{ types: string[]; pattern: RegExp }> = [
  { types: ['Conv2D'], pattern: /conv(?:olutional|olutions?|s)?(?![a-z])(?:\s+layers?)?/iy },
  { types: ['Dense'], pattern: /(?:fully[- ]?connected|dense|fc)(?![a-z])(?:\s+layers?)?/iy },
  { types: ['LRN'], pattern: /(?:(?:local\s+)?response[- ]?normali[sz]ation|lrn)(?![a-z])(?:\s+layers?)?/iy },
  { types: ['MaxPool2D', 'AvgPool2D'], pattern: /(?:max[- ]?)?pooling(?![a-z])(?:\s+layers?)?/iy },
];

/**
 * Which layers of a kind a phrase selects: positions (1-based, negative from the end), all of them, or the
 * only one ("the response-normalization layer", which names one only if there is one).
 */
export type Selector = { all: true } | { positions: number[] } | { sole: true };

export interface Target {
  types: string[];
  select: Selector;
}

export interface Placement {
  /** The layer type placed (Activation: the function is set on the targets instead). */
  type: string;
  fn?: string;
  /** 'after': a new layer right after each target; 'activation': the targets' activation. */
  how: 'after' | 'activation';
  targets: Target[];
  sentence: Sentence;
  /** The words that state it, for the layer's source. */
  text: string;
  /** The placed layer as the statement itself gives it ("followed by a 2x2 max-pooling layer"), if it does. */
  draft?: LayerDraft;
}

/** "the first and second", "the first two", "both", "every", "the fifth", "the last": what a kind noun is preceded by. */
function selectorOf(words: string): Selector | undefined {
  const w = words.toLowerCase();
  if (/\b(?:every|each|all|both)\b/.test(w)) return { all: true };
  const firstN = /\bfirst\s+(two|three|four|five|\d)\b/.exec(w);
  if (firstN) return { positions: Array.from({ length: NUMBER_WORDS[firstN[1]] ?? Number(firstN[1]) }, (_, i) => i + 1) };
  const lastN = /\blast\s+(two|three|four|five|\d)\b/.exec(w);
  if (lastN) return { positions: Array.from({ length: NUMBER_WORDS[lastN[1]] ?? Number(lastN[1]) }, (_, i) => -(i + 1)) };
  const positions = [...w.matchAll(/\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)\b/g)].map((m) => ORDINALS[m[1]]!);
  return positions.length ? { positions } : undefined;
}

/**
 * "the first and second convolutional layers", "both response-normalization layers as well as the fifth
 * convolutional layer", "every convolutional and fully-connected layer": kind nouns with what precedes them.
 * A kind with no words of its own before it shares the previous one's ("every convolutional and fully-
 * connected layer").
 */
export function targetsIn(phrase: string): Target[] {
  const targets: Target[] = [];
  let words = '';
  let previous: Selector | undefined;
  for (let i = 0; i < phrase.length;) {
    const atWordStart = !/[a-z]/i.test(phrase[i - 1] ?? ' ');
    const kind = atWordStart ? TARGETS.find((t) => ((t.pattern.lastIndex = i), t.pattern.test(phrase))) : undefined;
    if (!kind) {
      words += phrase[i];
      i++;
      continue;
    }
    kind.pattern.lastIndex = i;
    const m = kind.pattern.exec(phrase)!;
    const sole = /\bthe\s*$/i.test(words) && /layer$/i.test(m[0]) ? ({ sole: true } as const) : undefined;
    const own = selectorOf(words) ?? sole;
    const select = own ?? (previous && /^\s*(?:and|or|,)?\s*$/i.test(words) ? previous : undefined);
    if (select) targets.push({ types: kind.types, select });
    previous = select;
    words = '';
    i += m[0].length;
  }
  return targets;
}

/** The ways a statement places a kind (its pattern source `k`); the captured group is the target phrase. */
const FORMS = (k: string): RegExp[] => [
  // "<kind> layers, of the kind …, follow <targets>"
  new RegExp(`(?:${k})(?:\\s+(?:layers?|units?|operations?))?(?:,[^,]{0,60},)?\\s+(?:immediately\\s+|directly\\s+)?follows?\\s+([^.;]+)`, 'i'),
  // "<targets> (is|are) (each) followed by (a) <kind>"
  new RegExp(
    `((?:the|every|each|all|both)\\s+[^.;]{0,80}?)\\s+(?:is|are)\\s+(?:each\\s+|all\\s+|always\\s+)?followed\\s+by\\s+(?:an?\\s+)?(?:\\d+x\\d+\\s+)?(?:${k})`,
    'i',
  ),
  // "<kind> (with a rate of 0.3) is applied to the output of / used after <targets>"
  new RegExp(
    `(?:${k})(?:\\s+(?:non-?linearity|function|activation|layers?))?(?:\\s*\\([^)]{0,40}\\)|\\s+with\\s+(?:[^.;]|\\.\\d){0,40}?)?\\s+(?:is|are)\\s+(?:also\\s+)?(?:applied|used|employed|added|inserted|placed)\\s+(?:to\\s+the\\s+outputs?\\s+of|after|in|for|on)\\s+([^.;]+)`,
    'i',
  ),
  // "we use <kind> in/after <targets>"
  new RegExp(`\\bwe\\s+(?:use|apply|employ|add|insert)\\s+(?:an?\\s+)?(?:${k})(?:\\s+layers?)?\\s+(?:in|after|to|on)\\s+([^.;]+)`, 'i'),
];

const KIND_FORMS = KINDS.map((kind) => ({ kind, forms: FORMS(kind.pattern.source) }));
/** Words every placement statement has; sentences without any are not read further. */
const PLACING = /\bfollow|\bapplied\b|\bused\b|\bemployed\b|\badded\b|\binserted\b|\bplaced\b|\bwe\s+(?:use|apply|employ|add|insert)\b/i;

/** One statement per sentence at most: the first kind and form that read it. */
export function placementIn(sentence: Sentence): Placement | undefined {
  if (!PLACING.test(sentence.text)) return undefined;
  const t = normaliseLayerText(sentence.text).replace(/\[\d+(?:\s*,\s*\d+)*\]\s*/g, '');
  for (const { kind, forms } of KIND_FORMS) {
    if (!kind.pattern.test(t)) continue;
    for (const form of forms) {
      const m = form.exec(t);
      if (!m) continue;
      const targets = targetsIn(m[1]).filter((target) => !target.types.includes(kind.type));
      if (!targets.length) continue;
      return { type: kind.type, ...(kind.fn ? { fn: kind.fn } : {}), how: kind.type === 'Activation' ? 'activation' : 'after', targets, sentence, text: m[0] };
    }
  }
  return undefined;
}

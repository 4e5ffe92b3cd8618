/**
 * Networks a text describes by the steps it repeats rather than layer by layer (U-Net and its kind):
 * "It consists of the repeated application of two 3x3 convolutions (unpadded convolutions), each followed by
 * a ReLU and a 2x2 max pooling operation with stride 2", "At each downsampling step we double the number of
 * feature channels", "Every step in the expansive path consists of an upsampling … followed by a 2x2
 * convolution that halves the number of feature channels, a concatenation with the correspondingly cropped
 * feature map …, and two 3x3 convolutions", "At the final layer a 1x1 convolution …", "In total the network has
 * 23 convolutional layers". Each statement is read on its own here; stepGraph.ts puts them together.
 */
import { normaliseLayerText } from '../tables/index.ts';
import type { Sentence } from './sentences.ts';
import { NUMBER_WORDS } from '../reading/index.ts';

const COUNT = '(one|two|three|four|five|six|an?|\\d)';
const countOf = (word: string) => (/^an?$/i.test(word) ? 1 : (NUMBER_WORDS[word.toLowerCase()] ?? Number(word)));
const pair = (n: string): [number, number] => [Number(n), Number(n)];

type Padding = 'valid' | 'same';

/** A statement and the words that state it. */
interface Stated {
  sentence: Sentence;
  text: string;
}

/** The convolutions a step repeats: "two 3x3 convolutions (unpadded convolutions), each followed by a ReLU". */
export interface ConvUnit extends Stated {
  count: number;
  kernel: [number, number];
  padding?: Padding;
  activation?: string;
}

/** The contracting step: its convolutions and the downsampling that ends it. */
export interface ContractingStep extends ConvUnit {
  pool: { type: 'MaxPool2D' | 'AvgPool2D'; pool: [number, number]; stride: [number, number]; text: string };
}

/** The expanding step: up-convolution, the skip from the contracting path, then convolutions. */
export interface ExpandingStep extends Stated {
  up: { kernel: [number, number]; halves: boolean; text: string };
  /** The words stating the skip: "a concatenation with the correspondingly cropped feature map …". */
  concat: string;
  cropped: boolean;
  convs: ConvUnit;
}

export interface StepStatement<T> extends Stated {
  value: T;
}

function text(sentence: Sentence): string {
  return normaliseLayerText(sentence.text).replace(/\[\d+(?:\s*,\s*\d+)*\]\s*/g, '');
}

function paddingOf(clause: string): Padding | undefined {
  if (/\bunpadded\b|\bwithout\s+(?:any\s+)?(?:zero[- ])?padding|\bvalid\s+(?:padding|convolutions?)\b/i.test(clause)) return 'valid';
  if (/\bsame\s+padding|\bzero[- ]padded\b|\bpadded\s+convolutions?\b/i.test(clause)) return 'same';
  return undefined;
}

function activationOf(clause: string): string | undefined {
  if (/\brelu\b|rectified\s+linear|rectifier/i.test(clause)) return 'relu';
  if (/\bleaky\s+relu\b/i.test(clause)) return 'leaky_relu';
  if (/\belu\b/i.test(clause)) return 'elu';
  return undefined;
}

/** "two 3x3 convolutions (unpadded convolutions), each followed by a ReLU" at the start of `clause`. */
function convUnit(clause: string, sentence: Sentence): ConvUnit | undefined {
  // "two 3x3 convolutions", "two convolutional layers with 3x3 kernels"
  const m =
    new RegExp(`\\b${COUNT}\\s+(\\d+)x(\\d+)\\s+conv(?:olution(?:al)?)?s?\\b(?:\\s+layers)?`, 'i').exec(clause) ??
    new RegExp(`\\b${COUNT}\\s+conv(?:olution(?:al)?)?s?(?:\\s+layers)?\\s+(?:with|of)\\s+(?:size\\s+)?(\\d+)x(\\d+)(?:\\s+(?:kernels|filters))?`, 'i').exec(
      clause,
    );
  if (!m || m[2] !== m[3] || Number(m[2]) > 11) return undefined;
  // What follows the convolutions up to the next operation belongs to them ("(unpadded …), each followed by a ReLU").
  const rest = clause.slice(m.index);
  const padding = paddingOf(rest);
  const activation = activationOf(rest.split(/\band\s+(?:an?\s+)?\d+x\d+\s+(?:max|average|avg)/i)[0]);
  return { count: countOf(m[1]), kernel: pair(m[2]), sentence, text: m[0], ...(padding ? { padding } : {}), ...(activation ? { activation } : {}) };
}

/**
 * "the repeated application of two 3x3 convolutions …, each followed by a ReLU, and a 2x2 max pooling
 * operation with stride 2": the unit the contracting path repeats. Only with its convolutions and its pooling.
 */
export function contractingStepIn(sentence: Sentence): ContractingStep | undefined {
  const t = text(sentence);
  const repeated =
    /\b(?:repeated\s+(?:application|use|stacking)\s+of|repeats?|repeating|(?:each|every)\s+(?:down-?sampling\s+|contracting\s+|encoder\s+)?(?:step|block|stage)\s+(?:in\s+the\s+(?:contracting|encoder|downsampling)\s+path\s+)?(?:consists\s+of|has|contains|applies))\s+/i.exec(
      t,
    );
  if (!repeated) return undefined;
  const clause = t.slice(repeated.index + repeated[0].length);
  const unit = convUnit(clause, sentence);
  if (!unit) return undefined;
  const pool = /(\d+)x(\d+)\s+(max|average|avg)[- ]?pool\w*(?:\s+(?:operation|layer)s?)?(?:\s+with\s+(?:a\s+)?stride\s+(?:of\s+)?(\d+))?/i.exec(clause);
  if (!pool || pool[1] !== pool[2]) return undefined;
  const window = pair(pool[1]);
  return {
    ...unit,
    text: t.slice(repeated.index, repeated.index + repeated[0].length + clause.indexOf(pool[0]) + pool[0].length).slice(0, 120),
    pool: { type: /max/i.test(pool[3]) ? 'MaxPool2D' : 'AvgPool2D', pool: window, stride: pool[4] ? pair(pool[4]) : window, text: pool[0] },
  };
}

/** "At each downsampling step we double the number of feature channels": the factor the width grows by per step. */
export function widthRuleIn(sentence: Sentence): StepStatement<number> | undefined {
  const t = text(sentence);
  const m =
    /\b(double|triple)[sd]?\s+the\s+number\s+of\s+(?:feature\s+)?(?:channels|filters|feature\s+maps|kernels)\b/i.exec(t) ??
    /\bnumber\s+of\s+(?:feature\s+)?(?:channels|filters|feature\s+maps|kernels)\s+(?:is\s+|are\s+)?(doubled|tripled)\b/i.exec(t);
  if (!m || !/\b(?:step|stage|block|down-?sampling|pooling|level)/i.test(t)) return undefined;
  return { value: /doub/i.test(m[1]) ? 2 : 3, sentence, text: m[0] };
}

/**
 * "Every step in the expansive path consists of an upsampling of the feature map followed by a 2x2
 * convolution that halves the number of feature channels, a concatenation with the correspondingly cropped
 * feature map from the contracting path, and two 3x3 convolutions, each followed by a ReLU."
 */
export function expandingStepIn(sentence: Sentence): ExpandingStep | undefined {
  const t = text(sentence);
  if (!/\b(?:expansive|expanding|decoder|up-?sampling|synthesis)\s+(?:path|part|side|step)/i.test(t)) return undefined;
  const concat = /\bconcatenat\w+\b/i.exec(t);
  if (!concat || !/\b(?:contracting|encoder|down-?sampling|analysis)\s+(?:path|part|side|step)/i.test(t.slice(concat.index))) return undefined;
  const before = t.slice(0, concat.index);
  const up =
    /\bup-?sampling\b[^,;]*?\bfollowed\s+by\s+an?\s+(\d+)x(\d+)\s+conv\w*/i.exec(before) ??
    /\b(\d+)x(\d+)\s+(?:up-?conv\w*|transposed\s+conv\w*|de-?conv\w*)/i.exec(before) ??
    /\b(?:up-?conv\w*|transposed\s+conv\w*|de-?conv\w*)\s+(?:with\s+(?:an?\s+)?|of\s+)?(?:(?:kernel|filter)\s+(?:size\s+)?(?:of\s+)?)?(\d+)x(\d+)/i.exec(
      before,
    );
  if (!up || up[1] !== up[2]) return undefined;
  const after = t.slice(concat.index);
  const convs = convUnit(after, sentence);
  if (!convs) return undefined;
  return {
    sentence,
    text: t.slice(0, 120),
    up: { kernel: pair(up[1]), halves: /\bhalv\w*\s+the\s+number\s+of/i.test(before), text: up[0] },
    concat: /^[^,;]*/.exec(after)![0],
    cropped: /\bcropped\b|\bcropping\b|\bcrop\b/i.test(after.split(/,\s+and\s+|;/)[0]),
    convs,
  };
}

/** "At the final layer a 1x1 convolution is used to map each 64-component feature vector to the desired number of classes". */
export function finalConvIn(sentence: Sentence): StepStatement<{ kernel: [number, number]; width?: number }> | undefined {
  const t = text(sentence);
  const m = /\b(?:final|last|output)\s+layer\b[^.]*?\b(\d+)x(\d+)\s+conv\w*/i.exec(t) ?? /\ba\s+(?:final|last)\s+(\d+)x(\d+)\s+conv\w*/i.exec(t);
  if (!m || m[1] !== m[2] || !/\bclass(?:es)?\b|\blabels?\b|\boutput\s+channels\b|\bsegmentation\b/i.test(t)) return undefined;
  const width = /\b(\d+)-\s*(?:component|dimensional|channel)\s+feature\s+vectors?\b/i.exec(t);
  return { value: { kernel: pair(m[1]), ...(width ? { width: Number(width[1]) } : {}) }, sentence, text: m[0] };
}

/** "In total the network has 23 convolutional layers", "23 convolutional layers in total". */
export function totalConvsIn(sentence: Sentence): StepStatement<number> | undefined {
  const t = text(sentence);
  const m =
    /\b(?:in\s+total|altogether|overall),?\s+(?:the\s+)?(?:network|model|architecture)\s+(?:has|contains|consists\s+of)\s+(\d+)\s+conv\w*\s+layers\b/i.exec(
      t,
    ) ?? /\b(\d+)\s+conv\w*\s+layers\s+in\s+total\b/i.exec(t);
  return m ? { value: Number(m[1]), sentence, text: m[0] } : undefined;
}

/** "example for 32x32 pixels in the lowest resolution": the side of the maps after the last downsampling. */
export function lowestResolutionIn(sentence: Sentence): StepStatement<number> | undefined {
  const m = /\b(\d+)x(\d+)\s+(?:pixels?\s+)?(?:in|at)\s+the\s+lowest\s+resolution\b/i.exec(text(sentence));
  return m && m[1] === m[2] ? { value: Number(m[1]), sentence, text: m[0] } : undefined;
}

/** "four downsampling steps", "3 pooling stages": how many times the contracting path downsamples. */
export function stepCountIn(sentence: Sentence): StepStatement<number> | undefined {
  const m = new RegExp(`\\b${COUNT}\\s+(?:down-?sampling|pooling|contracting|encoder)\\s+(?:steps|stages|levels|blocks)\\b`, 'i').exec(text(sentence));
  const n = m ? countOf(m[1]) : 0;
  return n >= 1 ? { value: n, sentence, text: m![0] } : undefined;
}

/** "starting with 64 feature channels", "the first step has 32 filters": the width of the first step. */
export function firstWidthIn(sentence: Sentence): StepStatement<number> | undefined {
  const t = text(sentence);
  const m =
    /\b(?:start\w*|begin\w*)\s+with\s+(\d+)\s+(?:feature\s+)?(?:channels|filters|feature\s+maps|kernels)\b/i.exec(t) ??
    /\bfirst\s+(?:step|block|stage|level)\s+(?:has|uses|with|of)\s+(\d+)\s+(?:feature\s+)?(?:channels|filters|feature\s+maps|kernels)\b/i.exec(t);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= 4096 ? { value: n, sentence, text: m![0] } : undefined;
}

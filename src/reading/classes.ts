/**
 * How many outputs a task has, as papers state it: "10 digit classes", "1000 categories", "a 10-way softmax",
 * "predicts one of the 6 question types", and for agents that score each action, "5, 10 and 20 actions".
 */
import { NUMBER_LIST, numbersIn } from './numbers.ts';

const CLASSES = new RegExp(
  // Words between the number and the noun describe the classes ("10 digit classes"); a preposition or
  // determiner there means the number is something else ("the challenge 2015 in these categories").
  String.raw`(?<![\d.,])(${NUMBER_LIST})\s+(?:(?!(?:in|of|for|to|from|at|on|with|by|these|those|the|all|its|their|our)\b)[a-z-]+\s+){0,2}?(?:classes|categories|class\s+labels|labels|object\s+classes|actions|tags)\b`,
  'gi',
);
const WAY = /(?<![\d.,])(\d+)[- ](?:way|class)\b/gi;
/** "predicts one of the 6 question types", "assigns 1 of the 4 tumour grades": the choices the output makes. */
const ONE_OF =
  /\b(?:predicts?|predicting|outputs?|assigns?|classif(?:y|ies)\s+(?:it|them|each\s+\w+)?\s*(?:as|into))\s+(?:1|one)\s+of\s+(?:the\s+)?(\d+)\s+(?:[a-z-]+\s+){0,3}?(?:types|kinds|classes|categories|labels|outcomes|grades|stages|states|diagnoses)\b/gi;
/** "a softmax over the 6 coarse question types", "a classifier over the 4 tumour grades", "a softmax layer over the 5994 speakers": the choices an output layer is over. */
const OUTPUT_OVER =
  /(?<!\bsampled\s+)\b(?:soft-?max|classifier|output\s+layer)\s+(?:layer\s+)?(?:over|across)\s+(?:the\s+|all\s+)?(\d+)\s+(?!(?:[a-z-]+\s+){0,3}?(?:negatives|samples|examples|instances|batches|epochs|iterations|runs|steps)\b)(?:[a-z-]+\s+){0,3}?[a-z]+s\b/gi;
/** "a softmax over the 29 characters", "a layer over 40 phonemes", "a softmax over a vocabulary of 30000 words": what an output layer chooses among. */
const OVER_SYMBOLS =
  /\b(?:over|among|between)\s+(?:the\s+|all\s+)?(\d+)\s+(?:possible\s+|output\s+)?(?:characters|symbols|phonemes|digits|letters|words)\b|\b(?:softmax|output|classifier|distribution)\s+(?:layer\s+)?over\s+(?:a|the|its)\s+(?:target\s+|output\s+)?vocabulary\s+of\s+(?:size\s+)?(\d+)|\b(?:onto|over|to)\s+(?:a|the|its)\s+(\d+)-word\s+(?:target\s+|output\s+)?vocabulary/gi;

/** "predict the presence of each of 125 chromatin features", "outputs a score for each of the 14 findings": a multi-label output. */
const EACH_OF =
  /\b(?:predicts?|predicting|outputs?|estimates?|scores?)\b[^.;]{0,60}?\b(?:each|every|all)\s+of\s+(?:the\s+)?(\d+)\s+(?:[a-z-]+\s+){0,3}?[a-z]+s\b/gi;

/** "classified by a softmax layer into the 11 gestures", "predicts the next venue among 3,906 candidate venues": the choices an output makes. */
const CHOSEN_AMONG =
  /\b(?:classif(?:y|ies|ied)|categori[sz]e[sd]?|sort(?:s|ed)?)\b[^.;]{0,60}?\binto\s+(?:1\s+of\s+)?(?:the\s+)?(\d+)\s+(?!(?:[a-z-]+\s+){0,2}?(?:classes|categories|labels|tags)\b)(?:[a-z-]+\s+){0,2}?[a-z]+s\b|\b(?:among|between)\s+(?:the\s+|all\s+)?(\d+)\s+(?:candidate|possible)\s+\w+/gi;

/** "maps the fingerprint to 12 sigmoid outputs", "produces 5 outputs": the outputs a network ends in, counted. */
const OUTPUTS_COUNTED = /\b(?:to|into|gives?|produces?|yields?)\s+(\d+)\s+(?:(?:sigmoid|softmax|linear|logistic|binary|independent)\s+)?outputs\b/gi;

/** Recent classCountsIn results: the table context, the conventions and the network reader each ask of every sentence. */
const countsOf = new Map<string, number[]>();
const COUNTS_KEPT = 20_000;

/** Every class count a sentence (in prose form) states; "10 and 100 image categories respectively" gives both. */
export function classCountsIn(sentence: string): number[] {
  let counts = countsOf.get(sentence);
  if (counts === undefined) {
    counts = countsIn(sentence);
    if (countsOf.size >= COUNTS_KEPT) countsOf.clear();
    countsOf.set(sentence, counts);
  }
  return [...counts];
}

function countsIn(sentence: string): number[] {
  // Every form states the count in digits: a sentence without one is spared the four scans.
  if (!/\d/.test(sentence)) return [];
  const counts = [...sentence.matchAll(CLASSES)].flatMap((m) => numbersIn(m[1]));
  counts.push(
    ...[
      ...sentence.matchAll(WAY),
      ...sentence.matchAll(ONE_OF),
      ...sentence.matchAll(OUTPUT_OVER),
      ...sentence.matchAll(OVER_SYMBOLS),
      ...sentence.matchAll(EACH_OF),
      ...sentence.matchAll(CHOSEN_AMONG),
      ...sentence.matchAll(OUTPUTS_COUNTED),
    ].map((m) => Number(m[1] ?? m[2] ?? m[3])),
  );
  return counts.filter((n) => n >= 2 && n <= 100000);
}

/** "as many outputs as there are valid actions", "one output per class": an output whose width is the task's. */
export const TASK_SIZED_OUTPUT =
  /\b(?:as\s+many\s+outputs?\s+as|(?:one|1|a\s+single)\s+(?:output|unit|neuron)\s+(?:for|per)\s+(?:each\s+|every\s+)?(?:of\s+the\s+(?:\d+\s+)?)?)(?:there\s+are\s+)?(?:valid\s+|possible\s+)?(?:actions?|classes|class|categories|labels?)\b/i;

/**
 * Class counts of benchmark data sets that papers name without restating them ("2 MLPs on MNIST").
 * Well-known facts about the data, not about any paper; read only next to a network, as a last resort.
 */
const DATASET_CLASSES: ReadonlyArray<[RegExp, number]> = [
  [/\bCIFAR-?100\b/i, 100],
  [/\bCIFAR-?10\b(?!0)/i, 10],
  [/\b(?:Fashion-)?MNIST\b/i, 10],
  [/\bSVHN\b/i, 10],
  [/\bSTL-?10\b/i, 10],
  [/\bImageNet\b/i, 1000],
];

/** Class counts of the data sets a sentence names, in the order of the table above. */
export function datasetClassesIn(sentence: string): number[] {
  return DATASET_CLASSES.filter(([name]) => name.test(sentence)).map(([, n]) => n);
}

/** The function an output layer of `units` applies when the paper states none: one unit is a probability, more a distribution. */
export function outputFunction(units: unknown): 'sigmoid' | 'softmax' {
  return units === 1 ? 'sigmoid' : 'softmax';
}

/**
 * How many outputs a task has, as papers state it: "10 digit classes", "1000 categories", "a 10-way softmax",
 * and for agents that score each action, "5, 10 and 20 actions".
 */
import { NUMBER_LIST, numbersIn } from './numbers.ts';

const CLASSES = new RegExp(String.raw`(?<![\d.,])(${NUMBER_LIST})\s+(?:[a-z-]+\s+){0,2}?(?:classes|categories|class\s+labels|object\s+classes|actions)\b`, 'gi');
const WAY = /(?<![\d.,])(\d+)[- ](?:way|class)\b/gi;

/** Every class count a sentence (in prose form) states; "10 and 100 image categories respectively" gives both. */
export function classCountsIn(sentence: string): number[] {
  const counts = [...sentence.matchAll(CLASSES)].flatMap((m) => numbersIn(m[1]));
  counts.push(...[...sentence.matchAll(WAY)].map((m) => Number(m[1])));
  return counts.filter((n) => n >= 2 && n <= 100000);
}

/** "as many outputs as there are valid actions", "one output per class": an output whose width is the task's. */
export const TASK_SIZED_OUTPUT = /\b(?:as\s+many\s+outputs?\s+as|one\s+(?:output|unit|neuron)\s+(?:for|per)\s+(?:each\s+|every\s+)?)(?:there\s+are\s+)?(?:valid\s+|possible\s+)?(?:actions?|classes|class|categories|labels?)\b/i;

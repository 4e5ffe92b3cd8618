/** Numbers as papers write them: words ("three", "a single"), lists ("2, 3, and 4"), counts with thousands commas. */

/** The one number-word table; every reader spells numbers through it. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  hundred: 100,
  thousand: 1000,
  single: 1,
};

/** Ordinal words and their positions; "last"/"final" count from the end (-1). */
export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  last: -1,
  final: -1,
};
/** The ordinal words as a RegExp alternation. */
export const ORDINAL_WORDS = Object.keys(ORDINALS).join('|');

const WORD = new RegExp(
  `\\b(${Object.keys(NUMBER_WORDS)
    .filter((w) => w !== 'single')
    .join('|')})\\b`,
  'gi',
);

/** "three fully connected layers" → "3 fully connected layers"; "a single hidden layer" keeps "single" (it is an article there). */
export function wordsToDigits(text: string): string {
  return text.replace(WORD, (w) => String(NUMBER_WORDS[w.toLowerCase()]));
}

/** "12", "1,024", "three" → the number, or undefined. */
export function numberOf(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t in NUMBER_WORDS) return NUMBER_WORDS[t];
  return /^\d{1,3}(?:,\d{3})+$|^\d+$/.test(t) ? Number(t.replace(/,/g, '')) : undefined;
}

/** A list of counts as prose writes it ("2, 3, and 4", "1024 and 2048", "96, 128 and 256"), as a regex source. */
export const NUMBER_LIST = String.raw`\d+(?:\s*,\s*\d+)*(?:\s*,?\s*(?:and|or)\s+\d+)?`;

/** "2, 3, and 4" → [2, 3, 4]. */
export function numbersIn(list: string): number[] {
  return [...list.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/**
 * Layer names a paper defines for itself: "the recurrent convolutional layer (RCL)", "fully connected
 * layers (FCLs)". A definition is kept when the abbreviation's capitals are the initials of the words
 * before it and those words name a layer kind of the catalog; the paper's later uses ("4 RCLs", "the
 * fourth RCL") are then read as the long form. Uses as a modifier ("RCL units") stay as they are.
 */
import { kindNamed } from './vocabulary.ts';

export interface LayerAbbreviation {
  short: string;
  /** The defining words, ending in "layer": "recurrent convolutional layer". */
  long: string;
}

/** "<up to 5 words> (<ABBR>)" with ABBR of 2–6 letters, capitals first, an optional plural "s". */
const DEFINITION = /((?:[A-Za-z][\w-]*\s+){1,5}?)([A-Za-z][\w-]*)\s*\(([A-Z][A-Za-z]{1,5}?)s?\)/g;

/** What every definition has: an opening bracket before a capital. */
const DEFINED = /\([A-Z]/;

const initials = (words: string[]) => words.map((w) => w[0].toUpperCase()).join('');

/** The abbreviation's letters as initials of the last words of the phrase ("fully-connected" counts twice). */
function spelledBy(short: string, words: string[]): string[] | undefined {
  const letters = short.replace(/[^A-Z]/g, '');
  const parts = words.flatMap((w) => w.split('-')).filter(Boolean);
  for (let n = 1; n <= parts.length; n++) {
    const tail = parts.slice(-n);
    if (initials(tail) === letters) return tail;
  }
  return undefined;
}

/** Every layer abbreviation the sentences (in prose form) define. */
export function layerAbbreviations(sentences: string[]): LayerAbbreviation[] {
  const found = new Map<string, LayerAbbreviation>();
  for (const sentence of sentences) {
    // The definition's scan tries every word of a sentence; most sentences have no "(" before a capital to end one.
    if (!DEFINED.test(sentence)) continue;
    for (const m of sentence.matchAll(DEFINITION)) {
      const words = [...m[1].trim().split(/\s+/), m[2]].filter(Boolean);
      const short = m[3];
      const spelled = spelledBy(short, words);
      if (!spelled || found.has(short)) continue;
      const last = spelled[spelled.length - 1].toLowerCase().replace(/s$/, '');
      if (last !== 'layer') continue;
      const kinds = spelled.slice(0, -1).join(' ');
      if (!kinds || !(kindNamed(kinds) ?? kindNamed(spelled[spelled.length - 2]))) continue;
      found.set(short, { short, long: `${kinds} layer`.toLowerCase() });
    }
  }
  return [...found.values()];
}

/** A sentence with each defined abbreviation that stands for layers written out in full. */
export function expandAbbreviations(sentence: string, abbreviations: LayerAbbreviation[]): string {
  let out = sentence;
  for (const { short, long } of abbreviations) {
    // The definition itself keeps its long form once: drop "(RCL)" so the layer is not named twice.
    out = out.replace(new RegExp(String.raw`\s*\(${short}s?\)`, 'g'), '');
    out = out.replace(new RegExp(String.raw`\b${short}(s?)\b(?!\s+(?:units?|unit's|outputs?|weights?)\b)`, 'g'), (_, plural: string) => `${long}${plural}`);
  }
  return out;
}

/**
 * The layer vocabulary of running text, built from the catalog's `prose` words: which words before
 * "layer(s)" name which type, and which nouns count its width. Adding a word is an edit to the catalog.
 */
import { CATALOG, traitsOf } from '../graph/index.ts';
import { escapeRegExp } from './text.ts';

export interface LayerKind {
  type: string;
  /** The param a counted noun sets ("96 filters" → filters), for types with a width. */
  widthParam?: string;
}

const escape = (s: string) => escapeRegExp(s).replace(/[- ]/g, '[- ]?');
/** Longest first, so "fully connected hidden" wins over "hidden". */
const byLength = (a: string, b: string) => b.length - a.length;

const kindOf = new Map<string, LayerKind>();
const nounKinds: string[] = [];
const nounsOf = new Map<string, string[]>();
for (const spec of CATALOG) {
  if (!spec.prose) continue;
  const kind: LayerKind = { type: spec.type, ...(spec.prose.width ? { widthParam: spec.prose.width.param } : {}) };
  for (const word of spec.prose.kinds) if (!kindOf.has(key(word))) kindOf.set(key(word), kind);
  for (const word of spec.prose.nouns ?? []) {
    if (!kindOf.has(key(word))) kindOf.set(key(word), kind);
    nounKinds.push(word);
  }
  if (spec.prose.width) nounsOf.set(spec.type, [...spec.prose.width.nouns]);
}

function key(words: string): string {
  return words.toLowerCase().replace(/[- ]+/g, ' ').trim();
}

/** Regex source of every kind word, as one alternation. */
export const KIND_WORDS = [...kindOf.keys()].sort(byLength).map(escape).join('|');

/** Regex source of the words that name a layer on their own ("LSTM", "word embeddings"). */
export const NOUN_KIND_WORDS = nounKinds.sort(byLength).map(escape).join('|');

/** "fully-connected" → Dense; undefined for words the catalog does not know. */
export function kindNamed(words: string): LayerKind | undefined {
  return kindOf.get(key(words));
}

/** Regex source of the nouns that count a type's width ("filters|kernels|feature maps"). */
export function widthNouns(type: string): string | undefined {
  const nouns = nounsOf.get(type);
  return nouns ? nouns.sort(byLength).map(escape).join('|') : undefined;
}

/** Regex source of every width noun of every type. */
export const ALL_WIDTH_NOUNS = [...new Set([...nounsOf.values()].flat())].sort(byLength).map(escape).join('|');

/**
 * The type whose width a noun counts ("filters" → Conv2D, "units" → Dense): of the catalog types that list
 * it, an image layer first (papers mean 2-D convolutions unless they say otherwise), else the first.
 */
export function typeCountedBy(noun: string): string | undefined {
  const k = key(noun);
  const types = [...nounsOf].filter(([, nouns]) => nouns.some((n) => key(n) === k)).map(([type]) => type);
  return types.find((t) => traitsOf(t).spatialAxes === 2) ?? types[0];
}

const widthParamOf = new Map<string, string>();
for (const spec of CATALOG) if (spec.prose?.width) widthParamOf.set(spec.type, spec.prose.width.param);

/** The param that holds a type's width (filters, units, dim), for types that have weights; undefined otherwise. */
export function widthParam(type: string): string | undefined {
  return widthParamOf.get(type);
}

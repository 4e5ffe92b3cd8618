/**
 * The layer vocabulary of running text, built from the catalog's `prose` words: which words before
 * "layer(s)" name which type, and which nouns count its width. Adding a word is an edit to the catalog.
 */
import { CATALOG, resolveAlias, traitsOf, type Params } from '../graph/index.ts';
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

/** The element-wise functions a layer applies, by the catalog's spellings ("hyperbolic tangent" → tanh), and "linear". */
const functionOf = new Map<string, string>([['linear', 'linear']]);
for (const alias of CATALOG.find((spec) => spec.type === 'Activation')?.aliases ?? []) {
  const fn = alias.params?.fn;
  if (typeof fn === 'string' && !/\bactivation\b/i.test(alias.text)) functionOf.set(key(alias.text), fn);
}

/** Regex source of every function word ("relu|tanh|hyperbolic tangent|logistic|linear|…"). */
export const FUNCTION_WORDS = [...functionOf.keys()].sort(byLength).map(escape).join('|');

/** "Logistic" → sigmoid, "ReLU" → relu; undefined for words that name no function. */
export function functionNamed(words: string): string | undefined {
  return functionOf.get(key(words));
}

/** Per type, its name words as one pattern and its modifiers ("bidirectional") with the params they set. */
const namesOf = new Map<string, RegExp>();
const modifiersOf = new Map<string, Array<{ pattern: RegExp; params: Params }>>();
for (const spec of CATALOG) {
  if (!spec.prose) continue;
  const words = [...spec.prose.kinds, ...(spec.prose.nouns ?? [])].sort(byLength).map(escape).join('|');
  namesOf.set(spec.type, new RegExp(String.raw`\b(?:${words})s?\b`, 'i'));
  const modifiers = (spec.prose.modifiers ?? []).map((m) => ({
    pattern: new RegExp(String.raw`\b(?:${m.words.map(escape).join('|')})\b`, 'i'),
    params: m.params,
  }));
  if (modifiers.length) modifiersOf.set(spec.type, modifiers);
}
/** Every modifier word, leading a text: "Bidirectional LSTM, 128". */
const LEADING_MODIFIER = new RegExp(
  String.raw`^(?:${CATALOG.flatMap((s) => s.prose?.modifiers ?? [])
    .flatMap((m) => m.words)
    .map(escape)
    .join('|')})\s+`,
  'i',
);

/** The params modifier words set on a layer of `type` ("bidirectional" → bidirectional: true). */
export function modifierParams(type: string, words: string): Params {
  return Object.assign({}, ...(modifiersOf.get(type) ?? []).filter((m) => m.pattern.test(words)).map((m) => m.params));
}

/** "Bidirectional LSTM, 128" → the modifier and the rest; undefined when the text does not start with one. */
export function leadingModifier(text: string): { words: string; rest: string } | undefined {
  const found = LEADING_MODIFIER.exec(text);
  return found ? { words: found[0].trim(), rest: text.slice(found[0].length) } : undefined;
}

/**
 * The params a layer's own words give it beyond its sizes: modifiers just before its name ("a 2-layer bidirectional
 * GRU") and a name that implies them ("BiLSTM"), for a layer of `type` read from `text`.
 */
export function namedParams(type: string, text: string): Params {
  const name = namesOf.get(type)?.exec(text);
  if (!name) return {};
  const alias = resolveAlias(name[0].replace(/s$/i, ''));
  const before = text.slice(Math.max(0, name.index - 40), name.index);
  return { ...(alias?.type === type ? alias.params : {}), ...modifierParams(type, before.split(/\s+/).slice(-3).join(' ')) };
}

/** The params of `draft` that its words set beyond its sizes: read from its text, or already on it (a table's "BiGRU"). */
export function draftModifiers(draft: { type: string; params: Params; text: string }): Params {
  const keys = new Set((modifiersOf.get(draft.type) ?? []).flatMap((m) => Object.keys(m.params)));
  const kept = Object.fromEntries(Object.entries(draft.params).filter(([key]) => keys.has(key)));
  return { ...namedParams(draft.type, draft.text), ...kept };
}

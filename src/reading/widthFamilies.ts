/**
 * Widths a paper writes as a symbol and then names by value: "layers 1 to 5 have the same number of
 * feature maps K. … the model can be denoted by RCNN-K", later "RCNN-96", "RCNN-128". The symbol stands
 * for the width of the layers whose width noun it follows; each value the paper names is an instance.
 */
import { escapeRegExp } from './text.ts';
import { ALL_WIDTH_NOUNS, typeCountedBy, widthParam } from './vocabulary.ts';

export interface WidthFamily {
  /** The family's name before the symbol: "RCNN" of "RCNN-K". */
  name: string;
  symbol: string;
  /** The param the symbol sets ("filters" for "feature maps"). */
  param: string;
  /** Sentence where the symbol is defined. */
  at: number;
  /** Each value the paper names ("RCNN-96"), with the sentence of its first mention, in order of appearance. */
  instances: Array<{ value: number; at: number }>;
}

/** A symbol standing for a width: "the same number of feature maps K", "K feature maps" (single capital, not an article). */
const SYMBOL = new RegExp(
  String.raw`\bnumbers?\s+of\s+(?<noun>${ALL_WIDTH_NOUNS})\s+(?:is\s+|=\s*)?(?<after>[B-HJ-Z])\b|\b(?<before>[B-HJ-Z])\s+(?<noun2>${ALL_WIDTH_NOUNS})\b`,
);
/** How many sentences from the symbol's definition its family name may be given. */
const FAMILY_REACH = 3;
/** Text layers recovered by OCR read 1 and 0 as letters in numbers ("RCNN-I92"). */
const OCR_DIGITS: Record<string, string> = { I: '1', l: '1', O: '0', o: '0' };

function valueOf(token: string): number | undefined {
  if (!/\d/.test(token)) return undefined;
  const digits = token.replace(/[IlOo]/g, (c) => OCR_DIGITS[c]);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** Every width family the sentences (in prose form) define, with the instances they name. */
export function widthFamilies(forms: string[]): WidthFamily[] {
  const families: WidthFamily[] = [];
  forms.forEach((text, at) => {
    const m = SYMBOL.exec(text);
    if (!m) return;
    const g = m.groups!;
    const symbol = g.after ?? g.before!;
    const type = typeCountedBy(g.noun ?? g.noun2!);
    const param = type && widthParam(type);
    if (!param) return;
    const named = new RegExp(String.raw`\b([A-Za-z][A-Za-z0-9]*)-${symbol}\b`);
    const near = forms
      .slice(Math.max(0, at - FAMILY_REACH), at + FAMILY_REACH + 1)
      .map((f) => named.exec(f))
      .find(Boolean);
    if (!near || families.some((f) => f.name === near[1])) return;
    const name = near[1];
    const instance = new RegExp(String.raw`\b${escapeRegExp(name)}-([0-9IlOo]{1,5})\b(?!-)`, 'g');
    const instances: WidthFamily['instances'] = [];
    forms.forEach((f, i) => {
      for (const hit of f.matchAll(instance)) {
        const value = valueOf(hit[1]);
        if (value !== undefined && value > 0 && !instances.some((x) => x.value === value)) instances.push({ value, at: i });
      }
    });
    families.push({ name, symbol, param, at, instances });
  });
  return families;
}

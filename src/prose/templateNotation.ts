/**
 * Layer symbols defined with several numbers in them: "cKsS-N is a K×K convolution with stride S and N filters, pK is
 * K×K max pooling, and fN is a fully connected layer with N units", then used as "c5s1-16, p2, …, f256". Each
 * capital letter of the symbol is a number; what it sets is found by reading the meaning through the shared layer
 * grammar with a distinct trial number in each place, and seeing which param takes which number.
 */
import { normaliseLayerText, parseLayerText, type LayerDraft } from '../tables/index.ts';
import type { Params } from '../graph/index.ts';
import type { Sentence } from './sentences.ts';

export interface Template {
  /** Matches one use of the symbol, a group per number, in order. */
  use: RegExp;
  /** The layers of the meaning, read with each variable's trial number in its place. */
  layers: LayerDraft[];
  /** The trial number of each variable, in the symbol's order. */
  trials: number[];
}

/** "cKsS-N is …", "pK denotes …": lower-case letters, then capitals (the numbers) between letters or hyphens. */
const DEFINITION =
  /(?<![\w-])(?<symbol>[a-z]{1,3}(?:[A-Z](?:[a-z]{1,2}|-)?){1,4})\s+(?:is|denotes|represents|stands\s+for)\s+(?:an?\s+|the\s+)?(?<meaning>[^;.]{3,160}?)(?=\s*(?:;|\.(?:\s|$)|,\s*(?:and\s+)?[a-z]{1,3}[A-Z]\S*\s+(?:is|denotes|represents|stands\s+for)\s)|$)/g;
/** Numbers tried in a variable's place: none is a common layer number, so each is found again where the grammar puts it. */
const TRIAL_NUMBERS = [11, 13, 17, 19, 23, 29];

function templateOf(symbol: string, meaning: string): Template | undefined {
  const variables = [...symbol.matchAll(/[A-Z]/g)].map((m) => m[0]);
  if (new Set(variables).size !== variables.length) return undefined;
  const trials = TRIAL_NUMBERS.filter((n) => !new RegExp(String.raw`\b${n}\b`).test(meaning)).slice(0, variables.length);
  if (trials.length < variables.length) return undefined;
  let text = meaning;
  variables.forEach((v, i) => {
    text = text.replace(new RegExp(String.raw`(?<![A-Za-z])${v}x${v}(?![A-Za-z])`, 'g'), `${trials[i]}x${trials[i]}`);
    text = text.replace(new RegExp(String.raw`(?<![A-Za-z])${v}(?![A-Za-z])`, 'g'), String(trials[i]));
  });
  const layers = parseLayerText(text).filter((l) => l.type !== 'Input');
  // Every number of the symbol must land in a param of the layers its meaning names.
  const placed = (n: number) => layers.some((l) => JSON.stringify(Object.values(l.params)).match(new RegExp(String.raw`\b${n}\b`)));
  if (!layers.length || !trials.every(placed)) return undefined;
  const pattern = symbol.replace(/[A-Z]/g, '(\\d{1,4})').replace(/-/g, '\\-');
  return { use: new RegExp(String.raw`(?<![\w-])${pattern}(?![\w-])`, 'g'), layers, trials };
}

/** The templates the sentences define. */
export function templatesIn(sentences: Sentence[]): Template[] {
  const templates: Template[] = [];
  for (const s of sentences) {
    if (!/[a-z][A-Z]\S*\s+(?:is|denotes|represents|stands\s+for)\s/.test(s.text)) continue;
    for (const m of normaliseLayerText(s.text).matchAll(DEFINITION)) {
      const template = templateOf(m.groups!.symbol!, m.groups!.meaning!);
      if (template) templates.push(template);
    }
  }
  return templates;
}

/** A param value with each trial number replaced by the number the use gives it. */
function filled(value: Params[string], numbers: Map<number, number>): Params[string] {
  if (typeof value === 'number') return numbers.get(value) ?? value;
  return Array.isArray(value) ? (value.map((v) => (typeof v === 'number' ? (numbers.get(v) ?? v) : v)) as Params[string]) : value;
}

/** The uses of the templates in a text, in order, each carrying its layers. */
export function templateUses(text: string, templates: Template[]): Array<RegExpMatchArray & { layers: LayerDraft[] }> {
  const uses = templates.flatMap((t) =>
    [...text.matchAll(t.use)].map((m) => {
      const numbers = new Map(t.trials.map((trial, i) => [trial, Number(m[i + 1])]));
      const layers = t.layers.map((l) => ({
        ...l,
        params: Object.fromEntries(Object.entries(l.params).map(([k, v]) => [k, filled(v, numbers)])),
        inferred: [],
        text: m[0],
      }));
      return Object.assign(m, { layers });
    }),
  );
  return uses.sort((a, b) => a.index! - b.index!);
}

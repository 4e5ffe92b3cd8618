/**
 * Transformers stated by their hyper-parameters rather than drawn: "a stack of N = 6 identical layers",
 * "dmodel = 512", "the inner-layer has dimensionality dff = 2048", "h = 8 parallel attention layers",
 * "(L=12, H=768, A=12)", "a 4-layer transformer with dmodel = 1024". A parenthesised group of settings is
 * one configuration, named by the word before it; settings spread over a paper's model section make its
 * base configuration; a sentence that names a transformer with some settings varies the base.
 */
import { proseForm } from './text.ts';
import type { TextUnit } from './types.ts';

export interface TransformerConfig {
  /** Encoder and decoder stacks, or an encoder alone. */
  kind: 'encoder-decoder' | 'encoder';
  layers: number;
  width: number;
  ff: number;
  heads: number;
  name: string;
  units: TextUnit[];
  /** Settings the text did not state and the reader filled in (ff = 4 × width, heads = width / 64). */
  inferred: Array<'ff' | 'heads'>;
}

export type Setting = 'layers' | 'width' | 'ff' | 'heads';
export type Settings = Partial<Record<Setting, number>>;

/** Column headings of settings tables: "N", "dmodel", "d_ff", "h", "L", "H", "A", "Layers", "Hidden size", "MLP size", "Heads". */
const HEADINGS: Array<[Setting, RegExp]> = [
  ['layers', /^(?:N|L|#?layers|depth|#\s*layers)$/i],
  ['width', /^(?:d_?\{?model\}?|dmodel|H|D|hidden\s*size(?:\s*D)?|width|d_?hidden|hidden)$/],
  ['ff', /^(?:d_?\{?ff\}?|dff|d_?inner|mlp\s*size|ffn|filter\s*size|ff)$/i],
  ['heads', /^(?:h|A|#?heads|#\s*heads)$/i],
];

/** The setting a table column heading names, if any. */
export function settingNamed(heading: string): Setting | undefined {
  const t = heading.trim().replace(/\s+/g, ' ');
  return HEADINGS.find(([, re]) => re.test(t))?.[0];
}

/** The symbols papers give each setting; a setting is a symbol "=" a number. */
const SYMBOLS: Array<[Setting, RegExp]> = [
  ['layers', /\b(?:N|L|n_?layers|num_?layers)\s*=\s*(\d{1,3})\b/g],
  ['width', /\b(?:d_?\{?model\}?|d_?m|H|d|hidden\s+size|d_?hidden)\s*=\s*(\d{2,5})\b/g],
  ['ff', /\b(?:d_?\{?ff\}?|d_?inner|d_?ffn|filter\s+size)\s*=\s*(\d{2,6})\b/g],
  ['heads', /\b(?:h|A|heads|n_?heads|num_?heads)\s*=\s*(\d{1,3})\b/g],
];
/** "a 4-layer transformer", "12-layer encoder". */
const LAYER_COUNT = /\b(\d{1,2})[- ]layers?\s+(?:transformers?|encoders?|decoders?|models?)\b/i;
/** The text must be about attention models for these symbols to mean this. */
const ABOUT = /\btransformers?\b|\bself-attention\b|\bmulti-head(?:ed)?\s+attention\b/i;
const NAMED = /([A-Za-z][\w-]*(?:\s*\((?:base|big|large|small)\))?)\s*\(([^()]*=[^()]*)\)/g;

function settingsIn(text: string): Settings {
  const found: Settings = {};
  for (const [setting, re] of SYMBOLS) {
    for (const m of text.matchAll(re)) if (found[setting] === undefined) found[setting] = Number(m[1]);
  }
  const count = LAYER_COUNT.exec(text);
  if (count && found.layers === undefined) found.layers = Number(count[1]);
  return found;
}

export function configOf(s: Settings, base: Settings, kind: TransformerConfig['kind'], name: string, units: TextUnit[]): TransformerConfig | undefined {
  const layers = s.layers ?? base.layers;
  const width = s.width ?? base.width;
  if (!layers || !width || layers > 64 || width < 16 || width > 65536) return undefined;
  const inferred: TransformerConfig['inferred'] = [];
  // A setting the sentence leaves out comes from the base configuration only when the width agrees with it.
  const sameWidth = width === base.width;
  let ff = s.ff ?? (sameWidth ? base.ff : undefined);
  let heads = s.heads ?? (sameWidth ? base.heads : undefined);
  if (!ff) {
    ff = 4 * width;
    inferred.push('ff');
  }
  if (!heads || width % heads) {
    heads = Math.max(1, Math.round(width / 64));
    inferred.push('heads');
  }
  return { kind, layers, width, ff, heads, name, units, inferred };
}

/** Whether a text speaks of transformers, and of which kind: both stacks when it describes a decoder stack of its own. */
export function transformerKind(forms: string[]): TransformerConfig['kind'] | undefined {
  if (!forms.some((t) => ABOUT.test(t))) return undefined;
  return forms.some((t) => /\bdecoder\s+(?:is\s+also\s+)?(?:composed\s+of|consists\s+of|has)\b|\bencoder-decoder\b/i.test(t)) ? 'encoder-decoder' : 'encoder';
}

export function transformerStatements(units: TextUnit[]): TransformerConfig[] {
  const forms = units.map((u) => proseForm(u.text).replace(/\bd\s+(model|ff)\b/gi, 'd_$1'));
  const kind = transformerKind(forms);
  if (!kind) return [];
  const configs: TransformerConfig[] = [];
  const base: Settings = {};
  const baseUnits: TextUnit[] = [];
  forms.forEach((t, i) => {
    // NAMED needs a bracket with "=" in it; its scan is the cost of this reading, so sentences without one skip it.
    const mayName = t.includes('=') && t.includes('(');
    for (const m of mayName ? t.matchAll(NAMED) : []) {
      const s = settingsIn(m[2]);
      // A configuration is named by a name, not by a verb or a preposition ("is (L=6, …)").
      if (s.layers && s.width && /^[A-Z0-9]/.test(m[1])) configs.push(configOf(s, {}, kind, m[1].trim(), [units[i]])!);
    }
    const s = settingsIn(mayName ? t.replace(NAMED, ' ') : t);
    const named = LAYER_COUNT.test(t) && ABOUT.test(t);
    if (named) {
      const config = configOf(s, base, kind, `${s.layers}-layer transformer`, [units[i]]);
      if (config) configs.push(config);
      return;
    }
    let added = false;
    for (const key of Object.keys(s) as Setting[]) {
      if (base[key] === undefined) {
        base[key] = s[key];
        added = true;
      }
    }
    if (added) baseUnits.push(units[i]);
  });
  const main = configOf({}, base, kind, 'Transformer', baseUnits);
  if (main && base.layers && base.width && (base.heads || base.ff)) configs.unshift(main);
  return configs.filter((c): c is TransformerConfig => c !== undefined);
}

/**
 * A stack's widths stated as a rule: where they start and how they change ("starting with 32 filters, the number
 * of filters doubles after every pooling", "every following hidden layer has half as many units as the one before
 * it"). The noun the rule counts says which layers it is about (filters: convolutions; units: fully connected).
 */
import { proseForm } from './text.ts';
import type { LayerDraft, TextUnit } from './types.ts';
import { ALL_WIDTH_NOUNS, typeCountedBy, widthParam } from './vocabulary.ts';

/**
 * "the depth is doubled at every layer", "halving the number of channels", "half as many units as the one before it", "50 neurons fewer than the one
 * before it", "each subsequent layer doubles this number" (the noun is the first width's).
 */
const WIDTH_RULE = new RegExp(
  String.raw`\b(?:depth|width|number\s+of\s+(?:output\s+)?(?<noun>${ALL_WIDTH_NOUNS})|(?<bare>${ALL_WIDTH_NOUNS}))\s+(?:is\s+|are\s+|then\s+)?(?<verb>doubled|halved|doubles|halves)\b` +
    String.raw`|\b(?<gerund>doubling|halving)\s+(?:the\s+)?(?:depth|width|number\s+of\s+(?:output\s+)?(?<counted>${ALL_WIDTH_NOUNS}))` +
    String.raw`|\b(?<relative>half|twice)\s+as\s+many\s+(?<many>${ALL_WIDTH_NOUNS})\s+as\s+(?:the\s+)?(?:1|one|layer|previous|preceding|block|stage)\b` +
    String.raw`|\b(?:each|every)\s+(?:subsequent|following|next|later|further)\s+(?:hidden\s+)?(?:layer|one|1|block|stage|convolution)\s+(?<pronoun>doubles|halves)\s+(?:this|that|the|its)\s+(?:number|width|count)\b` +
    String.raw`|\b(?<delta>\d{1,5})\s+(?<stepped>${ALL_WIDTH_NOUNS})\s+(?<direction>fewer|less|more)\s+than\s+(?:the\s+)?(?:1|one|layer|previous|preceding|block|stage)\b`,
  'i',
);
/** "brings the depth from 1 to 128 channels", "starting with 64 filters", "from 16 in the first block to 256 in the last": where a width rule starts. */
const FIRST_WIDTH = new RegExp(
  String.raw`\bthe\s+first(?:\s+(?:hidden\s+)?(?:level|block|stage|layer|convolution|group))?\s+(?:uses|has|applies|contains|produces|outputs)\s+(\d+)\s+(?<firstNoun>${ALL_WIDTH_NOUNS})\b` +
    String.raw`|\bfrom\s+\d+\s+to\s+(\d+)\s+(?:channels|filters|feature\s+maps)` +
    String.raw`|\bstart(?:s|ing)?\s+(?:with|from|at)\s+(\d+)(?:\s+(?:${ALL_WIDTH_NOUNS}))?\b(?![.,]?\d)` +
    String.raw`|\bfrom\s+(\d+)\s+(?:(?:${ALL_WIDTH_NOUNS})\s+)?in\s+the\s+first\b`,
  'i',
);

/** A width rule that steps once per stage: after each pooling or downsampling, per block or stage, "from each block to the next". */
const STAGE_STEP =
  /\bafter\s+(?:each|every)\s+(?:max[- ]?)?(?:pooling|down-?sampling|block|stage)|\b(?:per|in\s+each|in\s+every|at\s+each|at\s+every|with\s+each|with\s+every)\s+(?:new\s+|subsequent\s+|successive\s+)?(?:block|stage|level|group|pooling|down-?sampling)|\bfrom\s+(?:each|one|1)\s+(?:block|stage|level|group)\s+to\s+the\s+next\b/i;

/** "reshaped into a 4x4x1024 tensor": the channels a stack of (transposed) convolutions grows or shrinks from. */
const RESHAPED_TO = /\breshaped?\s+(?:in)?to\s+(?:an?\s+)?\d{1,3}x\d{1,3}x(\d{1,5})\b/i;
/** "except for the last one, which outputs the 3 channels of the image": the last layer's own width. */
const LAST_EXCEPT =
  /\bexcept\s+(?:for\s+)?the\s+last(?:\s+(?:one|1|layer))?\s*,?\s*which\s+(?:outputs?|has|produces?|gives?)\s+(?:the\s+)?(\d+)\s+(?:output\s+)?(?:channels?|filters?|feature\s+maps?)\b/i;

/**
 * Where a width rule starts: the width it says it starts from ("starting with 32 filters"), else the first ruled
 * layer's stated width, else (for maps) one step from the channels of the tensor the stack was reshaped from.
 */
function startWidth(text: string, first: LayerDraft | undefined, param: string, units: TextUnit[], factor: number): number | undefined {
  const stated = FIRST_WIDTH.exec(text);
  // (the first captured number: the alternatives each capture one)
  if (stated) return Number(stated.slice(1).find((c) => c !== undefined && /^\d+$/.test(c)));
  const own = first?.params[param];
  if (typeof own === 'number' && !first!.inferred.includes(param)) return own;
  if (param !== 'filters') return undefined;
  const reshaped = [text, ...units.map((u) => proseForm(u.text))].map((t) => RESHAPED_TO.exec(t)).find(Boolean);
  return reshaped ? Math.max(1, Math.round(Number(reshaped[1]) * factor)) : undefined;
}

/** Sets the open widths of `layers` by the rule `text` states; false when it states none or none applies. */
export function applyWidthRule(layers: LayerDraft[], units: TextUnit[], text: string): boolean {
  const rule = WIDTH_RULE.exec(text);
  if (!rule) return false;
  const g = rule.groups!;
  const factor = /doubl|twice/i.test(g.verb ?? g.gerund ?? g.relative ?? g.pronoun ?? '') ? 2 : 0.5;
  // "50 neurons fewer than the one before it": a step added, not a factor.
  const step = g.delta ? Number(g.delta) * (/more/i.test(g.direction!) ? 1 : -1) : undefined;
  const next = (width: number) => Math.max(1, step !== undefined ? width + step : Math.round(width * factor));
  // The noun says what is counted; "depth" and "width" speak of maps.
  const noun = g.noun ?? g.bare ?? g.counted ?? g.many ?? g.stepped ?? FIRST_WIDTH.exec(text)?.groups?.firstNoun;
  const counted = noun ? typeCountedBy(noun) : undefined;
  const param = (counted && widthParam(counted)) ?? 'filters';
  const kind = layers.find((s) => widthParam(s.type) === param)?.type;
  const ruled = layers.filter((s) => s.type === kind);
  const start = startWidth(text, ruled[0], param, units, factor);
  if (start === undefined) return false;
  // "doubled after each pooling step", "in every stage": the width changes where the maps are pooled, not per layer.
  const perStage = STAGE_STEP.test(text);
  let width = start;
  let seen = 0;
  let pooled = false;
  for (const layer of layers) {
    if (perStage && /Pool/.test(layer.type)) pooled = seen > 0;
    if (layer.type !== kind) continue;
    if (seen > 0 && (!perStage || pooled)) width = next(width);
    if (layer.params[param] === undefined) layer.params = { ...layer.params, [param]: width };
    seen++;
    pooled = false;
  }
  const last = LAST_EXCEPT.exec(text);
  if (last && ruled.length >= 2) ruled[ruled.length - 1]!.params = { ...ruled[ruled.length - 1]!.params, [param]: Number(last[1]) };
  return seen > 0;
}

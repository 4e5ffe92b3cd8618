/**
 * Networks stated as another with changes: "Model B is the same as Model A but with 256 units in each LSTM layer
 * and an additional dense layer of 64 units before the output layer". The network the reference names is copied
 * and the changes applied: widths set per layer kind, layers added before or after the output layer, layer kinds
 * left out ("without the pooling layers").
 */
import { groupClauses } from './layerGroups.ts';
import type { StatedLayer, StatedNetwork } from './statedNetworks.ts';
import { escapeRegExp } from './text.ts';
import type { TextUnit } from './types.ts';
import { ALL_WIDTH_NOUNS, KIND_WORDS, kindNamed, widthParam } from './vocabulary.ts';

/** Sentences before a network's first one where its name may stand. */
const NAME_REACH = 10;

/** The network stated before sentence `i` whose sentences (or those just before them) name `name`; the latest. */
export function networkNamed(name: string, i: number, units: TextUnit[], forms: string[], networks: StatedNetwork[]): StatedNetwork | undefined {
  const named = new RegExp(`\\b${escapeRegExp(name)}\\b`);
  const at = units[i]!.index;
  const found = networks.filter((n) => {
    const first = units.findIndex((u) => u === n.units[0]);
    return n.units[0]!.index < at && forms.slice(Math.max(0, first - NAME_REACH), first + n.units.length + 1).some((f) => named.test(f));
  });
  return found[found.length - 1];
}

const NAME = String.raw`[A-Z][\w-]*(?:[ -](?:[A-Z0-9][\w-]*))?`;
/** "Model B(, which …,) is the same as Model A but with …", "Net-L is identical to Net-S except with …". */
const VARIANT = new RegExp(
  String.raw`\b(?<name>${NAME})\b(?:\s*,[^,.]{0,80},)?\s+(?:is|are)\s+(?:the\s+)?(?:same\s+as|identical\s+to)\s+(?<ref>${NAME})\s*,?\s+(?:but|except)\s+(?:with|that\s+it\s+(?:has|uses))\s+(?<changes>[^.;]+)`,
);
/** "256 units in each LSTM layer", "64 filters per convolutional layer". */
const WIDTH_PER_KIND = new RegExp(
  String.raw`^(?<width>\d+)\s+(?:${ALL_WIDTH_NOUNS})\s+(?:in|for|per|on)\s+(?:each|every|all)?\s*(?:of\s+the\s+)?(?<kind>(?:${KIND_WORDS})(?:\s+(?:${KIND_WORDS}))?)\s+layers?\b`,
  'i',
);
/** "an additional dense layer of 64 units (inserted) before the output layer". */
const ADDED =
  /^(?:an?\s+|one\s+)?(?:additional|extra)\s+(?<layer>.+?)\s+(?:(?:inserted|added|placed)\s+)?(?<where>before|after)\s+the\s+(?:output|last|final)\s+layer\b/i;
/** "without the pooling layers", "no dropout layers". */
const REMOVED = new RegExp(String.raw`^(?:without|no)\s+(?:the\s+|any\s+)?(?<kind>(?:${KIND_WORDS})(?:\s+(?:${KIND_WORDS}))?)\s+layers?\b`, 'i');

/** Whether a sentence states a network as a changed copy of another (its layers are the copy's, not the text's run). */
export function statesVariant(text: string): boolean {
  return VARIANT.test(text);
}

function changed(source: StatedNetwork, changes: string, unit: TextUnit): StatedLayer[] | undefined {
  let layers = source.layers.map((l) => ({ ...l, params: { ...l.params } }));
  let applied = 0;
  for (const change of changes.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((c) => c.trim())) {
    const width = WIDTH_PER_KIND.exec(change);
    const added = ADDED.exec(change);
    const removed = REMOVED.exec(change);
    if (width) {
      const type = kindNamed(width.groups!.kind)?.type;
      const param = type && widthParam(type);
      if (!param || !layers.some((l) => l.type === type)) continue;
      layers = layers.map((l) => (l.type === type ? { ...l, params: { ...l.params, [param]: Number(width.groups!.width) } } : l));
    } else if (added) {
      const [clause] = groupClauses(added.groups!.layer);
      const param = clause && widthParam(clause.type);
      if (!clause || !param || clause.widths?.length !== 1) continue;
      const layer: StatedLayer = { type: clause.type, params: { [param]: clause.widths[0]! }, inferred: [], text: change, unit };
      const at = added.groups!.where.toLowerCase() === 'before' ? layers.length - 1 : layers.length;
      layers = [...layers.slice(0, at), layer, ...layers.slice(at)];
    } else if (removed) {
      const type = kindNamed(removed.groups!.kind)?.type;
      if (!type || !layers.some((l) => l.type === type)) continue;
      layers = layers.filter((l) => l.type !== type);
    } else continue;
    applied++;
  }
  return applied > 0 ? layers : undefined;
}

/** The networks a text states as changed copies of networks it named before. */
export function variantNetworks(units: TextUnit[], forms: string[], networks: StatedNetwork[]): StatedNetwork[] {
  return forms.flatMap((text, i) => {
    const variant = VARIANT.exec(text);
    const source = variant && networkNamed(variant.groups!.ref, i, units, forms, networks);
    const layers = source && changed(source, variant.groups!.changes, units[i]!);
    return layers ? [{ ...source, name: variant.groups!.name, layers, units: [...source.units, units[i]!] }] : [];
  });
}

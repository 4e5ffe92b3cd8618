/**
 * A decoder stated as the mirror of its encoder ("The expanding path mirrors the contracting path: at each level a
 * 2x2 transposed convolution halves the number of channels, …, and two 3x3 convolutions follow"): the level's body,
 * once per encoder level from the deepest up, each at that level's width.
 */
import { groupClauses, type GroupClause } from './layerGroups.ts';
import { widthParam } from './vocabulary.ts';

const MIRRORS =
  /\b(?:expanding|expansive|decoding|upsampling|up-?sampling|synthesis)?\s*(?:path|part|branch|decoder)\s+(?:mirrors|is\s+(?:symmetric|symmetrical)\s+to|is\s+(?:the\s+|a\s+)?mirror\s+(?:image\s+)?of)\s+(?:the\s+)?(?:contracting|contractive|encoding|downsampling|down-?sampling|analysis)?\s*(?:path|part|branch|encoder)\b\s*[:;,]?\s*(?<body>[^.]*)/i;

/** The level body a sentence states for a decoder that mirrors its encoder, as clauses; undefined when it states none. */
export function mirroredLevel(sentence: string): GroupClause[] | undefined {
  const body = MIRRORS.exec(sentence)?.groups!.body;
  const clauses = body ? groupClauses(body.replace(/^\s*(?:at|in|on)\s+each\s+level\s*,?\s*/i, '')) : [];
  return clauses.some((c) => widthParam(c.type) !== undefined) ? clauses : undefined;
}

/** The widths of an encoder's levels (each run of weight layers a pooling ends), deepest first. */
export function levelWidths(layers: ReadonlyArray<{ type: string; params: Record<string, unknown> }>): number[] {
  const widths: number[] = [];
  let width: number | undefined;
  for (const layer of layers) {
    const param = widthParam(layer.type);
    if (param && typeof layer.params[param] === 'number') width = layer.params[param] as number;
    else if (/Pool/.test(layer.type) && width !== undefined) {
      widths.push(width);
      width = undefined;
    }
  }
  return widths.reverse();
}

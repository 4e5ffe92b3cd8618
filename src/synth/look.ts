/** Drawing variation seen in real papers' figures: typeface, sizes, line widths, ink colours, spacing. */
import type { FontChoice } from './graphviz.ts';
import type { Random } from './random.ts';

/** A typeface as Graphviz measures it (`metric`) and as the rasteriser draws it (`family`). */
export interface Face extends FontChoice {
  metric: 'Times-Roman' | 'Helvetica' | 'Courier';
}

/**
 * Faces the rasteriser has files for (Debian fonts-liberation and fonts-dejavu-core). Liberation fonts share
 * the metrics of Times, Helvetica (Arial) and Courier, so their text fits Graphviz's boxes exactly; the
 * DejaVu faces are wider and are laid out at `widthFactor` × their size (measured on bold text, the wider).
 */
export const FACES: readonly Face[] = [
  { metric: 'Times-Roman', family: 'Liberation Serif', widthFactor: 1 },
  { metric: 'Times-Roman', family: 'DejaVu Serif', widthFactor: 1.31 },
  { metric: 'Helvetica', family: 'Liberation Sans', widthFactor: 1 },
  { metric: 'Helvetica', family: 'DejaVu Sans', widthFactor: 1.19 },
  { metric: 'Helvetica', family: 'Liberation Sans Narrow', widthFactor: 0.82 },
  { metric: 'Courier', family: 'Liberation Mono', widthFactor: 1 },
  { metric: 'Courier', family: 'DejaVu Sans Mono', widthFactor: 1 },
];

export function faceFor(family: string): Face {
  const face = FACES.find((f) => f.family === family);
  if (!face) throw new Error(`synth look: no font face "${family}"`);
  return face;
}

export interface GraphvizLook {
  rankdir: 'TB' | 'LR' | 'BT';
  face: Face;
  /** Point size of label text. */
  fontSize: number;
  penWidth: number;
  /** Colour of lines and text. */
  ink: string;
  /** Node fill where the style has none of its own ('none' = white paper). */
  fill: string;
  rankSep: number;
  nodeSep: number;
}

const INKS = ['#000000', '#000000', '#000000', '#222222', '#333333', '#1a1a4e', '#3b3b3b'];
const FILLS = ['none', 'none', 'none', 'none', '#f2f2f2', '#e8f0fe', '#fff8dc', '#eef7ee'];

/** A look drawn around a style's defaults; `typical` is the chance to keep each default unchanged. */
export function drawLook(rng: Random, defaults: { rankdirs: GraphvizLook['rankdir'][]; face: string; fontSize: number }, typical = 0.5): GraphvizLook {
  return {
    rankdir: rng.pick(defaults.rankdirs),
    face: rng.chance(typical) ? faceFor(defaults.face) : rng.pick(FACES),
    fontSize: rng.chance(typical) ? defaults.fontSize : rng.int(9, 18),
    penWidth: rng.chance(typical) ? 1 : rng.pick([0.6, 0.8, 1.2, 1.5, 2]),
    ink: rng.chance(typical) ? '#000000' : rng.pick(INKS),
    fill: rng.chance(typical) ? 'none' : rng.pick(FILLS),
    rankSep: rng.chance(typical) ? 0.5 : rng.pick([0.3, 0.4, 0.6, 0.8]),
    nodeSep: rng.chance(typical) ? 0.25 : rng.pick([0.15, 0.4, 0.6]),
  };
}

/** DOT graph/node/edge attribute lines for a look. */
export function lookAttributes(look: GraphvizLook): string {
  const size = look.fontSize * look.face.widthFactor;
  return [
    `graph [rankdir=${look.rankdir}, ranksep=${look.rankSep}, nodesep=${look.nodeSep}, fontname="${look.face.metric}"];`,
    `node [fontname="${look.face.metric}", fontsize=${size.toFixed(2)}, penwidth=${look.penWidth}, color="${look.ink}", fontcolor="${look.ink}"];`,
    `edge [fontname="${look.face.metric}", fontsize=${size.toFixed(2)}, penwidth=${look.penWidth}, color="${look.ink}", fontcolor="${look.ink}"];`,
  ].join('\n');
}

export function lookVariation(look: GraphvizLook): Record<string, string | number> {
  return {
    rankdir: look.rankdir,
    font: look.face.family,
    fontSize: look.fontSize,
    penWidth: look.penWidth,
    ink: look.ink,
  };
}

/**
 * The five kinds of architecture figure DLPaper2Code found in papers, drawn straight as SVG from a model:
 * neurons plot, 2-D box flow, stacked 2-D feature maps, 3-D cuboids, and a pipeline of upright blocks.
 */
import type { Graph, Layer, Shape } from '../graph/index.ts';
import type { SynthModel } from './grammar.ts';
import type { Random } from './random.ts';
import { boxOf } from '../geometry/index.ts';
import { DRAWN_FONTS, SvgWriter } from './svg.ts';
import type { Box, DrawnFigure, EdgeTruth, NodeTruth, Point, TextTruth } from './truth.ts';

const PALETTES = [
  { conv: '#f4a6a6', pool: '#a6c8f4', dense: '#c8a6f4', other: '#e0e0e0', recurrent: '#a6f4c0' },
  { conv: '#ffd966', pool: '#9fc5e8', dense: '#b6d7a8', other: '#eeeeee', recurrent: '#f9cb9c' },
  { conv: '#ffffff', pool: '#ffffff', dense: '#ffffff', other: '#ffffff', recurrent: '#ffffff' },
  { conv: '#4f81bd', pool: '#c0504d', dense: '#9bbb59', other: '#8064a2', recurrent: '#f79646' },
];

function colourOf(layer: Layer, palette: (typeof PALETTES)[number]): string {
  if (layer.type === 'Conv2D') return palette.conv;
  if (layer.type.includes('Pool')) return palette.pool;
  if (layer.type === 'Dense') return palette.dense;
  if (layer.type === 'LSTM' || layer.type === 'SimpleRNN') return palette.recurrent;
  return palette.other;
}

function pair(value: unknown): string {
  const v = Array.isArray(value) ? value : [value, value];
  return `${v[0]}×${v[1]}`;
}

/** How papers write a layer in a box: "Conv 3×3, 64", "MaxPool 2×2 /2", "FC 128". */
export function shortLabel(layer: Layer, shape: Shape | undefined): string {
  const p = layer.params ?? {};
  switch (layer.type) {
    case 'Input':
      return `Input ${(shape ?? []).join('×')}`;
    case 'Conv2D':
      return `Conv ${pair(p.kernel)}, ${p.filters}`;
    case 'MaxPool2D':
      return `MaxPool ${pair(p.pool)} /${Array.isArray(p.stride) ? p.stride[0] : p.stride}`;
    case 'AvgPool2D':
      return `AvgPool ${pair(p.pool)} /${Array.isArray(p.stride) ? p.stride[0] : p.stride}`;
    case 'Dense':
      return p.activation === 'softmax' ? `FC ${p.units}, softmax` : `FC ${p.units}`;
    case 'Dropout':
      return `Dropout ${p.rate}`;
    case 'Embedding':
      return `Embedding ${p.dim}`;
    case 'LSTM':
    case 'SimpleRNN':
      return `${layer.type === 'LSTM' ? 'LSTM' : 'RNN'} ${p.units}`;
    default:
      return layer.type;
  }
}

interface Ctx {
  graph: Graph;
  shapes: Map<string, Shape>;
  rng: Random;
  svg: SvgWriter;
  ink: string;
  stroke: number;
  size: number;
  /** Extents of drawn things that are not nodes (skip arcs), so the canvas holds them. */
  extents: Box[];
}

function context(model: SynthModel, rng: Random): Ctx {
  return {
    graph: model.graph,
    shapes: model.shapes,
    rng,
    svg: new SvgWriter(rng.pick(DRAWN_FONTS)),
    ink: rng.pick(['#000000', '#000000', '#333333', '#1f2d5a']),
    stroke: rng.pick([0.8, 1, 1, 1.5, 2]),
    size: rng.int(9, 15),
    extents: [],
  };
}

function node(layer: Layer, box: Box, texts: TextTruth[]): NodeTruth {
  return { id: layer.id, layerId: layer.id, role: 'layer', label: texts.map((t) => t.text).join('\n'), box, texts };
}

/** Arrows for every graph edge between drawn layers: straight to the next, arched over for skips. */
function connect(ctx: Ctx, nodes: Map<string, NodeTruth>, horizontal: boolean, arrows = true): EdgeTruth[] {
  const edges: EdgeTruth[] = [];
  const order = ctx.graph.layers.map((l) => l.id).filter((id) => nodes.has(id));
  for (const layer of ctx.graph.layers) {
    const to = nodes.get(layer.id);
    if (!to) continue;
    for (const input of layer.inputs ?? []) {
      const from = nodes.get(input);
      if (!from) continue;
      const adjacent = order.indexOf(layer.id) - order.indexOf(input) === 1;
      let tail: Point;
      let head: Point;
      // A skip arc leaves from over a node's caption and passes over those of the nodes it spans, not through them.
      const top = (n: NodeTruth) => Math.min(n.box[1], ...n.texts.map((t) => t.box[1] - 2));
      const spanned = order.slice(order.indexOf(input), order.indexOf(layer.id) + 1).map((id) => top(nodes.get(id)!));
      if (horizontal) {
        tail = [from.box[2], adjacent ? (from.box[1] + from.box[3]) / 2 : top(from)];
        head = [to.box[0], adjacent ? (to.box[1] + to.box[3]) / 2 : top(to)];
      } else {
        tail = [adjacent ? (from.box[0] + from.box[2]) / 2 : from.box[2], from.box[3]];
        head = [adjacent ? (to.box[0] + to.box[2]) / 2 : to.box[2], to.box[1]];
      }
      if (adjacent) {
        ctx.svg.line(tail[0], tail[1], head[0], head[1], ctx.ink, ctx.stroke, arrows);
      } else {
        // A skip connection: arc above (or right of) the blocks in between.
        const lift = 25 + 10 * (order.indexOf(layer.id) - order.indexOf(input));
        const over = Math.min(...spanned) - lift;
        const c1: Point = horizontal ? [tail[0], over] : [tail[0] + lift, tail[1]];
        const c2: Point = horizontal ? [head[0], over] : [head[0] + lift, head[1]];
        ctx.svg.path(`M${tail[0]},${tail[1]} C${c1[0]},${c1[1]} ${c2[0]},${c2[1]} ${head[0]},${head[1]}`, ctx.ink, ctx.stroke);
        ctx.extents.push(
          boxOf([
            [...tail, ...tail],
            [...c1, ...c1],
            [...c2, ...c2],
            [...head, ...head],
          ] as Box[]),
        );
      }
      edges.push({ from: input, to: layer.id, tail: round(tail), head: round(head) });
    }
  }
  return edges;
}

function round(p: Point): Point {
  return [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100];
}

function finish(
  style: DrawnFigure['style'],
  ctx: Ctx,
  nodes: Map<string, NodeTruth>,
  edges: EdgeTruth[],
  extra: Record<string, string | number | boolean> = {},
): DrawnFigure {
  const margin = 20;
  const drawn = [...nodes.values()];
  const bounds = boxOf([
    ...drawn.map((n) => n.box),
    ...drawn.flatMap((n) => n.texts.map((t) => t.box)),
    ...edges.map((e) => [...e.tail, ...e.head] as Box),
    ...ctx.extents,
  ]);
  // Skip arcs and tall blocks may stray above or left of the origin: move the drawing to a fixed margin.
  const dx = margin - bounds[0];
  const dy = margin - bounds[1];
  const move = (b: Box): Box => [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy].map((v) => Math.round(v * 100) / 100) as Box;
  const movePoint = (p: Point): Point => round([p[0] + dx, p[1] + dy]);
  const width = Math.ceil(bounds[2] - bounds[0] + 2 * margin);
  const height = Math.ceil(bounds[3] - bounds[1] + 2 * margin);
  return {
    style,
    svg: ctx.svg.finish(width, height, [dx, dy]),
    width,
    height,
    nodes: drawn.map((n) => ({ ...n, box: move(n.box), texts: n.texts.map((t) => ({ ...t, box: move(t.box) })) })),
    edges: edges.map((e) => ({ ...e, tail: movePoint(e.tail), head: movePoint(e.head) })),
    fonts: [ctx.svg.font.family],
    variation: { font: ctx.svg.font.family, fontSize: ctx.size, penWidth: ctx.stroke, ink: ctx.ink, ...extra },
  };
}

/** Boxes with text joined by arrows, in a row or a column. */
export function drawFlow2d(model: SynthModel, rng: Random): DrawnFigure {
  const ctx = context(model, rng);
  const horizontal = rng.chance(0.5);
  const palette = rng.pick(PALETTES);
  const rounded = rng.pick([0, 0, 4, 8]);
  const gap = rng.int(18, 40);
  const nodes = new Map<string, NodeTruth>();
  let cursor = 20 + (horizontal ? 0 : 60);
  const lineHeight = ctx.size * 1.3;
  for (const layer of ctx.graph.layers) {
    const label = shortLabel(layer, ctx.shapes.get(layer.id));
    const w = ctx.svg.textWidth(label, ctx.size) + 16;
    const h = lineHeight + 12;
    const [x, y] = horizontal ? [cursor, 80] : [80, cursor];
    const bw = horizontal ? w : Math.max(w, 150);
    ctx.svg.rect(x, y, bw, h, colourOf(layer, palette), ctx.ink, ctx.stroke, rounded);
    const text = ctx.svg.text(x + bw / 2, y + h / 2 + ctx.size * 0.35, label, ctx.size, { fill: ctx.ink });
    nodes.set(layer.id, node(layer, [x, y, x + bw, y + h], [text]));
    cursor += (horizontal ? bw : h) + gap;
  }
  return finish('flow2d', ctx, nodes, connect(ctx, nodes, horizontal), { horizontal });
}

/** Upright blocks side by side with rotated labels, as in many CNN papers' overview strips. */
export function drawPipeline(model: SynthModel, rng: Random): DrawnFigure {
  const ctx = context(model, rng);
  const palette = rng.pick(PALETTES);
  const nodes = new Map<string, NodeTruth>();
  const blockW = ctx.size * 2;
  // Often the blocks touch, one strip with an arrow in and out, as in VGG overview figures.
  const touching = rng.chance(0.4);
  const gap = touching ? 0 : rng.int(14, 30);
  const heights = ctx.graph.layers.map((l) => ctx.svg.textWidth(shortLabel(l, ctx.shapes.get(l.id)), ctx.size, touching) + 20);
  const blockH = Math.max(...heights);
  const y = 80;
  let x = touching ? 70 : 20;
  for (const layer of ctx.graph.layers) {
    ctx.svg.rect(x, y, blockW, blockH, colourOf(layer, palette), ctx.ink, ctx.stroke, touching ? 0 : rng.pick([0, 3]));
    const text = ctx.svg.text(x + blockW / 2 + ctx.size * 0.35, y + blockH / 2, shortLabel(layer, ctx.shapes.get(layer.id)), ctx.size, {
      rotate: true,
      fill: ctx.ink,
      bold: touching,
    });
    nodes.set(layer.id, node(layer, [x, y, x + blockW, y + blockH], [text]));
    x += blockW + gap;
  }
  if (touching) {
    const colour = rng.pick(['#1f8dd6', ctx.ink, '#555555']);
    ctx.svg.line(20, y + blockH / 2, 66, y + blockH / 2, colour, 6, true);
    ctx.svg.line(x + 4, y + blockH / 2, x + 50, y + blockH / 2, colour, 6, true);
    ctx.extents.push([20, y, x + 54, y + blockH]);
  }
  return finish('pipeline', ctx, nodes, connect(ctx, nodes, true, !touching), { touching });
}

/**
 * Where a block `width` wide goes at `x` or later so that its centred `labels` start a space after the texts of the
 * block before (ending at `textsEnd`): no figure runs one block's label into the next's.
 */
function clearOfTexts(ctx: Ctx, x: number, width: number, textsEnd: number, labels: Array<[string, number]>): number {
  const half = Math.max(...labels.map(([text, size]) => ctx.svg.textWidth(text, size))) / 2;
  return Math.max(x, textsEnd + ctx.size + half - width / 2);
}

/** Log-scaled drawing size of a feature-map side. */
function side(n: number, base: number): number {
  return base * (0.4 + Math.log2(1 + n) / 6);
}

/** Feature maps as stacks of offset squares (LeNet style), vectors as thin bars, captions above. */
export function drawStacked2d(model: SynthModel, rng: Random): DrawnFigure {
  const ctx = context(model, rng);
  const nodes = new Map<string, NodeTruth>();
  const fill = rng.pick(['#ffffff', '#dddddd', '#cfe2f3', '#fff2cc']);
  const times = rng.pick(['×', 'x']);
  let x = 20;
  let textsEnd = -Infinity;
  const mid = 200;
  for (const layer of ctx.graph.layers) {
    const shape = ctx.shapes.get(layer.id) ?? [1];
    const isMap = shape.length === 3;
    const s = isMap ? side(shape[0]!, 80) : 14;
    const h = isMap ? s : side(shape[shape.length - 1]!, 90);
    const copies = isMap ? Math.min(6, 2 + Math.floor(Math.log2(shape[2]!) / 2)) : 1;
    const offset = 6;
    const caption = isMap ? `${shape[2]}@${shape[0]}${times}${shape[1]}` : `${shape.join(times)}`;
    const name = shortLabel(layer, shape).split(' ')[0]!;
    x = clearOfTexts(ctx, x, s + (copies - 1) * offset, textsEnd, [
      [name, ctx.size],
      [caption, ctx.size],
    ]);
    for (let i = copies - 1; i >= 0; i--) ctx.svg.rect(x + i * offset, mid - h / 2 - i * offset, s, h, fill, ctx.ink, ctx.stroke);
    const box: Box = [x, mid - h / 2 - (copies - 1) * offset, x + s + (copies - 1) * offset, mid + h / 2];
    const cx = (box[0] + box[2]) / 2;
    const t1 = ctx.svg.text(cx, box[1] - 8 - ctx.size * 1.2, name, ctx.size, { fill: ctx.ink });
    const t2 = ctx.svg.text(cx, box[1] - 8, caption, ctx.size, { fill: ctx.ink });
    nodes.set(layer.id, node(layer, box, [t1, t2]));
    textsEnd = Math.max(t1.box[2], t2.box[2]);
    x = Math.max(box[2], textsEnd) + rng.int(25, 45);
  }
  return finish('stacked2d', ctx, nodes, connect(ctx, nodes, true), { fill });
}

/**
 * Kinds an unnamed cuboid still shows by its form and sizes (the input first, maps changing depth or shrinking,
 * a long bar after maps, short bars): papers leave these unnamed. Any other layer drawn as a block of its own
 * (a dropout, a concatenation, an embedding) is named, or no reader could tell it.
 */
function toldByForm(layer: Layer): boolean {
  return ['Input', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense'].includes(layer.type);
}

/** 3-D boxes sized by height, width and channels (AlexNet / PlotNeuralNet style) with dimension labels. */
export function drawCuboids3d(model: SynthModel, rng: Random): DrawnFigure {
  const ctx = context(model, rng);
  const palette = rng.pick(PALETTES);
  const nodes = new Map<string, NodeTruth>();
  const mid = 220;
  let x = 30;
  let textsEnd = -Infinity;
  for (const layer of ctx.graph.layers) {
    const shape = ctx.shapes.get(layer.id) ?? [1];
    const h = shape.length === 3 ? side(shape[0]!, 110) : Math.min(260, side(shape[shape.length - 1]!, 120));
    const depthPx = shape.length === 3 ? side(shape[0]!, 50) : 10;
    const w = shape.length === 3 ? Math.max(4, side(shape[2]!, 18)) : 8;
    const top = mid - h / 2;
    const dx = depthPx * 0.7;
    const dy = depthPx * 0.5;
    const size = shape.join('×');
    const name = rng.chance(0.6) || !toldByForm(layer) ? shortLabel(layer, shape).split(',')[0]! : undefined;
    x = clearOfTexts(ctx, x, w + dx, textsEnd, [[size, ctx.size * 0.9], ...(name ? [[name, ctx.size] as [string, number]] : [])]);
    const face = colourOf(layer, palette);
    ctx.svg.rect(x, top, w, h, face, ctx.ink, ctx.stroke);
    ctx.svg.polygon(
      [
        [x, top],
        [x + dx, top - dy],
        [x + w + dx, top - dy],
        [x + w, top],
      ],
      face,
      ctx.ink,
      ctx.stroke,
    );
    ctx.svg.polygon(
      [
        [x + w, top],
        [x + w + dx, top - dy],
        [x + w + dx, top + h - dy],
        [x + w, top + h],
      ],
      face,
      ctx.ink,
      ctx.stroke,
    );
    const box: Box = [x, top - dy, x + w + dx, top + h];
    const texts = [ctx.svg.text((box[0] + box[2]) / 2, box[3] + ctx.size * 1.3, size, ctx.size * 0.9, { fill: ctx.ink })];
    if (name) texts.push(ctx.svg.text((box[0] + box[2]) / 2, box[1] - 6, name, ctx.size, { fill: ctx.ink }));
    nodes.set(layer.id, node(layer, box, texts));
    textsEnd = Math.max(...texts.map((t) => t.box[2]));
    x = Math.max(box[2], textsEnd) + rng.int(20, 40);
  }
  return finish('cuboids3d', ctx, nodes, connect(ctx, nodes, true), {});
}

/** Each layer as a column of neurons, fully connected to the next; long columns elided with dots. */
export function drawNeurons(model: SynthModel, rng: Random): DrawnFigure {
  const ctx = context(model, rng);
  const radius = rng.int(6, 12);
  const fill = rng.pick(['#ffffff', '#9fc5e8', '#f9cb9c', '#b6d7a8']);
  const nodes = new Map<string, NodeTruth>();
  const columns: Array<{ id: string; centres: Point[] }> = [];
  const spacing = radius * 2.8;
  const gap = rng.int(60, 110);
  const mid = 40 + (8 * spacing) / 2 + 20;
  let x = 40;
  for (const layer of ctx.graph.layers) {
    const shape = ctx.shapes.get(layer.id) ?? [1];
    const units = shape[shape.length - 1]!;
    const count = Math.min(units, 8);
    const centres: Point[] = [];
    for (let i = 0; i < count; i++) centres.push([x, mid + (i - (count - 1) / 2) * spacing]);
    columns.push({ id: layer.id, centres });
    const top = centres[0]![1] - radius;
    const bottom = centres[centres.length - 1]![1] + radius;
    const texts = [ctx.svg.text(x, bottom + ctx.size * 1.6 + (units > 8 ? 10 : 0), shortLabel(layer, shape), ctx.size, { fill: ctx.ink })];
    nodes.set(layer.id, node(layer, [x - radius, top, x + radius, bottom], texts));
    // The next column far enough that its centred label clears this one by a space: no figure writes labels over each other.
    const next = ctx.graph.layers[columns.length];
    const nextHalf = next ? ctx.svg.textWidth(shortLabel(next, ctx.shapes.get(next.id)), ctx.size) / 2 : 0;
    x += Math.max(gap, (texts[0]!.box[2] - texts[0]!.box[0]) / 2 + nextHalf + ctx.size);
  }
  // Connections first so the neurons are drawn over them.
  const edges: EdgeTruth[] = [];
  const byId = new Map(columns.map((c) => [c.id, c]));
  const weight = Math.max(0.3, ctx.stroke * 0.4);
  for (const layer of ctx.graph.layers) {
    for (const input of layer.inputs ?? []) {
      const a = byId.get(input)!;
      const b = byId.get(layer.id)!;
      for (const p of a.centres) for (const q of b.centres) ctx.svg.line(p[0] + radius, p[1], q[0] - radius, q[1], '#777777', weight);
      const from = nodes.get(input)!;
      const to = nodes.get(layer.id)!;
      edges.push({ from: input, to: layer.id, tail: [from.box[2], (from.box[1] + from.box[3]) / 2], head: [to.box[0], (to.box[1] + to.box[3]) / 2] });
    }
  }
  for (const column of columns) {
    for (const [cx, cy] of column.centres) ctx.svg.circle(cx, cy, radius, fill, ctx.ink, ctx.stroke);
    const units = ctx.shapes.get(column.id)?.slice(-1)[0] ?? 1;
    if (units > 8) {
      const last = column.centres[column.centres.length - 1]!;
      for (let i = 1; i <= 3; i++) ctx.svg.circle(last[0], last[1] + radius + i * 4, 1.2, ctx.ink, ctx.ink, 0.5);
    }
  }
  return finish('neurons', ctx, nodes, edges, { radius, fill });
}

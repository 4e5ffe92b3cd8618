/**
 * Drawings whose layers are shapes along one flow (3-D cuboids, stacked feature maps, colour-coded slabs,
 * bars), read by geometry: the drawn blocks along the flow axis are the layers, in order; the text over,
 * under or on a block is its label, text in the gap between two blocks names the operation between them
 * (LeNet's "Convolutions", "pool/2" on an arrow), and a legend of colour swatches types the blocks of its
 * colours. What a block's own text leaves open comes from its peers of the same colour, then from its shape:
 * a first block is the input, a block drawn with a spatial extent is a convolution's output, a thin bar a
 * dense layer's. Sizes written on a block ("55 / 55 / 96", "6@28x28", "4096") become its output shape.
 *
 * The result is one label per layer in the words the shared label grammar reads (recognizeLabel), so a
 * type word means the same here as in a box, a table or a sentence.
 */
import { union, type Box } from '../geometry/index.ts';
import { recognizeLabel } from './labels.ts';
import type { DiagramNode } from './types.ts';

export type Colour = [number, number, number];

export interface StripBlock {
  box: Box;
  /** Fill colour; blocks of one colour are layers of one kind. */
  fill?: Colour;
  /** Solid area; a diagonal bar fills little of its box. */
  area?: number;
}

export interface StripText {
  box: Box;
  text: string;
}

export interface StripReading {
  /** One node per layer, in flow order, with a label recognizeLabel reads. */
  nodes: DiagramNode[];
  /** Layers typed by the words written on or beside them, by a legend or an operation label. */
  named: number;
  /** Layers typed from their colour or shape alone. */
  guessed: number;
  /** Drawn blocks with no text of their own at all (neither a name nor a size). */
  unlabelled: number;
  warnings: string[];
}

interface Unit {
  box: Box;
  /** The unit's place along the flow (see coreOf). */
  core: [number, number];
  blocks: StripBlock[];
  fill?: Colour;
  texts: StripText[];
  /** The operation written in the gap before this unit. */
  op?: StripText;
  /** Split off the end of a block of another colour (a pooling slab drawn on a convolution). */
  attached?: boolean;
}

const width = (b: Box) => b[2] - b[0];
const height = (b: Box) => b[3] - b[1];
const cx = (b: Box) => (b[0] + b[2]) / 2;
const colourDistance = (a: Colour, b: Colour) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
/** Colours closer than this are one colour (anti-aliasing, JPEG). */
const SAME_COLOUR = 28;
const transpose = (b: Box): Box => [b[1], b[0], b[3], b[2]];

/** A line of sizes only: "224×224×3", "6@28x28", "96", "55 55"; OCR often reads a small "×" as "%". */
const SIZE_LINE = /^[\d\s×xX*%@,/()]+$/;
const isSizeLine = (text: string) => /\d/.test(text) && SIZE_LINE.test(text.trim());

/**
 * Arrows drawn thick enough to pass for solid shapes: pieces lying along the flow (in flow coordinates, long
 * in x) and thin across it next to the strip's usual block, which stands a few text lines tall at least.
 */
function withoutConnectors(blocks: StripBlock[]): StripBlock[] {
  const heights = blocks.map((b) => height(b.box)).sort((a, b) => a - b);
  const usual = heights[heights.length >> 1] ?? 0;
  return blocks.filter((b) => !(height(b.box) <= 0.25 * usual && width(b.box) >= 2 * height(b.box)));
}

/** Legend entries: a small swatch with a label just to its right. Returns colour → label text. */
function takeLegend(
  blocks: StripBlock[],
  texts: StripText[],
  unit: number,
): { legend: Array<{ fill: Colour; text: string }>; blocks: StripBlock[]; texts: StripText[] } {
  const legend: Array<{ fill: Colour; text: string }> = [];
  const usedBlocks = new Set<StripBlock>();
  const usedTexts = new Set<StripText>();
  for (const block of blocks) {
    if (!block.fill || Math.max(width(block.box), height(block.box)) > 3.5 * unit) continue;
    const label = texts.find(
      (t) =>
        !usedTexts.has(t) &&
        t.box[0] >= block.box[2] - 1 &&
        t.box[0] - block.box[2] < 2 * unit &&
        Math.min(t.box[3], block.box[3]) - Math.max(t.box[1], block.box[1]) > 0.3 * height(t.box),
    );
    if (!label || isSizeLine(label.text) || !recognizeLabel(label.text)) continue;
    legend.push({ fill: block.fill, text: label.text });
    usedBlocks.add(block);
    usedTexts.add(label);
  }
  if (legend.length < 2) return { legend: [], blocks, texts };
  return { legend, blocks: blocks.filter((b) => !usedBlocks.has(b)), texts: texts.filter((t) => !usedTexts.has(t)) };
}

const fillRatio = (block: StripBlock) => (block.area ?? width(block.box) * height(block.box)) / Math.max(1, width(block.box) * height(block.box));

/**
 * Where a block stands along the flow: its span, or for a diagonal (a bar drawn in depth, which fills little
 * of its box) a narrow core round its middle, where the flow passes through it.
 */
function coreOf(block: StripBlock): [number, number] {
  if (fillRatio(block) >= 0.35) return [block.box[0], block.box[2]];
  const half = 0.1 * width(block.box);
  return [cx(block.box) - half, cx(block.box) + half];
}

/** Blocks that overlap along the flow are one layer's drawing (the faces of a cuboid, a stack of maps). */
function groupUnits(blocks: StripBlock[]): Unit[] {
  const units: Unit[] = [];
  for (const block of [...blocks].sort((a, b) => coreOf(a)[0] - coreOf(b)[0])) {
    const last = units[units.length - 1];
    const core = coreOf(block);
    const shared = last ? Math.min(last.core[1], core[1]) - Math.max(last.core[0], core[0]) : 0;
    if (last && shared > 0.5 * Math.min(core[1] - core[0], last.core[1] - last.core[0])) {
      last.blocks.push(block);
      last.box = union(last.box, block.box);
      last.core = [Math.min(last.core[0], core[0]), Math.max(last.core[1], core[1])];
    } else units.push({ box: [...block.box] as Box, core, blocks: [block], texts: [] });
  }
  for (const u of units) u.fill = [...u.blocks].sort((a, b) => (b.area ?? 0) - (a.area ?? 0))[0]!.fill;
  return units.flatMap(splitAttached);
}

/**
 * A smaller block of another colour at the downstream end of a unit (PlotNeuralNet draws pooling as a
 * coloured slab on the convolution it follows) is a layer of its own, right after the unit.
 */
function splitAttached(unit: Unit): Unit[] {
  const main = [...unit.blocks].sort((a, b) => (b.area ?? 0) - (a.area ?? 0))[0]!;
  if (!main.fill) return [unit];
  const tail = unit.blocks.filter(
    (b) =>
      b !== main &&
      b.fill &&
      colourDistance(b.fill, main.fill!) > 2 * SAME_COLOUR &&
      height(b.box) < 0.8 * height(main.box) &&
      cx(b.box) > cx(main.box) &&
      b.box[2] >= main.box[2] - 0.25 * width(main.box),
  );
  if (tail.length === 0) return [unit];
  const rest = unit.blocks.filter((b) => !tail.includes(b));
  const tailBox = tail.map((b) => b.box).reduce(union);
  const restBox = rest.map((b) => b.box).reduce(union);
  return [
    { ...unit, blocks: rest, box: restBox, core: [restBox[0], restBox[2]] },
    { box: tailBox, core: [tailBox[0], tailBox[2]], blocks: tail, fill: tail[0]!.fill, texts: [], attached: true },
  ];
}

/**
 * Bars of one width standing on one baseline with different heights are a bar chart, not layers: a strip's
 * blocks are centred on its flow, not stood on an axis.
 */
function isBarChart(units: Unit[]): boolean {
  if (units.length < 4) return false;
  const base = [...units.map((u) => u.box[3])].sort((a, b) => a - b)[units.length >> 1]!;
  const span = Math.max(...units.map((u) => u.box[3])) - Math.min(...units.map((u) => u.box[1]));
  const standing = units.filter((u) => Math.abs(u.box[3] - base) <= 0.02 * span);
  const heights = standing.map((u) => height(u.box));
  return standing.length >= 0.8 * units.length && Math.max(...heights) > 1.5 * Math.min(...heights);
}

/**
 * Most units made of blocks lying apart across the flow (a grid of sample images, columns of neurons) are no
 * strip: the faces of a cuboid and the maps of a stack touch or overlap.
 */
function isGrid(units: Unit[]): boolean {
  const apart = (u: Unit) => u.blocks.some((a) => u.blocks.some((b) => b.box[1] > a.box[3] + 2));
  return units.filter(apart).length >= units.length / 2;
}

/**
 * Columns of discs across the flow are a neuron plot, not layers drawn as blocks: at least two columns of three
 * or more discs of one size (a disc fills about π/4 of its box), or blocks that are mostly discs of one size. The
 * mesh between the columns is no block either.
 */
function isNeuronPlot(blocks: StripBlock[]): boolean {
  const discs = blocks.filter((b) => {
    const [w, h] = [width(b.box), height(b.box)];
    return w <= 1.2 * h && h <= 1.2 * w && fillRatio(b) >= 0.7 && fillRatio(b) <= 0.86;
  });
  const columns: StripBlock[][] = [];
  for (const disc of discs) {
    const column = columns.find(
      (c) => Math.abs(cx(c[0]!.box) - cx(disc.box)) < 0.5 * width(disc.box) && Math.abs(width(c[0]!.box) - width(disc.box)) <= 0.2 * width(disc.box),
    );
    if (column) column.push(disc);
    else columns.push([disc]);
  }
  // The mesh may swallow all but one disc of each column: a strip whose blocks are mostly like discs is one too.
  const like = Math.max(0, ...columns.map((c) => discs.filter((d) => Math.abs(width(d.box) - width(c[0]!.box)) <= 0.2 * width(c[0]!.box)).length));
  return columns.filter((c) => c.length >= 3).length >= 2 || (like >= 3 && like >= blocks.length / 2);
}

/** Lines written one under another in one column (a caption listing a block's layers) travel together. */
function stackLines(texts: StripText[], unit: number): StripText[][] {
  const stacks: Array<{ box: Box; lines: StripText[] }> = [];
  for (const text of [...texts].sort((a, b) => a.box[1] - b.box[1])) {
    const below = stacks.find((s) => {
      const gap = text.box[1] - s.box[3];
      const shared = Math.min(s.box[2], text.box[2]) - Math.max(s.box[0], text.box[0]);
      return gap > -0.3 * height(text.box) && gap < 0.9 * unit && shared > 0.3 * Math.min(width(s.box), width(text.box));
    });
    if (below) {
      below.lines.push(text);
      below.box = union(below.box, text.box);
    } else stacks.push({ box: [...text.box] as Box, lines: [text] });
  }
  return stacks.map((s) => s.lines);
}

/**
 * Each column of text goes to the unit whose span along the flow holds it. Text between two units at the
 * height of the flow (on the arrow) names the operation between them; a caption row under or over the
 * drawing belongs to the nearest unit, as captions are centred on a block's face rather than its whole span.
 */
function placeTexts(units: Unit[], texts: StripText[], unit: number): StripText[] {
  const unplaced: StripText[] = [];
  const middle = (u: Unit) => (u.core[0] + u.core[1]) / 2;
  for (const stack of stackLines(texts, unit)) {
    const box = stack.map((t) => t.box).reduce(union);
    const x = cx(box);
    const holders = units.filter((u) => x >= u.core[0] - 0.3 * unit && x <= u.core[1] + 0.3 * unit);
    if (holders.length) {
      // Among overlapping spans the unit whose middle is nearest; a pooling slab never owns a label it shares.
      const own = holders.sort((a, b) => Number(!!a.attached) - Number(!!b.attached) || Math.abs(middle(a) - x) - Math.abs(middle(b) - x))[0]!;
      own.texts.push(...stack);
      continue;
    }
    const next = units.findIndex((u) => u.core[0] > x);
    const y = (box[1] + box[3]) / 2;
    const onFlow = next > 0 && [units[next - 1]!, units[next]!].every((u) => y >= u.box[1] && y <= u.box[3]);
    const text = stack.map((t) => t.text).join(' ');
    if (onFlow && !units[next]!.op && recognizeLabel(text) && !isSizeLine(text)) {
      units[next]!.op = { box, text };
      continue;
    }
    const nearest = [...units].sort((a, b) => Math.abs(middle(a) - x) - Math.abs(middle(b) - x))[0];
    if (!onFlow && nearest && Math.abs(middle(nearest) - x) < Math.max(width(nearest.box), 3 * unit)) nearest.texts.push(...stack);
    else unplaced.push(...stack);
  }
  return unplaced;
}

/** The output shape a unit's size lines state: [h, w, c] for maps, [n] for a vector; undefined when unsure. */
function statedShape(lines: string[], previous: number[] | undefined): number[] | undefined {
  const joined = lines.join(' ');
  const maps = joined.match(/(\d+)\s*@\s*(\d+)\s*[x×X*%]\s*(\d+)/);
  if (maps) return [Number(maps[2]), Number(maps[3]), Number(maps[1])];
  const triple = joined.match(/(\d+)\s*[x×X*%]\s*(\d+)\s*[x×X*%]\s*(\d+)/);
  if (triple) {
    const [a, b, c] = [Number(triple[1]), Number(triple[2]), Number(triple[3])];
    // Channels first when the last two are the equal pair ("96x55x55").
    return a === b || b !== c ? [a, b, c] : [b, c, a];
  }
  const numbers = [...new Set((joined.match(/\d+/g) ?? []).map(Number))].filter((n) => n > 0);
  if (numbers.length === 1) {
    const pair = joined.match(/(\d+)\s*[x×X*%]\s*(\d+)/);
    return pair ? [Number(pair[1]), Number(pair[2]), previous?.[2] ?? 1] : [numbers[0]!];
  }
  if (numbers.length === 2) {
    const [small, large] = numbers.sort((a, b) => a - b) as [number, number];
    // An image has a few channels; later maps keep or shrink the side before them and are mostly deeper than wide.
    const side = previous?.length === 3 ? previous[0]! : undefined;
    const keepsSide = (n: number) => side !== undefined && [1, 2, 4].some((k) => side / k === n);
    const spatial = small <= 4 ? large : keepsSide(large) && !keepsSide(small) ? large : small;
    return [spatial, spatial, spatial === large ? small : large];
  }
  return undefined;
}

/**
 * A bar stands for a vector: narrow along the flow and tall across it, or a diagonal (a PlotNeuralNet dense
 * layer) that fills little of its box. A block long along the flow is a cuboid seen from the side.
 */
function isBar(unit: Unit): boolean {
  const [w, h] = [width(unit.box), height(unit.box)];
  return w < 0.3 * h || unit.blocks.every((b) => fillRatio(b) < 0.35);
}

/** The label text that names a unit's layer, and whether its type came from the drawing rather than its words. */
interface Labelled {
  unit: Unit;
  words: string;
  /** Several layers listed under one block ("Conv. Layers / 1x1x128 / 3x3x256 / Maxpool Layer / 2x2-s-2"). */
  list?: string[];
  shape?: number[];
  /** The product of the numbers of its size line ("1×1×128", "128×25": the values it holds). */
  size?: number;
  type?: string;
  guessed?: string;
}

/** What a size line says a block holds: the product of its numbers ("6@28x28" 4704); undefined without one. */
function writtenSize(lines: string[]): number | undefined {
  const numbers = (lines[0]?.match(/\d+/g) ?? []).map(Number);
  return numbers.length ? numbers.reduce((a, b) => a * b, 1) : undefined;
}

const SHAPE_WORD: Record<string, string> = { Input: 'Input', Conv2D: 'Conv', Dense: 'FC', MaxPool2D: 'MaxPool', AvgPool2D: 'AvgPool' };

export function readStrip(blocksIn: readonly StripBlock[], textsIn: readonly StripText[], textHeight: number): StripReading | undefined {
  const spreadX = Math.max(...blocksIn.map((b) => cx(b.box))) - Math.min(...blocksIn.map((b) => cx(b.box)));
  const spreadY = Math.max(...blocksIn.map((b) => (b.box[1] + b.box[3]) / 2)) - Math.min(...blocksIn.map((b) => (b.box[1] + b.box[3]) / 2));
  // A flow down the page is read as one across it, turned.
  const turned = spreadY > spreadX;
  const turn = (b: Box) => (turned ? transpose(b) : b);
  let blocks = blocksIn.map((b) => ({ ...b, box: turn(b.box) }));
  let texts = textsIn.filter((t) => t.text.trim()).map((t) => ({ ...t, box: turn(t.box) }));
  const warnings: string[] = [];
  if (isNeuronPlot(blocks)) return undefined;
  blocks = withoutConnectors(blocks);
  const taken = takeLegend(blocks, texts, textHeight);
  ({ blocks, texts } = taken);
  const units = groupUnits(blocks);
  if (units.length < 3 || isBarChart(units) || isGrid(units)) return undefined;
  const unplaced = placeTexts(units, texts, textHeight);
  const numbersLeft = unplaced.filter((t) => /\d/.test(t.text)).length;
  if (numbersLeft) warnings.push(`${numbersLeft} number label(s) could not be placed on a drawn block`);

  // First what each unit's own words say, then colour peers and the legend, then the shape.
  let previous: number[] | undefined;
  const labelled: Labelled[] = units.map((unit) => {
    const ordered = [...unit.texts].sort((a, b) => a.box[1] - b.box[1]);
    const list = layerList(baselines(ordered));
    if (list) return { unit, words: list.join('\n'), list, type: recognizeLabel(list[0]!)!.type };
    const words = ordered
      .filter((t) => !isSizeLine(t.text))
      .map((t) => t.text)
      .join('\n');
    const sizeLines = ordered.filter((t) => isSizeLine(t.text)).map((t) => t.text);
    const shape = statedShape(sizeLines, previous);
    if (shape) previous = shape;
    const type = words ? recognizeLabel(words)?.type : undefined;
    return { unit, words: type ? words : '', shape, size: writtenSize(sizeLines), type };
  });
  const legend = taken.legend.map((l) => ({ fill: l.fill, text: l.text, type: recognizeLabel(l.text)!.type }));
  // Colour codes a kind only where the drawing uses several colours and each labelled colour names one kind.
  const fills = labelled.flatMap((l) => (l.unit.fill ? [l.unit.fill] : []));
  const coloured = fills.some((f) => colourDistance(f, fills[0]!) > SAME_COLOUR);
  // Peers share colour and drawn form: one colour may serve maps and bars alike.
  const peersOf = (l: Labelled) =>
    labelled.filter(
      (p) =>
        p !== l &&
        p.type &&
        // A figure has one input: the colour of its block types nothing else.
        p.type !== 'Input' &&
        !p.guessed &&
        p.unit.fill &&
        l.unit.fill &&
        colourDistance(p.unit.fill, l.unit.fill) <= SAME_COLOUR &&
        isBar(p.unit) === isBar(l.unit),
    );
  labelled.forEach((l, k) => {
    if (l.type) return;
    const fill = l.unit.fill;
    const fromLegend = fill && legend.find((e) => colourDistance(e.fill, fill) <= SAME_COLOUR);
    const peers = coloured ? peersOf(l) : [];
    const peer = new Set(peers.map((p) => p.type)).size === 1 ? peers[0] : undefined;
    const op = l.unit.op && recognizeLabel(l.unit.op.text);
    const before = labelled[k - 1];
    // A vector holding exactly what the maps last sized before it held is those maps flattened.
    const sized = labelled.slice(0, k).findLast((p) => p.size !== undefined);
    const flattened = isBar(l.unit) && l.shape?.length === 1 && (sized?.shape?.length ?? 0) > 1 && sized!.size === l.shape[0];
    if (op) [l.words, l.type] = [l.unit.op!.text, op.type];
    else if (fromLegend) [l.words, l.type] = [fromLegend.text, fromLegend.type];
    // The first block drawn is the data going in, whatever colour it shares with later layers.
    else if (k === 0) [l.type, l.guessed] = ['Input', 'its place'];
    else if (flattened) [l.type, l.guessed] = ['Flatten', 'its size'];
    else if (peer) [l.type, l.guessed] = [peer.type, 'the colour of a labelled block'];
    else {
      const sameMaps =
        before?.shape && l.shape && before.shape.length === 3 && l.shape.length === 3 && l.shape[2] === before.shape[2] && l.shape[0]! < before.shape[0]!;
      const type = l.unit.attached || sameMaps ? 'MaxPool2D' : l.shape?.length === 3 || !isBar(l.unit) ? 'Conv2D' : 'Dense';
      [l.type, l.guessed] = [type, 'its shape'];
    }
  });
  // Vectors come after maps: a bar guessed dense with maps still to come is a block of maps seen edge-on.
  labelled.forEach((l, k) => {
    if (l.guessed && l.type === 'Dense' && labelled.slice(k + 1).some((later) => later.type === 'Conv2D')) l.type = 'Conv2D';
  });
  // An operation in a gap before a unit that names its own layer is a layer of its own.
  const nodes: DiagramNode[] = [];
  const guessedTypes: string[] = [];
  for (const l of labelled) {
    const op = l.unit.op;
    if (op && l.words !== op.text) nodes.push({ id: `op${nodes.length + 1}`, box: turn(op.box), text: op.text, shape: 'rect' });
    if (l.list) {
      for (const label of l.list) nodes.push({ id: `b${nodes.length + 1}`, box: turn(l.unit.box), text: label, shape: 'rect' });
      continue;
    }
    const word = l.words || SHAPE_WORD[l.type!] || l.type!;
    nodes.push({
      id: `b${nodes.length + 1}`,
      box: turn(l.unit.box),
      text: [word, sizeText(l.type!, l.shape)].filter(Boolean).join(' '),
      shape: 'rect',
      ...(l.guessed ? { guessed: true } : {}),
    });
    if (l.guessed) guessedTypes.push(`${nodes[nodes.length - 1]!.id} (${l.type}, from ${l.guessed})`);
  }
  if (guessedTypes.length) warnings.push(`${guessedTypes.length} drawn block(s) carry no layer name; typed by ${guessedTypes.join(', ')}`);
  const unlabelled = units.filter((u) => u.texts.length === 0 && !u.op).length;
  return { nodes, named: nodes.length - guessedTypes.length, guessed: guessedTypes.length, unlabelled, warnings };
}

/** Texts on one baseline joined left to right ("Conv." + "Layers"), lines top to bottom. */
function baselines(texts: StripText[]): string[] {
  const lines: StripText[][] = [];
  for (const t of [...texts].sort((a, b) => a.box[1] - b.box[1])) {
    const line = lines.find((l) => Math.min(l[0]!.box[3], t.box[3]) - Math.max(l[0]!.box[1], t.box[1]) > 0.5 * Math.min(height(l[0]!.box), height(t.box)));
    if (line) line.push(t);
    else lines.push([t]);
  }
  return lines.map((l) =>
    l
      .sort((a, b) => a.box[0] - b.box[0])
      .map((t) => t.text)
      .join(' '),
  );
}

/** "7x7x64-s-2", "3x3x1024", "2x2-s2": a window, an optional count of maps and an optional stride. */
const LAYER_SPEC = /^(\d{1,2})\s*[x×]\s*(\d{1,2})(?:\s*[x×]\s*(\d{1,5}))?(?:\s*-\s*s\s*-?\s*(\d))?$/i;
const WINDOWED = new Set(['Conv2D', 'Conv2DTranspose', 'DepthwiseConv2D', 'MaxPool2D', 'AvgPool2D']);

/**
 * A caption that lists layers under one block: a type line ("Conv. Layers", "Maxpool Layer") followed by one
 * spec line per layer of that type ("1x1x128", "3x3x256") or by the window of a pooling ("2x2-s-2"). Returns
 * one label per layer in the label grammar's words, or undefined when the lines are no such list.
 */
function layerList(lines: string[]): string[] | undefined {
  const labels: string[] = [];
  let current: { type: string; word: string; specs: number } | undefined;
  let specs = 0;
  const close = () => {
    if (current && current.specs === 0) labels.push(current.word);
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    // A bare number is the block's size, written among its caption lines.
    if (/^\d+$/.test(line)) continue;
    const spec = line.match(LAYER_SPEC);
    if (spec && current && WINDOWED.has(current.type)) {
      const [, k1, k2, maps, stride] = spec;
      const pooling = current.type === 'MaxPool2D' || current.type === 'AvgPool2D';
      if (pooling && current.specs > 0) return undefined;
      labels.push(`${current.word} ${k1}x${k2}${stride ? `/${stride}` : ''}${maps && !pooling ? `, ${maps}` : ''}`);
      current.specs++;
      specs++;
      continue;
    }
    const type = recognizeLabel(line)?.type;
    if (!type || isSizeLine(line)) return undefined;
    close();
    current = { type, word: SHAPE_WORD[type] ?? line, specs: 0 };
  }
  close();
  return specs > 0 && labels.length >= 2 ? labels : undefined;
}

/** A stated output shape in the label grammar's tensor words: "96@55x55" for maps, "units 4096" for a vector. */
function sizeText(type: string, shape: number[] | undefined): string {
  if (!shape) return '';
  if (shape.length === 3) return type === 'Dense' ? `units ${shape[2]}` : `${shape[2]}@${shape[0]}x${shape[1]}`;
  // One number on a block of maps is its map count; on a bar, its length.
  return type === 'Dense' ? `units ${shape[0]}` : type === 'Input' ? '' : `${shape[0]}`;
}

/**
 * Whether a strip reading should stand over the free labels of the same figure: when those name few layers,
 * or when the strip names as many and its blocks mostly carry text of their own (a neuron drawing's mesh or
 * a stack of maps cut into pieces does not).
 */
export function stripBeatsLabels(strip: StripReading, namedLabels: number, namedElsewhere: number): boolean {
  // Blocks typed by guesses alone never replace boxes whose words name a layer (a draw_net plot whose text OCR
  // misses in the whole-figure reading, its boxes and blobs then passing for slabs).
  if (strip.nodes.length <= namedElsewhere || (strip.named === 0 && namedElsewhere > 0)) return false;
  return namedLabels < 3 || (strip.named >= namedLabels && strip.unlabelled <= strip.nodes.length / 3);
}

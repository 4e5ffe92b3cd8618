/**
 * A vector figure on a PDF page → nodes and edges, exactly: boxes are the drawn rectangles/shapes that hold
 * text, edges are the line/curve paths whose ends land on two boxes, and a small filled shape at one end (an
 * arrow head) says which box is the target. Figures without text boxes (PlotNeuralNet, TikZ blocks) fall
 * back to their free labels in reading order.
 */
import { groupLines, type Page, type PathItem, type TextItem } from '../paper/index.ts';
import { recognizeLabel } from './labels.ts';
import { readStrip, stripBeatsLabels, type StripBlock, type StripText } from './strip.ts';
import type { Box, DiagramEdge, DiagramNode } from './types.ts';

export interface VectorReading {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  warnings: string[];
}

const width = (b: Box) => b[2] - b[0];
const height = (b: Box) => b[3] - b[1];
const area = (b: Box) => width(b) * height(b);
const centre = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
const inside = (b: Box, [x, y]: [number, number], slack = 0) => x >= b[0] - slack && x <= b[2] + slack && y >= b[1] - slack && y <= b[3] + slack;
/** Gap between two boxes (0 when they touch or overlap). */
const gap = (a: Box, b: Box) => Math.hypot(Math.max(0, a[0] - b[2], b[0] - a[2]), Math.max(0, a[1] - b[3], b[1] - a[3]));
const contains = (a: Box, b: Box, slack = 0.5) => b[0] >= a[0] - slack && b[1] >= a[1] - slack && b[2] <= a[2] + slack && b[3] <= a[3] + slack;

/** Text lines (top to bottom) of a set of items. */
function textOf(items: TextItem[]): string {
  return groupLines(
    items.map((t) => ({ ...t, rotated: false })),
    0.8,
  )
    .map((l) => l.text)
    .join('\n');
}

function isArrowHead(p: PathItem, fontSize: number): boolean {
  return (
    p.filled &&
    (p.kind === 'shape' || p.kind === 'rect' || p.kind === 'curve') &&
    width(p.box) < fontSize * 1.6 &&
    height(p.box) < fontSize * 1.6 &&
    area(p.box) > 0.5
  );
}

type Chunk = ReturnType<typeof groupLines>[number]['chunks'][number];

/**
 * Bare numbers spaced along one line ("512   512   512" over "conv4", one per drawn block) are one row
 * of widths, not separate labels.
 */
function joinWidthRow(chunks: Chunk[], size: number): Chunk[] {
  const out: Chunk[] = [];
  const bare = (c: Chunk) => /^\d+(?:\s+\d+)*$/.test(c.text.trim());
  for (const chunk of [...chunks].sort((a, b) => a.box[0] - b.box[0])) {
    const last = out[out.length - 1];
    if (last && bare(last) && bare(chunk) && chunk.box[0] - last.box[2] < size * 3) {
      out[out.length - 1] = {
        ...last,
        text: `${last.text} ${chunk.text}`,
        box: [last.box[0], Math.min(last.box[1], chunk.box[1]), chunk.box[2], Math.max(last.box[3], chunk.box[3])],
        items: [...last.items, ...chunk.items],
      };
    } else out.push(chunk);
  }
  return out;
}

/** Free labels in label mode: lines stacked closely in one column form one node ("Convolution" / "7x7/2, 96"). */
function labelNodes(items: TextItem[], size: number): Array<{ box: Box; items: TextItem[] }> {
  const lines = groupLines(
    items.map((t) => ({ ...t, rotated: false })),
    0.8,
  ).flatMap((l) => joinWidthRow(l.chunks, size));
  const groups: Array<{ box: Box; items: TextItem[] }> = [];
  const widths = (t: string) => /^\d+(?:\s+\d+)+$/.test(t.trim());
  for (const chunk of lines.sort((a, b) => a.box[1] - b.box[1])) {
    // A row of widths ("64 64") sits a little further from its block's name than a label's own lines.
    const rowOfWidths = widths(chunk.text);
    const reach = (g: { items: TextItem[] }) => (rowOfWidths || widths(g.items.map((i) => i.str).join(' ')) ? 1.2 : 0.6);
    // (the group's text is joined only for a group beside the chunk: a figure has hundreds of labels)
    const below = groups.find(
      (g) => chunk.box[1] >= g.box[1] && Math.abs(centre(g.box)[0] - centre(chunk.box)[0]) < size * 2 && chunk.box[1] - g.box[3] < size * reach(g),
    );
    if (below) {
      below.items.push(...chunk.items);
      below.box = [Math.min(below.box[0], chunk.box[0]), below.box[1], Math.max(below.box[2], chunk.box[2]), Math.max(below.box[3], chunk.box[3])];
    } else groups.push({ box: [...chunk.box] as Box, items: [...chunk.items] });
  }
  return groups;
}

/** Filled shapes that may stand for layers: block-sized, and not a background behind the whole figure. */
function drawnBlocks(paths: PathItem[], bbox: Box, size: number): StripBlock[] {
  const [fw, fh] = [width(bbox), height(bbox)];
  return paths
    .filter((p) => p.filled && p.kind !== 'line' && Math.max(width(p.box), height(p.box)) > size * 1.5 && Math.min(width(p.box), height(p.box)) > size * 0.2)
    .filter((p) => !(width(p.box) > 0.75 * fw && height(p.box) > 0.6 * fh))
    .map((p) => ({ box: p.box, ...(p.fill ? { fill: p.fill } : {}), ...(p.area !== undefined ? { area: p.area } : {}) }));
}

/** The figure's text as runs on one baseline, each with its box. */
const textChunks = (items: TextItem[]): StripText[] =>
  groupLines(
    items.map((t) => ({ ...t, rotated: false })),
    0.8,
  ).flatMap((l) => l.chunks.map((c) => ({ box: c.box, text: c.text })));

export function readVector(page: Page, bbox: Box = [0, 0, page.width, page.height]): VectorReading {
  const warnings: string[] = [];
  const texts = page.texts.filter((t) => inside(bbox, centre(t.box), 1) && t.str.trim());
  const paths = page.paths.filter((p) => contains(bbox, p.box, 2));
  const size = texts.length ? texts.map((t) => t.size).sort((a, b) => a - b)[Math.floor(texts.length / 2)]! : 8;
  const figureArea = area(bbox);
  // Node outlines: rectangles, closed shapes and filled curves. An unfilled curve is a connector whose
  // bounding box merely happens to hold its label ("128x54x54" beside a Graphviz spline).
  const outline = (p: PathItem) => p.kind === 'rect' || p.kind === 'shape' || (p.kind === 'curve' && p.filled);
  const shapes = paths.filter((p) => outline(p) && width(p.box) > size * 1.2 && height(p.box) > size * 0.9 && area(p.box) < figureArea * 0.5);

  // Each text item joins the smallest shape around it.
  const owner = new Map<PathItem, TextItem[]>();
  const free: TextItem[] = [];
  for (const t of texts) {
    const host = shapes.filter((s) => inside(s.box, centre(t.box), 0.5)).sort((a, b) => area(a.box) - area(b.box))[0];
    if (host) owner.set(host, [...(owner.get(host) ?? []), t]);
    else free.push(t);
  }
  const boxed: DiagramNode[] = [...owner.entries()].map(([path, items], i) => ({
    id: `n${i + 1}`,
    box: path.box,
    text: textOf(items),
    shape: path.kind === 'rect' ? 'rect' : 'blob',
  }));
  const labels: DiagramNode[] = labelNodes(texts, size).map((g, i) => ({ id: `n${i + 1}`, box: g.box, text: textOf(g.items), shape: 'label' }));
  // Text on the faces of drawn blocks (PlotNeuralNet sizes) is not a box label: keep whichever reading names more layers.
  // Sizes ("96x109x109") read as Input shapes; they do not count as naming a layer.
  const named = (list: DiagramNode[]) => list.filter((n) => (recognizeLabel(n.text)?.type ?? 'Input') !== 'Input').length;
  if (boxed.length < 2 || named(labels) > named(boxed)) {
    // Blocks without boxed text (cuboids, stacked maps, slabs) are read by their geometry when that reads better.
    const strip = readStrip(drawnBlocks(paths, bbox, size), textChunks(texts), size);
    if (strip && stripBeatsLabels(strip, named(labels), boxed.length < 2 ? 0 : named(boxed))) {
      warnings.push('no labelled boxes in the figure: drawn blocks read in flow order', ...strip.warnings);
      return { nodes: strip.nodes, edges: [], warnings };
    }
    warnings.push('no labelled boxes in the figure: free labels read in layout order');
    return { nodes: labels, edges: [], warnings };
  }
  const nodes = boxed;
  // Rect-shaped nodes hold layers; in Graphviz drawings a blob shape can hold one too (draw_net octagons hold blob names).
  if (nodes.every((n) => n.shape === 'blob')) for (const n of nodes) n.shape = 'rect';

  const heads = paths.filter((p) => isArrowHead(p, size));
  const connectors = paths.filter((p) => (p.kind === 'line' || p.kind === 'curve') && !p.filled && p.stroked);
  const tol = Math.max(2, size * 0.4);
  const edges: DiagramEdge[] = [];
  const seen = new Set<string>();
  for (const c of connectors) {
    // The arrow heads drawn at this connector's ends extend it to the box they point at.
    const ownHeads = heads.filter((h) => gap(h.box, c.box) <= 1.5);
    const reach = ownHeads.reduce<Box>(
      (b, h) => [Math.min(b[0], h.box[0]), Math.min(b[1], h.box[1]), Math.max(b[2], h.box[2]), Math.max(b[3], h.box[3])],
      c.box,
    );
    const ends = nodes.filter((n) => gap(n.box, reach) <= tol && !contains(n.box, c.box, 1));
    if (ends.length < 2) continue;
    // The two ends: the nodes farthest apart among those the connector reaches.
    let pair: [DiagramNode, DiagramNode] = [ends[0]!, ends[1]!];
    let best = -1;
    for (const a of ends) {
      for (const b of ends) {
        const d = Math.hypot(centre(a.box)[0] - centre(b.box)[0], centre(a.box)[1] - centre(b.box)[1]);
        if (a !== b && d > best) [best, pair] = [d, [a, b]];
      }
    }
    const headAt = pair.map((n) => ownHeads.some((h) => gap(h.box, n.box) <= tol));
    let edge: DiagramEdge;
    if (headAt[0] !== headAt[1]) edge = headAt[1] ? { from: pair[0].id, to: pair[1].id, directed: true } : { from: pair[1].id, to: pair[0].id, directed: true };
    else edge = { from: pair[0].id, to: pair[1].id, directed: false };
    // Caffe draw_net writes num_output on the connector, MXNet the tensor shape ("96x109x109").
    const label = free.find((t) => /^\s*\d{1,5}(?:\s*x\s*\d{1,5}){0,3}\s*$/.test(t.str) && gap(t.box, c.box) <= size * 0.8);
    if (label) edge.label = label.str.trim();
    const key = `${edge.from}>${edge.to}`;
    if (!seen.has(key)) {
      seen.add(key);
      edges.push(edge);
    }
  }
  return { nodes, edges, warnings };
}

/**
 * Graphviz layout through @viz-js/viz (WebAssembly, same in Node and the browser): one layout gives the SVG
 * and its layout, which give the ground truth for node boxes, text lines and edge endpoints.
 */
import { instance, type Viz } from '@viz-js/viz';
import type { Box, EdgeTruth, NodeTruth, Point, TextTruth } from './truth.ts';

let vizPromise: Promise<Viz> | undefined;

/** One shared Graphviz instance; creating one compiles the WebAssembly module. */
export function getViz(): Promise<Viz> {
  vizPromise ??= instance();
  return vizPromise;
}

/** What a DOT node stands for in the model. */
export interface DotNodeMeta {
  layerId?: string;
  role: NodeTruth['role'];
}

/**
 * How drawn text differs from the text Graphviz measured. Graphviz's WebAssembly build only knows the metrics
 * of Times, Helvetica and Courier; a wider face is laid out at `widthFactor` × its size and drawn at its size.
 */
export interface FontChoice {
  /** Family written into the SVG, as the rasteriser knows it. */
  family: string;
  /** Family Graphviz measures text with. */
  metric: string;
  widthFactor: number;
}

export interface GraphvizFigure {
  svg: string;
  width: number;
  height: number;
  nodes: NodeTruth[];
  edges: EdgeTruth[];
}

interface LayoutObject {
  name: string;
  _gvid: number;
  pos?: string;
  width?: string;
  height?: string;
}

interface LayoutEdge {
  tail: number;
  head: number;
  label?: string;
  /** Spline: optional `s,x,y` and `e,x,y` (arrow tip) then the control points. */
  pos?: string;
}

interface LayoutGraph {
  objects?: LayoutObject[];
  edges?: LayoutEdge[];
}

/**
 * Lay out `dot` once, giving the SVG and the layout attributes (json0; the full xdot JSON costs several times
 * the layout). Node boxes and text come from the SVG's node groups, edge endpoints from the layout's splines.
 */
export function layoutDot(viz: Viz, dot: string, meta: Map<string, DotNodeMeta>, font: FontChoice): GraphvizFigure {
  const result = viz.renderFormats(dot, ['svg', 'json0']);
  if (result.status !== 'success') {
    throw new Error(`synth graphviz: layout failed: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  const rawSvg = result.output.svg!;
  const layout = JSON.parse(result.output.json0!) as LayoutGraph;
  const viewBox = /viewBox="([\d.\s-]+)"/.exec(rawSvg);
  const translate = /translate\(([\d.-]+)[ ,]([\d.-]+)\)/.exec(rawSvg);
  if (!viewBox || !translate) throw new Error('synth graphviz: SVG without viewBox or translate');
  const [, , width, height] = viewBox[1]!.trim().split(/\s+/).map(Number) as [number, number, number, number];
  const tx = Number(translate[1]);
  const ty = Number(translate[2]);
  // The SVG draws inside translate(tx, ty); layout coordinates have y pointing up.
  const fromSvg = (x: number, y: number): Point => [round(x + tx), round(y + ty)];
  const fromLayout = (x: number, y: number): Point => [round(x + tx), round(ty - y)];

  const nodes: NodeTruth[] = [];
  for (const match of rawSvg.matchAll(/<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>([\s\S]*?)<\/g>/g)) {
    const name = unescapeXml(match[1]!);
    const info = meta.get(name);
    if (!info) continue;
    const body = match[2]!;
    const box = drawnBox(body, fromSvg);
    const texts = textLines(body, fromSvg, font, box);
    nodes.push({
      id: name,
      ...(info.layerId !== undefined ? { layerId: info.layerId } : {}),
      role: info.role,
      label: texts.map((t) => t.text).join('\n'),
      box,
      texts,
    });
  }

  const names = new Map((layout.objects ?? []).map((o) => [o._gvid, o.name]));
  const edges: EdgeTruth[] = [];
  for (const edge of layout.edges ?? []) {
    const from = names.get(edge.tail);
    const to = names.get(edge.head);
    if (!from || !to || !meta.has(from) || !meta.has(to) || !edge.pos) continue;
    let start: number[] | undefined;
    let tip: number[] | undefined;
    const points: number[][] = [];
    for (const part of edge.pos.split(/\s+/)) {
      if (part.startsWith('s,')) start = part.slice(2).split(',').map(Number);
      else if (part.startsWith('e,')) tip = part.slice(2).split(',').map(Number);
      else points.push(part.split(',').map(Number));
    }
    start ??= points[0];
    tip ??= points[points.length - 1];
    if (!start || !tip) continue;
    edges.push({
      from,
      to,
      tail: fromLayout(start[0]!, start[1]!),
      head: fromLayout(tip[0]!, tip[1]!),
      ...(edge.label ? { label: edge.label } : {}),
    });
  }

  return { svg: rewriteSvg(rawSvg, width, height, font), width, height, nodes, edges };
}

/** The extent of everything a node group draws (polygons, polylines, paths, ellipses). */
function drawnBox(body: string, fromSvg: (x: number, y: number) => Point): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const add = (x: number, y: number): void => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  };
  for (const m of body.matchAll(/points="([^"]*)"/g)) {
    for (const pair of m[1]!.trim().split(/\s+/)) {
      const [x, y] = pair.split(',').map(Number);
      add(x!, y!);
    }
  }
  for (const m of body.matchAll(/<ellipse[^>]*cx="([\d.-]+)" cy="([\d.-]+)" rx="([\d.-]+)" ry="([\d.-]+)"/g)) {
    const [cx, cy, rx, ry] = m.slice(1).map(Number) as [number, number, number, number];
    add(cx - rx, cy - ry);
    add(cx + rx, cy + ry);
  }
  const [a, b] = fromSvg(x0, y0);
  const [c, d] = fromSvg(x1, y1);
  return [a, b, c, d];
}

/** Rough advance widths (em) by character class, for text boxes; Graphviz's own numbers are not in its SVG. */
function estimateWidth(text: string, size: number, metric: string): number {
  if (metric === 'Courier') return text.length * 0.6 * size;
  const serif = metric === 'Times-Roman';
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += serif ? 0.25 : 0.278;
    else if (/[0-9]/.test(ch)) em += serif ? 0.5 : 0.556;
    else if (/[A-Z]/.test(ch)) em += serif ? 0.68 : 0.68;
    else if (/[a-z]/.test(ch)) em += serif ? 0.46 : 0.52;
    else em += 0.33;
  }
  return em * size;
}

/**
 * The node's text as lines. HTML labels split a line into runs at font changes (always at a space in our
 * labels), so a run that starts or ends with a space joins the run before it on the same baseline.
 */
function textLines(body: string, fromSvg: (x: number, y: number) => Point, font: FontChoice, nodeBox: Box): TextTruth[] {
  const lines: TextTruth[] = [];
  let previous: { y: number; text: string } | undefined;
  for (const m of body.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1]!;
    const text = unescapeXml(m[2]!);
    const x = Number(/ x="([\d.-]+)"/.exec(attrs)?.[1] ?? 0);
    const y = Number(/ y="([\d.-]+)"/.exec(attrs)?.[1] ?? 0);
    const laidOut = Number(/font-size="([\d.]+)"/.exec(attrs)?.[1] ?? 14);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const w = estimateWidth(text, laidOut, font.metric);
    const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    const size = laidOut / font.widthFactor;
    const [sx0, top] = fromSvg(left, y - size * 0.8);
    const [sx1, bottom] = fromSvg(left + w, y + size * 0.25);
    const box: Box = [Math.max(sx0, nodeBox[0]), Math.max(top, nodeBox[1]), Math.min(sx1, nodeBox[2]), Math.min(bottom, nodeBox[3])];
    const last = lines[lines.length - 1];
    if (last && previous && previous.y === y && (text.startsWith(' ') || previous.text.endsWith(' '))) {
      last.text += text;
      last.box = [Math.min(last.box[0], box[0]), Math.min(last.box[1], box[1]), Math.max(last.box[2], box[2]), Math.max(last.box[3], box[3])];
    } else if (text.trim()) {
      lines.push({ text, box });
    }
    previous = { y, text };
  }
  for (const line of lines) line.text = line.text.trim().replace(/\s+/g, ' ');
  return lines;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Plain pixel size (no pt units, so 1 unit = 1 px), our font family, and the drawn font size. */
function rewriteSvg(svg: string, width: number, height: number, font: FontChoice): string {
  return svg
    .replace(/<svg width="[^"]*" height="[^"]*"/, `<svg width="${width}" height="${height}"`)
    .replace(/font-family="[^"]*"/g, `font-family="${font.family}"`)
    .replace(/font-size="([\d.]+)"/g, (_m, size: string) => `font-size="${round(Number(size) / font.widthFactor)}"`);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Quote a string for DOT. Backslashes pass through: they carry Graphviz escapes (`\n`, record `\{`). */
export function dotString(text: string): string {
  return `"${text.replace(/"/g, '\\"')}"`;
}

/** Escape text for a Graphviz record label field (`{ } | < >` are syntax there). */
export function recordText(text: string): string {
  return text.replace(/[{}|<>]/g, (c) => `\\${c}`);
}

/** Escape text for a Graphviz HTML-like label. */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

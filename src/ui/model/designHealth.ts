/**
 * How far a design can be trusted, said plainly for its card and the editor: does it validate, do its
 * shapes infer all the way through, do they agree with the sizes the paper states, and the open questions a
 * person should check against the paper, each with its place there.
 */
import { analyseGraph, type Graph, type Layer, type Shape } from '../../graph/index.ts';

/** A place in the paper to look at: a layer's source, or the design's. */
export interface PaperPlace {
  page: number;
  bbox?: [number, number, number, number];
}

export interface OpenQuestion {
  text: string;
  /** Where to check it in the paper, when known. */
  place?: PaperPlace;
}

export interface DesignHealth {
  errors: number;
  /** Layers whose output shape could not be worked out. */
  unknownShapes: number;
  /** "valid (shapes infer)", "valid, 3 shapes unknown", "2 errors". */
  status: string;
  /** Sizes the paper states that the inferred shapes match, of those it states: undefined when it states none. */
  sizes?: { agree: number; stated: number };
  /** What the reader guessed, skipped or left undefined, or where the shapes contradict the paper. */
  questions: OpenQuestion[];
}

const isSymbol = (value: unknown) => typeof value === 'object' && value !== null && 'symbol' in value;

function placeOf(layer: Layer | undefined, graph: Graph): PaperPlace | undefined {
  const s = layer?.source ?? graph.source;
  return s?.page ? { page: s.page, ...(s.bbox ? { bbox: s.bbox } : {}) } : undefined;
}

const sizeText = (size: number[]) => size.join('×');

export function designHealth(graph: Graph): DesignHealth {
  const analysis = analyseGraph(graph);
  const errors = analysis.issues.filter((i) => i.severity === 'error').length;
  const unknownShapes = graph.layers.filter((l) => !analysis.shapes.has(l.id)).length;
  const byId = new Map(graph.layers.map((l) => [l.id, l]));
  const questions: OpenQuestion[] = (graph.warnings ?? []).map((text) => ({ text, place: placeOf(undefined, graph) }));
  const ask = (text: string, layer?: Layer) => questions.push({ text, place: placeOf(layer, graph) });
  let agree = 0;
  let stated = 0;
  for (const layer of graph.layers) {
    if (layer.type === 'Module') ask(`${layer.id}: a block the paper names but does not define`, layer);
    const symbolic = Object.entries(layer.params ?? {})
      .filter(([, v]) => isSymbol(v))
      .map(([k]) => k);
    if (symbolic.length) ask(`${layer.id}: ${symbolic.join(', ')} not stated as a number`, layer);
    const shape: Shape | undefined = analysis.shapes.get(layer.id);
    // Only a spatial shape can be held against a stated height × width.
    if (!layer.statedSize || (shape && shape.length < 3)) continue;
    stated++;
    const inferred = shape?.slice(0, layer.statedSize.length);
    if (inferred && inferred.every((v, i) => v === layer.statedSize![i])) agree++;
    else ask(`${layer.id}: the paper states ${sizeText(layer.statedSize)}, the shapes give ${inferred ? sizeText(inferred) : 'no size'}`, layer);
  }
  for (const issue of analysis.issues) if (issue.severity === 'warning') ask(issue.message, issue.layerId ? byId.get(issue.layerId) : undefined);
  const status = errors
    ? `${errors} error${errors > 1 ? 's' : ''}`
    : unknownShapes
      ? `valid, ${unknownShapes} shape${unknownShapes > 1 ? 's' : ''} unknown`
      : 'valid (shapes infer)';
  const seen = new Set<string>();
  const unique = questions.filter((q) => !seen.has(q.text) && Boolean(seen.add(q.text)));
  return { errors, unknownShapes, status, ...(stated ? { sizes: { agree, stated } } : {}), questions: unique };
}

/** "agrees with 5 of 6 sizes the paper states". */
export function sizesText({ agree, stated }: { agree: number; stated: number }): string {
  return `agrees with ${agree} of ${stated} size${stated === 1 ? '' : 's'} the paper states`;
}

/**
 * How far a design can be trusted, said plainly for its card and the editor: does it validate, do its
 * shapes infer all the way through, and the open questions a person should check against the paper.
 */
import { analyseGraph, type Graph } from '../../graph/index.ts';

export interface DesignHealth {
  errors: number;
  /** Layers whose output shape could not be worked out. */
  unknownShapes: number;
  /** "valid (shapes infer)", "valid, 3 shapes unknown", "2 errors". */
  status: string;
  /** What the reader guessed, skipped or left undefined; each a sentence. */
  questions: string[];
}

const isSymbol = (value: unknown) => typeof value === 'object' && value !== null && 'symbol' in value;

export function designHealth(graph: Graph): DesignHealth {
  const analysis = analyseGraph(graph);
  const errors = analysis.issues.filter((i) => i.severity === 'error').length;
  const unknownShapes = graph.layers.filter((l) => !analysis.shapes.has(l.id)).length;
  const questions = [...(graph.warnings ?? [])];
  for (const layer of graph.layers) {
    if (layer.type === 'Module') questions.push(`${layer.id}: a block the paper names but does not define`);
    const symbolic = Object.entries(layer.params ?? {})
      .filter(([, v]) => isSymbol(v))
      .map(([k]) => k);
    if (symbolic.length) questions.push(`${layer.id}: ${symbolic.join(', ')} not stated as a number`);
  }
  for (const issue of analysis.issues) if (issue.severity === 'warning') questions.push(issue.message);
  const status = errors
    ? `${errors} error${errors > 1 ? 's' : ''}`
    : unknownShapes
      ? `valid, ${unknownShapes} shape${unknownShapes > 1 ? 's' : ''} unknown`
      : 'valid (shapes infer)';
  return { errors, unknownShapes, status, questions: [...new Set(questions)] };
}

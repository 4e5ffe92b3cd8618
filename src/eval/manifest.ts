/**
 * The eval manifest (eval/manifest.json in the repo): which corpus files the suites read and what each is scored
 * against. Paths are relative to the corpus directory. A reference is a corpus model file (.prototxt, Keras or
 * MXNet .json, .onnx, graph .json) or `builtin:NAME`, a network written from its paper or by hand from a drawing
 * (BUILTIN_REFERENCES; the drawn ones are the repo's eval/references/NAME.json).
 */
import { BUILTIN_REFERENCES } from './references.ts';

export interface ReferencePair {
  input: string;
  reference: string;
  /** The label the tables show. */
  network: string;
}

export interface EvalManifest {
  /** The hand-written truth file (truth.json) for `eval papers`, when the corpus has one. */
  truth?: string;
  /** PDFs and the network each describes. */
  papers: ReferencePair[];
  /** PDFs that describe no network: every design read from them is a false one. */
  negatives: string[];
  /** Diagram images and the network each draws. */
  figures: ReferencePair[];
}

function pairs(list: unknown, key: string): ReferencePair[] {
  if (!Array.isArray(list)) throw new Error(`manifest: "${key}" is not a list`);
  return list.map((item: Record<string, unknown>, i) => {
    const { input, reference, network } = item ?? {};
    if (typeof input !== 'string' || typeof reference !== 'string' || typeof network !== 'string')
      throw new Error(`manifest: ${key}[${i}] needs input, reference and network strings`);
    if (reference.startsWith('builtin:') && !BUILTIN_REFERENCES[reference.slice('builtin:'.length)])
      throw new Error(`manifest: ${key}[${i}]: unknown reference "${reference}"`);
    return { input, reference, network };
  });
}

export function parseManifest(doc: unknown): EvalManifest {
  const { truth, papers, negatives, figures } = (doc ?? {}) as Record<string, unknown>;
  if (truth !== undefined && typeof truth !== 'string') throw new Error('manifest: "truth" is not a path');
  if (!Array.isArray(negatives) || !negatives.every((n) => typeof n === 'string')) throw new Error('manifest: "negatives" is not a list of paths');
  return { ...(truth === undefined ? {} : { truth }), papers: pairs(papers, 'papers'), negatives, figures: pairs(figures, 'figures') };
}

/**
 * Scoring the classifier on labelled images (eval/manifest.json's `classify` section): architecture or not as
 * precision / recall / accuracy, and the kind of each architecture drawing as DLPaper2Code's five-kind accuracy.
 */
import { FIVE_KINDS, fiveKindOf, type Classification, type FiveKind } from './classes.ts';

export interface ClassifyLabel {
  /** Image path (relative to the corpus in the manifest). */
  input: string;
  architecture: boolean;
  /** For architecture drawings: one of the five kinds, or 'table' (a layer table saved as an image, not scored for kind). */
  kind?: FiveKind | 'table';
}

export interface ClassifyScore {
  images: number;
  /** Architecture drawings called architecture (tp), other figures called architecture (fp), and so on. */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  accuracy: number;
  precision: number;
  recall: number;
  /** Five-kind accuracy over the architecture drawings labelled with one of the five kinds. */
  kind: { scored: number; correct: number; accuracy: number; confusion: Record<FiveKind, Record<FiveKind | 'table', number>> };
}

const KIND_LABELS = new Set<string>([...FIVE_KINDS, 'table']);

/** The `classify` section of an eval manifest → labels (an error names the first bad entry). */
export function parseClassifyLabels(section: unknown): ClassifyLabel[] {
  const images = (section as { images?: unknown } | undefined)?.images;
  if (!Array.isArray(images)) throw new Error('manifest: "classify" needs an "images" list');
  return images.map((item: Record<string, unknown>, i) => {
    const { input, architecture, kind } = item ?? {};
    if (typeof input !== 'string' || typeof architecture !== 'boolean')
      throw new Error(`manifest: classify.images[${i}] needs input (string) and architecture (boolean)`);
    if (kind !== undefined && (typeof kind !== 'string' || !KIND_LABELS.has(kind)))
      throw new Error(`manifest: classify.images[${i}]: unknown kind "${String(kind)}" (${[...KIND_LABELS].join(', ')})`);
    if (kind !== undefined && !architecture) throw new Error(`manifest: classify.images[${i}]: a kind on an image that is no architecture drawing`);
    return { input, architecture, ...(kind ? { kind: kind as FiveKind | 'table' } : {}) };
  });
}

/** Score classifications (same order as the labels) at an architecture threshold. */
export function scoreClassifications(labels: readonly ClassifyLabel[], results: readonly Classification[], threshold = 0.5): ClassifyScore {
  if (labels.length !== results.length) throw new Error(`classify score: ${labels.length} labels for ${results.length} results`);
  let [tp, fp, fn, tn] = [0, 0, 0, 0];
  const confusion = Object.fromEntries(
    FIVE_KINDS.map((k) => [k, Object.fromEntries([...FIVE_KINDS, 'table'].map((p) => [p, 0]))]),
  ) as ClassifyScore['kind']['confusion'];
  let scored = 0;
  let correct = 0;
  labels.forEach((label, i) => {
    const result = results[i]!;
    const said = result.architecture >= threshold;
    if (label.architecture) {
      if (said) tp++;
      else fn++;
    } else if (said) fp++;
    else tn++;
    if (!label.kind || label.kind === 'table') return;
    // The kind of a drawing is judged as DLPaper2Code's Table 5 does: given that it is one, which of the five.
    const predicted = fiveKindOf(result.kind);
    confusion[label.kind][predicted]++;
    scored++;
    if (predicted === label.kind) correct++;
  });
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  return {
    images: labels.length,
    tp,
    fp,
    fn,
    tn,
    accuracy: ratio(tp + tn, labels.length),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    kind: { scored, correct, accuracy: ratio(correct, scored), confusion },
  };
}

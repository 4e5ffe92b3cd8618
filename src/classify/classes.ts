/**
 * The classifier's output classes, in the model's output order (models/train_classifier.py CLASSES).
 * "other" = not an architecture figure; the rest are the kinds of architecture figure: Keras plot_model, Caffe
 * draw_net, the five kinds DLPaper2Code found in papers (neurons, 2-D box flow, stacked 2-D maps, 3-D cuboids,
 * pipeline), and a network's layer table saved as an image ("table").
 */
export const CLASSES = ['other', 'keras', 'caffe', 'neurons', 'flow2d', 'stacked2d', 'cuboids3d', 'pipeline', 'table'] as const;
export type FigureClass = (typeof CLASSES)[number];
export type ArchitectureKind = Exclude<FigureClass, 'other'>;
/** DLPaper2Code's five kinds of architecture figure (its Table 5). */
export const FIVE_KINDS = ['neurons', 'flow2d', 'stacked2d', 'cuboids3d', 'pipeline'] as const;
export type FiveKind = (typeof FIVE_KINDS)[number];

/** The five-kind name of a class: Keras and Caffe plots are 2-D box drawings; a layer table is none of the five. */
export function fiveKindOf(kind: ArchitectureKind): FiveKind | 'table' {
  return kind === 'keras' || kind === 'caffe' ? 'flow2d' : kind;
}

export interface Classification {
  /** Probability that the figure draws a network architecture (1 − P(other)). */
  architecture: number;
  /** The most likely kind of architecture figure (meaningful when `architecture` ≥ 0.5). */
  kind: ArchitectureKind;
  /** Probability of every class, summing to 1. */
  scores: Record<FigureClass, number>;
}

/** Class probabilities (model output order) → the classification. */
export function toClassification(probs: ArrayLike<number>): Classification {
  if (probs.length !== CLASSES.length) {
    throw new Error(`classify: model gave ${probs.length} scores, expected ${CLASSES.length} (${CLASSES.join(', ')})`);
  }
  const scores = {} as Record<FigureClass, number>;
  CLASSES.forEach((c, i) => (scores[c] = probs[i]!));
  let kind: ArchitectureKind = 'flow2d';
  let best = -1;
  for (let i = 1; i < CLASSES.length; i++) {
    if (probs[i]! > best) {
      best = probs[i]!;
      kind = CLASSES[i] as ArchitectureKind;
    }
  }
  return { architecture: 1 - probs[0]!, kind, scores };
}

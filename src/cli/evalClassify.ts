/**
 * `paper2net eval classify`: the figure classifier on the corpus images labelled in the eval manifest's `classify`
 * section (architecture or not, and the five-kind label of each drawing); without that section, images/arch and
 * images/other by folder. Architecture-vs-not precision / recall and the five-kind accuracy, per image and summed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createFigureClassifier,
  fiveKindOf,
  FIVE_KINDS,
  parseClassifyLabels,
  scoreClassifications,
  type Classification,
  type ClassifyLabel,
} from '../classify/index.ts';
import type { Bar, Cell, Section } from '../eval/index.ts';
import { decodeImage, DEFAULT_MODEL } from './classify.ts';
import { createProgress } from './progress.ts';

const base = (path: string): string => path.split('/').pop()!;
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** The labels of the manifest's `classify` section, or every image of images/arch and images/other by folder. */
export function classifyLabels(manifest: unknown, corpus: string): ClassifyLabel[] {
  const section = (manifest as { classify?: unknown } | undefined)?.classify;
  if (section !== undefined) return parseClassifyLabels(section);
  return ['arch', 'other'].flatMap((folder) =>
    readdirSync(join(corpus, 'images', folder))
      .filter((f) => /\.(png|jpe?g)$/i.test(f))
      .sort()
      .map((f) => ({ input: `images/${folder}/${f}`, architecture: folder === 'arch' })),
  );
}

export async function evalClassify(
  corpus: string,
  labels: ClassifyLabel[],
  model = DEFAULT_MODEL,
): Promise<{ suite: string; sections: Section[]; bars: Bar[]; items: unknown[] }> {
  const classifier = await createFigureClassifier(readFileSync(model));
  const results: Classification[] = [];
  const progress = createProgress('eval classify', labels.length);
  try {
    for (const label of labels) {
      const [result] = await classifier.classify([decodeImage(readFileSync(join(corpus, label.input)), label.input)]);
      results.push(result!);
      progress.advance(base(label.input));
    }
  } finally {
    progress.done();
    await classifier.release();
  }
  const score = scoreClassifications(labels, results);
  const rows: Cell[][] = labels.map((label, i) => {
    const r = results[i]!;
    const said = r.architecture >= 0.5;
    const kind = fiveKindOf(r.kind);
    const kindRight = !label.kind || label.kind === 'table' ? '' : kind === label.kind ? 'yes' : 'NO';
    return [
      base(label.input),
      label.architecture ? `architecture${label.kind ? ` (${label.kind})` : ''}` : 'other',
      Math.round(r.architecture * 1000) / 1000,
      label.architecture || said ? r.kind : '—',
      said === label.architecture ? 'yes' : 'NO',
      kindRight,
    ];
  });
  const kinds = [...FIVE_KINDS].filter((k) => Object.values(score.kind.confusion[k]).some((n) => n > 0));
  const confusion: Cell[][] = kinds.map((k) => [k, ...[...FIVE_KINDS, 'table' as const].map((p) => score.kind.confusion[k][p])]);
  return {
    suite: 'classify',
    sections: [
      {
        title: 'Classifier: is each corpus image an architecture drawing, and which kind?',
        header: ['image', 'truth', 'P(architecture)', 'kind', 'right', 'five-kind right'],
        rows,
        summary: [
          `architecture vs not: accuracy ${pct(score.accuracy)} of ${score.images} images, precision ${score.precision.toFixed(2)}, recall ${score.recall.toFixed(2)} (tp ${score.tp}, fp ${score.fp}, fn ${score.fn}, tn ${score.tn})`,
          `five-kind accuracy ${pct(score.kind.accuracy)} (${score.kind.correct}/${score.kind.scored} drawings labelled with one of the five kinds; DLPaper2Code Table 5: 71.6% on real figures)`,
        ],
      },
      {
        title: 'Five kinds: true (rows) against predicted (columns), drawings labelled with one of the five',
        header: ['true \\ predicted', ...FIVE_KINDS, 'table'],
        rows: confusion,
        summary: [],
      },
    ],
    bars: labels.map((label, i) => ({ label: `${label.architecture ? 'arch' : 'other'}: ${base(label.input)}`, value: results[i]!.architecture })),
    items: labels.map((label, i) => ({
      path: label.input,
      architecture: label.architecture,
      ...(label.kind ? { label: label.kind } : {}),
      p: Math.round(results[i]!.architecture * 1000) / 1000,
      kind: results[i]!.kind,
      right: results[i]!.architecture >= 0.5 === label.architecture,
    })),
  };
}

/**
 * The figure classifier: the committed ONNX model runs under onnxruntime-web in Node, the TypeScript preprocessing
 * reproduces the Python one the model was trained on, and on the real corpus images (never trained on) it stays
 * above the accuracy floor set from its measured accuracy (models/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSES, createFigureClassifier, preprocess, type FigureClassifier } from '../../src/classify/index.ts';
import { decodeImage, DEFAULT_MODEL } from '../../src/cli/classify.ts';

const corpus = fileURLToPath(new URL('../../../shared/corpus/images/', import.meta.url));
const report = JSON.parse(readFileSync(DEFAULT_MODEL.replace(/\.onnx$/, '.json'), 'utf8')) as {
  classes: string[];
  reference: { image: string; sum: number; probe_step: number; probe: number[]; probs: number[] };
  corpus: { architecture_accuracy: number };
};
/** Measured real-corpus accuracy minus 10 points (see models/README.md); below this the model has regressed. */
const CORPUS_ACCURACY_FLOOR = 0.77;

const load = (file: string) => decodeImage(readFileSync(corpus + file), file);

let classifier: FigureClassifier;
beforeAll(async () => {
  classifier = await createFigureClassifier(readFileSync(DEFAULT_MODEL));
});
afterAll(async () => {
  await classifier?.release();
});

describe('figure classifier', () => {
  it('has the class order the model was trained with', () => {
    expect(report.classes).toEqual([...CLASSES]);
  });

  it('preprocesses the reference image exactly as models/preprocess.py does', () => {
    const x = preprocess(load(report.reference.image));
    let sum = 0;
    for (const v of x) sum += v;
    expect(sum).toBeCloseTo(report.reference.sum, 2);
    const probe = report.reference.probe.map((_, i) => x[i * report.reference.probe_step]!);
    probe.forEach((v, i) => expect(Math.abs(v - report.reference.probe[i]!)).toBeLessThan(1e-5));
    expect(probe.some((v) => v > 0.05)).toBe(true);
  });

  it('gives the reference image the probabilities PyTorch gave it', async () => {
    const [result] = await classifier.classify([load(report.reference.image)]);
    const probs = CLASSES.map((c) => result!.scores[c]);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    probs.forEach((p, i) => expect(Math.abs(p - report.reference.probs[i]!)).toBeLessThan(1e-3));
  });

  it('tells real architecture figures from other figures above the floor', async () => {
    const files = ['arch', 'other'].flatMap((dir) => readdirSync(corpus + dir).sort().map((f) => `${dir}/${f}`));
    const results = await Promise.all(files.map(async (f) => (await classifier.classify([load(f)]))[0]!));
    const correct = files.filter((f, i) => results[i]!.architecture >= 0.5 === f.startsWith('arch/')).length;
    const accuracy = correct / files.length;
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(accuracy).toBeGreaterThanOrEqual(CORPUS_ACCURACY_FLOOR);
    expect(accuracy).toBeCloseTo(report.corpus.architecture_accuracy, 1);
  });
});

/**
 * Free labels of a bitmap figure: text written beside the drawing rather than inside boxes (captions over
 * LeNet-style feature-map stacks, names under 3-D blocks). The whole image is read as sparse text; words
 * on one baseline make a line, lines stacked closely in one column make one label node.
 */
import { union, type Box } from '../../geometry/index.ts';
import type { DiagramNode } from '../types.ts';
import { encodeGreyPng, type GreyImage } from './image.ts';
import type { Ocr, OcrWord } from './ocr.ts';
import type { CV } from './opencv.ts';
import { textLayer } from './textLayer.ts';

/** The height a word's ink (ascenders to descenders) is scaled to for the sparse reading. */
const GLYPH_TARGET = 32;
/** The largest image handed to the sparse reading, in pixels. */
const MAX_OCR_PIXELS = 12e6;

/** Words tesseract itself doubts are mostly pieces of the drawing (hatching, strokes of a sample digit). */
const MIN_CONFIDENCE = 30;

interface Line {
  box: Box;
  words: OcrWord[];
}

const height = (b: Box) => b[3] - b[1];

/** `unit`: the figure's usual word height, so one odd word box does not stretch the reach. */
function wordsToLines(words: OcrWord[], unit: number): Line[] {
  const lines: Line[] = [];
  for (const word of [...words].sort((a, b) => a.box[0] - b.box[0])) {
    const h = height(word.box);
    const line = lines.find((l) => {
      const last = l.words[l.words.length - 1]!.box;
      const overlap = Math.min(last[3], word.box[3]) - Math.max(last[1], word.box[1]);
      return overlap > 0.5 * Math.min(h, height(last)) && word.box[0] - l.box[2] < 0.6 * unit && word.box[0] >= l.box[0];
    });
    if (line) {
      line.words.push(word);
      line.box = union(line.box, word.box);
    } else lines.push({ box: [...word.box] as Box, words: [word] });
  }
  return lines;
}

/** Lines one under another (a gap under ~0.8 line height) whose spans overlap form one label. */
function linesToLabels(lines: Line[], unit: number): Line[][] {
  const labels: Array<{ box: Box; lines: Line[] }> = [];
  for (const line of [...lines].sort((a, b) => a.box[1] - b.box[1])) {
    const h = height(line.box);
    const above = labels.find((g) => {
      const last = g.lines[g.lines.length - 1]!;
      const gap = line.box[1] - last.box[3];
      const shared = Math.min(line.box[2], last.box[2]) - Math.max(line.box[0], last.box[0]);
      return gap > -0.3 * h && gap < 0.8 * unit && shared > 0.3 * Math.min(line.box[2] - line.box[0], last.box[2] - last.box[0]);
    });
    if (above) {
      above.lines.push(line);
      above.box = union(above.box, line.box);
    } else labels.push({ box: [...line.box] as Box, lines: [line] });
  }
  return labels.map((g) => g.lines);
}

export interface FigureWords {
  /** Words and numbers tesseract is fairly sure of, in image pixels. */
  words: OcrWord[];
  /** The usual word height. */
  unit: number;
}

/**
 * The whole image read as sparse text, once: free labels and drawn-block labels both come from it.
 * `glyphHeight`, when known, is the usual height of a word's ink: small text in a wide figure is scaled up
 * to it, within a bound on the pixels read.
 */
export async function readFigureWords(cv: CV, image: GreyImage, ocr: Ocr, glyphHeight = 0): Promise<FigureWords> {
  // Paper figures are often small: tesseract wants glyphs of ~20-30 px.
  const byText = glyphHeight > 0 ? GLYPH_TARGET / glyphHeight : 1;
  const most = Math.sqrt(MAX_OCR_PIXELS / (image.width * image.height));
  const scale = Math.min(3, Math.max(1, Math.min(most, Math.max(2000 / image.width, byText))));
  const src = cv.matFromArray(image.height, image.width, cv.CV_8UC1, image.data);
  const big = new cv.Mat();
  cv.resize(src, big, new cv.Size(Math.round(image.width * scale), Math.round(image.height * scale)), 0, 0, cv.INTER_CUBIC);
  const png = encodeGreyPng({ width: big.cols, height: big.rows, data: new Uint8Array(big.data) });
  src.delete();
  big.delete();
  const read = (await ocr.readWords(png))
    .filter((w) => w.confidence >= MIN_CONFIDENCE && /[A-Za-z0-9]/.test(w.text))
    .map((w) => ({ ...w, box: w.box.map((v) => v / scale) as Box }));
  const heights = read.map((w) => height(w.box)).sort((a, b) => a - b);
  const unit = heights[heights.length >> 1] ?? 12;
  // A word box far taller than the text around it is a drawn bar or two lines read as one: not a label.
  return { words: read.filter((w) => height(w.box) <= 2 * unit), unit };
}

/**
 * The words of the figure's text layer (the drawing painted out): labels under a neuron plot's mesh or
 * between connectors, which the drawing around them breaks up in a reading of the whole image.
 */
export async function readTextLayerWords(cv: CV, figure: GreyImage, ocr: Ocr): Promise<FigureWords> {
  const { image, glyphHeight } = textLayer(cv, figure);
  return readFigureWords(cv, image, ocr, glyphHeight);
}

/** Words on one baseline, each line with its text. */
export const textLines = ({ words, unit }: FigureWords): Array<{ box: Box; text: string }> =>
  wordsToLines(words, unit).map((l) => ({ box: l.box, text: l.words.map((w) => w.text).join(' ') }));

export function freeLabels({ words, unit }: FigureWords): DiagramNode[] {
  return linesToLabels(wordsToLines(words, unit), unit).map((lines, i) => ({
    id: `t${i + 1}`,
    box: lines.map((l) => l.box).reduce(union),
    text: lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n'),
    shape: 'label',
  }));
}

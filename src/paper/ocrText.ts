/**
 * Words read by OCR → text runs in the page model's terms: one run per word, in reading order (columns one
 * after the other). The words of a line share the line's band as their box (as pdf.js runs span descent to
 * ascent), and each but the last ends with a space, the word boundary the OCR saw.
 */
import { readingOrder } from './readingOrder.ts';
import type { PageWord, TextItem } from './types.ts';

/** Words tesseract is this unsure of are mostly specks, rules and pieces of pictures. */
const MIN_CONFIDENCE = 30;
/** A line's band (ascender to descender) is about 0.9 em. */
const BAND_EM = 0.9;
/** A column gutter is wider than this many word heights; word spacing is narrower. */
const GUTTER_HEIGHTS = 1.2;

export function ocrTextItems(found: PageWord[]): TextItem[] {
  const words = found.map((w) => ({ ...w, text: w.text.trim() })).filter((w) => w.text && w.confidence >= MIN_CONFIDENCE);
  const heights = words.map((w) => w.box[3] - w.box[1]).sort((a, b) => a - b);
  const lines: PageWord[][] = [];
  for (const word of readingOrder(words, GUTTER_HEIGHTS * (heights[heights.length >> 1] ?? 0))) {
    const line = lines[lines.length - 1];
    const last = line?.[line.length - 1];
    if (last && sameLine(last, word)) line!.push(word);
    else lines.push([word]);
  }
  return lines.flatMap((line) => {
    const top = Math.min(...line.map((w) => w.box[1]));
    const bottom = Math.max(...line.map((w) => w.box[3]));
    const size = (bottom - top) / BAND_EM;
    return line.map((w, i) => ({
      str: i < line.length - 1 ? `${w.text} ` : w.text,
      box: [w.box[0], top, w.box[2], bottom],
      size,
      font: 'ocr',
      rotated: false,
    }));
  });
}

/** The next word continues the line: it overlaps the last one vertically by half and starts after it. */
function sameLine(last: PageWord, next: PageWord): boolean {
  const overlap = Math.min(last.box[3], next.box[3]) - Math.max(last.box[1], next.box[1]);
  const smaller = Math.min(last.box[3] - last.box[1], next.box[3] - next.box[1]);
  return overlap > 0.5 * smaller && next.box[0] >= last.box[2] - 0.2 * smaller;
}

/**
 * Running text of a paper as sentences that remember where they are (page, box). Text items are taken in
 * pdf.js order, which follows the content stream and, for typeset papers, the reading order.
 */
import { boxOf, type Box, type Page } from '../paper/index.ts';

export interface Sentence {
  text: string;
  page: number;
  box: Box;
  /** Index in the document's sentence list. */
  index: number;
}

const ABBREVIATION = /\b(e\.g|i\.e|et al|Fig|Figs|Eq|Eqs|Sec|vs|cf|resp|approx|No|Tab|Ref|Refs)\.$/i;
/** A sentence ends at . ! ? (maybe closed by a quote or bracket) followed by a space and a capital or digit. */
const BOUNDARY = /[.!?]["')\]]?\s+(?=[A-Z0-9(])/g;
const MAX_SENTENCE = 1200;

export function splitSentences(pages: Page[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const page of pages) {
    let text = '';
    const spans: Array<{ start: number; end: number; box: Box }> = [];
    let prev: Page['texts'][number] | undefined;
    for (const item of page.texts) {
      if (item.rotated) continue;
      // Runs that touch on one line are one word (some PDFs give a run per glyph); a hyphen at a line end
      // joins the word ("con- volutional"); anything else is separated by a space.
      const sameLine = prev && Math.abs(prev.box[1] - item.box[1]) < 0.3 * item.size && item.box[0] >= prev.box[0];
      const touching = sameLine && prev && item.box[0] - prev.box[2] < 0.12 * item.size;
      if (/[a-z]-$/.test(text) && /^[a-z]/.test(item.str) && !sameLine) text = text.slice(0, -1);
      else if (text && !text.endsWith(' ') && !touching) text += ' ';
      prev = item;
      spans.push({ start: text.length, end: text.length + item.str.length, box: item.box });
      text += item.str;
    }
    const cuts = [0];
    for (const m of text.matchAll(BOUNDARY)) {
      const end = m.index + m[0].trimEnd().length;
      if (ABBREVIATION.test(text.slice(Math.max(0, end - 8), end))) continue;
      cuts.push(m.index + m[0].length);
    }
    cuts.push(text.length);
    for (let i = 0; i + 1 < cuts.length; i++) {
      for (let start = cuts[i]; start < cuts[i + 1]; start += MAX_SENTENCE) {
        const end = Math.min(cuts[i + 1], start + MAX_SENTENCE);
        const t = text.slice(start, end).replace(/\s+/g, ' ').trim();
        const boxes = spans.filter((s) => s.end > start && s.start < end).map((s) => s.box);
        if (t.length > 3 && boxes.length) sentences.push({ text: t, page: page.number, box: boxOf(boxes), index: sentences.length });
      }
    }
  }
  return sentences;
}

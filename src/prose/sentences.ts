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

const ABBREVIATIONS = /\b(e\.g|i\.e|et al|Fig|Figs|Eq|Eqs|Sec|vs|cf|resp|approx|No|Tab)\.$/i;

export function splitSentences(pages: Page[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const page of pages) {
    let text = '';
    let boxes: Box[] = [];
    const flush = () => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (t.length > 3 && boxes.length) sentences.push({ text: t, page: page.number, box: boxOf(boxes), index: sentences.length });
      text = '';
      boxes = [];
    };
    for (const item of page.texts) {
      if (item.rotated) continue;
      const str = item.str;
      // A hyphen at a line end joins the word ("con- volutional"); otherwise items are separated by a space.
      if (/[a-z]-$/.test(text) && /^[a-z]/.test(str)) text = text.slice(0, -1) + str;
      else text += (text && !text.endsWith(' ') ? ' ' : '') + str;
      boxes.push(item.box);
      if (/[.!?]["')\]]?\s*$/.test(str) && !ABBREVIATIONS.test(text.trim()) && !/\d\.$/.test(str.trim())) flush();
      if (text.length > 1200) flush();
    }
    flush();
  }
  return sentences;
}

/** What the reading core takes and gives: text with its place in the PDF, and layer drafts. */
import type { Params } from '../graph/index.ts';

/** A piece of text a front end found (a sentence, a cell, a label) and where it is. */
export interface TextUnit {
  text: string;
  page: number;
  box: [number, number, number, number];
  /** Position in the front end's reading order. */
  index: number;
}

/** One layer as read: catalog type, the params the text states, and those the reader filled in. */
export interface LayerDraft {
  type: string;
  params: Params;
  /** Params filled in by the reader rather than read from the text ('*' = the whole layer). */
  inferred: string[];
  /** The text it was read from. */
  text: string;
}

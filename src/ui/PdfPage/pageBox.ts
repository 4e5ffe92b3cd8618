import type { Bbox } from '../../pipeline/browser.ts';

/** A box drawn over a PDF page. */
export interface PageBox {
  bbox: Bbox;
  /** region: a figure/table found; design: a design's source; layer: one layer's source; mark: what to look at; picked: the place to read. */
  kind: 'region' | 'design' | 'layer' | 'mark' | 'picked';
  label: string;
  /** The reader's verdict on the region, shown under its label. */
  detail?: string;
  onclick?: () => void;
}

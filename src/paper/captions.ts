/**
 * Caption finding: "Figure 3:", "Fig. 2.", "Table 1", "TABLE I", "Table 1." at the start of a chunk,
 * followed by the lines of the same paragraph (same column, same font size, tight spacing).
 */
import type { Box, Page } from './types.ts';
import { boxOf, groupLines, type Chunk, type Line } from './lines.ts';

export type CaptionKind = 'figure' | 'table';

export interface Caption {
  kind: CaptionKind;
  /** "Table 1", "Figure 3", "Table IV". */
  label: string;
  text: string;
  box: Box;
  size: number;
  page: number;
}

const LABEL = /^(fig(?:ure)?s?\.?|tab(?:le|\.))\s*([0-9]+|[IVXL]+)(?:\s*[:.|—–-](?!\d)|$)/i;
/** IEEE style: "TABLE I" alone on its line, title on the next line(s). */
const SHOUTED = /^(FIGURE|FIG\.|TABLE)\s+([0-9]+|[IVXL]+)\s*$/;

function captionStart(chunk: Chunk): { kind: CaptionKind; label: string } | undefined {
  const text = chunk.text;
  const m = LABEL.exec(text) ?? SHOUTED.exec(text);
  if (!m) return undefined;
  // "Table 2 shows ..." is prose; a caption label needs a delimiter, or stands alone in capitals.
  const hasDelimiter = m[0].length < text.length || SHOUTED.test(text) || /[:.]$/.test(m[0]);
  if (!hasDelimiter && !SHOUTED.test(text)) return undefined;
  const kind: CaptionKind = /^t/i.test(m[1]) ? 'table' : 'figure';
  return { kind, label: `${kind === 'table' ? 'Table' : 'Figure'} ${m[2]}` };
}

/** Finds captions on a page. `lines` may be passed when already grouped. */
export function findCaptions(page: Page, lines: Line[] = groupLines(page.texts)): Caption[] {
  const captions: Caption[] = [];
  const used = new Set<Chunk>();
  for (let li = 0; li < lines.length; li++) {
    for (const chunk of lines[li].chunks) {
      if (used.has(chunk)) continue;
      const start = captionStart(chunk);
      if (!start) continue;
      const parts: Chunk[] = [chunk];
      used.add(chunk);
      // Continuation lines: one chunk in the caption's column band, same font size, aligned with the
      // caption (left edges for paragraphs, centres for centred captions), right below.
      const left = chunk.box[0];
      const center = (chunk.box[0] + chunk.box[2]) / 2;
      const bandRight = Math.max(chunk.box[2], left + 0.4 * page.width);
      let bottom = chunk.box[3];
      for (let lj = li + 1; lj < lines.length && parts.length < 12; lj++) {
        const line = lines[lj];
        if (line.box[1] - bottom > 0.9 * chunk.size) break;
        const inBand = line.chunks.filter((c) => c.box[2] > left - 20 && c.box[0] < bandRight);
        if (inBand.length === 0) continue;
        const next = inBand[0];
        const aligned = Math.abs(next.box[0] - left) < 3 || Math.abs((next.box[0] + next.box[2]) / 2 - center) < 3;
        if (inBand.length > 1 || !aligned || Math.abs(next.size - chunk.size) > 0.35 || captionStart(next)) break;
        parts.push(next);
        used.add(next);
        bottom = next.box[3];
      }
      const text = parts.map((p) => p.text).join(' ').replace(/-\s(?=[a-z])/g, '').replace(/\s+/g, ' ');
      captions.push({ ...start, text, box: boxOf(parts.map((p) => p.box)), size: chunk.size, page: page.number });
    }
  }
  return captions;
}

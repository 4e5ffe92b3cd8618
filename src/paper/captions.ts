/**
 * Caption finding: "Figure 3:", "Fig. 2.", "Table 1", "TABLE I", "Table 1." at the start of a chunk,
 * followed by the lines of the same paragraph (same column, same font size, tight spacing). A label that
 * merely starts a line of running text ("... are shown in / Fig. 9. Possibly ...") is not a caption.
 */
import type { Box, Page } from './types.ts';
import { bodyFontSize, boxOf, groupLines, type Chunk, type Line } from './lines.ts';
import { bandOf, textColumns } from './layout.ts';

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
/** A caption set in the body size is a paragraph of a few lines; one that runs on longer is running text. */
const MAX_BODY_LINES = 14;
const MAX_LINES = 40;

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

/** The size most of a chunk's characters are set in (a bold label may be larger than the caption text). */
const textSize = (c: Chunk) => {
  const chars = new Map<number, number>();
  for (const i of c.items) chars.set(i.size, (chars.get(i.size) ?? 0) + i.str.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0][0];
};

/** Pieces of one line of justified text, split where a narrow column stretched a space: one chunk again. */
function joinPieces(pieces: Chunk[], size: number): Chunk | undefined {
  const sorted = [...pieces].sort((a, b) => a.box[0] - b.box[0]);
  if (sorted.some((c, i) => i > 0 && c.box[0] - sorted[i - 1].box[2] > 1.5 * size)) return undefined;
  return {
    text: sorted.map((c) => c.text).join(' '),
    box: boxOf(sorted.map((c) => c.box)),
    size: Math.max(...sorted.map((c) => c.size)),
    items: sorted.flatMap((c) => c.items),
  };
}

const inBand = (c: Chunk, band: [number, number]) => {
  const cx = (c.box[0] + c.box[2]) / 2;
  return cx >= band[0] && cx <= band[1];
};

/** The line right above continues into this line: same size, the text's pitch, a shared edge. */
function continuesParagraph(chunk: Chunk, lines: Line[], li: number, band: [number, number], captionParts: Set<Chunk>): boolean {
  for (let k = li - 1; k >= 0 && k >= li - 3; k--) {
    const prev = lines[k].chunks.find((c) => inBand(c, band) && c.box[2] > chunk.box[0] && c.box[0] < chunk.box[2]);
    if (!prev) continue;
    const gap = chunk.box[1] - prev.box[3];
    const aligned = Math.abs(prev.box[0] - chunk.box[0]) <= 2 || Math.abs(prev.box[2] - chunk.box[2]) <= 2;
    return (
      gap < 0.45 * chunk.size && Math.abs(prev.size - chunk.size) <= 0.35 && aligned && prev.text.length >= 25 && !captionStart(prev) && !captionParts.has(prev)
    );
  }
  return false;
}

/** Finds captions on a page. `lines` and the page's text `columns` may be passed when already known. */
export function findCaptions(page: Page, lines: Line[] = groupLines(page.texts), columns?: Array<[number, number]>): Caption[] {
  const body = page.bodySize ?? bodyFontSize(lines);
  const cols =
    columns ??
    textColumns(
      page,
      lines.flatMap((l) => l.chunks),
      body,
    );
  const captions: Caption[] = [];
  const used = new Set<Chunk>();
  for (let li = 0; li < lines.length; li++) {
    for (const first of lines[li].chunks) {
      if (used.has(first)) continue;
      const start = captionStart(first);
      if (!start) continue;
      const band = bandOf(first.box, cols, page.width);
      const size = textSize(first);
      // The rest of the label's line, unless it stands apart like a table cell.
      const rest = lines[li].chunks.filter((c) => c.box[0] > first.box[2] && inBand(c, band) && !used.has(c));
      const chunk = (rest.length && joinPieces([first, ...rest], size)) || first;
      if (continuesParagraph(chunk, lines, li, band, used)) continue;
      const parts: Chunk[] = [chunk];
      const members: Chunk[] = chunk === first ? [first] : [first, ...rest];
      // Continuation lines: one line of text in the caption's column, same font size, right below, aligned
      // with the caption: left edges for paragraphs, centres for centred captions, or a hanging indent (the
      // lines after the first start where its text does and end at its right edge).
      let left = chunk.box[0];
      const center = (chunk.box[0] + chunk.box[2]) / 2;
      let bottom = chunk.box[3];
      let ranOn = false;
      for (let lj = li + 1; lj < lines.length; lj++) {
        const line = lines[lj];
        if (line.box[1] - bottom > 0.9 * size) break;
        const near = line.chunks.filter((c) => inBand(c, band) && c.box[2] > chunk.box[0] && c.box[0] < chunk.box[2]);
        if (near.length === 0) continue;
        // Sub- and superscripts of the caption's math form lines of their own: part of the caption, not a line.
        if (near.every((c) => c.size < 0.8 * size && c.text.length <= 3)) {
          members.push(...near);
          continue;
        }
        const next = joinPieces(near, size);
        if (!next || captionStart(near[0]) || Math.abs(textSize(next) - size) > 0.35) break;
        const hanging =
          parts.length === 1 && next.box[0] > left + 2 && next.box[0] < left + 0.3 * (band[1] - band[0]) && Math.abs(next.box[2] - chunk.box[2]) < 3;
        const aligned = Math.abs(next.box[0] - left) < 3 || Math.abs((next.box[0] + next.box[2]) / 2 - center) < 3 || hanging;
        if (!aligned) break;
        if (parts.length === (Math.abs(size - body) < 0.3 ? MAX_BODY_LINES : MAX_LINES)) {
          ranOn = true;
          break;
        }
        if (hanging) left = next.box[0];
        parts.push(next);
        members.push(...near);
        bottom = next.box[3];
      }
      if (ranOn) continue;
      members.forEach((c) => used.add(c));
      const text = parts
        .map((p) => p.text)
        .join(' ')
        .replace(/-\s(?=[a-z])/g, '')
        .replace(/\s+/g, ' ');
      captions.push({ ...start, text, box: boxOf(members.map((p) => p.box)), size, page: page.number });
    }
  }
  return captions;
}

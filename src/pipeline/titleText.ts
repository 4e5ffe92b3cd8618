/** A paper's title from the text of its first page (pdf.js text items placed in PDF points, y down). */
export interface PlacedText {
  str: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
}

/**
 * The title as printed: the line with the biggest text in the top half of page 1 and the lines right
 * under it set nearly as big (a second title line is often a size smaller, e.g. in small caps).
 * Callers leave out rotated text such as arXiv's margin stamp.
 */
export function titleFromFirstPage(items: PlacedText[], pageHeight: number): string | undefined {
  const top = items.filter((t) => t.y < pageHeight * 0.5 && t.str.trim());
  if (top.length === 0) return undefined;
  const lines: PlacedText[][] = [];
  for (const item of [...top].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines.at(-1);
    if (line && Math.abs(item.y - line[0]!.y) < Math.max(2, item.size * 0.3)) line.push(item);
    else lines.push([item]);
  }
  const sizeOf = (line: PlacedText[]): number => Math.max(...line.map((t) => t.size));
  const biggest = Math.max(...lines.map(sizeOf));
  const start = lines.findIndex((line) => sizeOf(line) === biggest);
  const chosen = [lines[start]!];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (sizeOf(line) < biggest * 0.7 || line[0]!.y - chosen.at(-1)![0]!.y > biggest * 2.2) break;
    chosen.push(line);
  }
  const text = chosen
    .map((line) =>
      line
        .sort((a, b) => a.x - b.x)
        .reduce((out, part, i) => (i > 0 && part.x - (line[i - 1]!.x + line[i - 1]!.width) < part.size * 0.12 ? out + part.str : `${out} ${part.str}`), ''),
    )
    .join(' ');
  const clean = text.replace(/\s+/g, ' ').trim();
  // A title has words: the biggest letters on a page that opens with a figure are its labels ("F C F C", "3x3").
  return clean.length >= 4 && /\p{L}{3}/u.test(clean) ? clean.slice(0, 200) : undefined;
}

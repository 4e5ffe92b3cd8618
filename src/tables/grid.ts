/**
 * Table structure from positions: text chunks (and ruling lines, when the table has them) → columns and
 * cells. Ruled tables (vertical rules) take their cells from the rules, so multi-line cells and cells
 * spanning several columns come out whole; a ruled column whose rows hold two cells side by side (a rule
 * only between groups of columns) is split at the white space between them. Unruled tables take columns
 * from the white space between chunks, each chunk is a cell, and a lone centred chunk spans the columns it
 * is centred on.
 */
import { boxOf, type Box, type Chunk, type Line, type PathItem } from '../paper/index.ts';
import { repeatCount } from './layerText.ts';

export interface Cell {
  /** Lines of text in reading order, each the chunks of one baseline joined (brackets and repeat marks removed). */
  lines: string[];
  text: string;
  box: Box;
  /** First and last column covered (inclusive). */
  col0: number;
  col1: number;
  chunks: Chunk[];
  /** A repeat mark inside the cell ("×2" beside a bracketed block). */
  repeat?: number;
  /** In ruled tables: the rectangle of rules around the cell. */
  frame?: Box;
}

export interface TableGrid {
  /** Column x-ranges, left to right. */
  columns: Array<[number, number]>;
  /** Cells ordered top to bottom, then left to right. */
  cells: Cell[];
  ruled: boolean;
  box: Box;
}

const RULE_THICKNESS = 2;

function clusterPositions(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const v of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && v - last[last.length - 1] <= tolerance) last.push(v);
    else clusters.push([v]);
  }
  return clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

interface Rules {
  vertical: Array<{ x: number; y0: number; y1: number }>;
  horizontal: Array<{ y: number; x0: number; x1: number }>;
}

/** The longest tick a drawn bracket has at its ends ("[" drawn as a stroke and two ticks, not a glyph). */
const BRACKET_TICK = 6;

function readRules(paths: PathItem[], box: Box): Rules {
  const vertical: Rules['vertical'] = [];
  const horizontal: Rules['horizontal'] = [];
  const ticks: Box[] = [];
  for (const p of paths) {
    const [x0, y0, x1, y1] = p.box;
    if (x1 < box[0] - 4 || x0 > box[2] + 4 || y1 < box[1] - 4 || y0 > box[3] + 4) continue;
    if (x1 - x0 <= RULE_THICKNESS && y1 - y0 >= 4) vertical.push({ x: (x0 + x1) / 2, y0, y1 });
    else if (y1 - y0 <= RULE_THICKNESS && x1 - x0 >= 10) horizontal.push({ y: (y0 + y1) / 2, x0, x1 });
    else if (y1 - y0 <= RULE_THICKNESS && x1 - x0 <= BRACKET_TICK) ticks.push(p.box);
  }
  // A vertical stroke with a short tick at each end is a drawn bracket around a block of lines, not a column rule.
  const tickAt = (x: number, y: number) => ticks.some((t) => x >= t[0] - 1 && x <= t[2] + 1 && Math.abs(y - (t[1] + t[3]) / 2) <= 1.5);
  return { vertical: vertical.filter((v) => !(tickAt(v.x, v.y0) && tickAt(v.x, v.y1))), horizontal };
}

/** Column boundaries from white space: x ranges no multi-chunk line puts text in. */
function gapColumns(lines: Line[], box: Box): Array<[number, number]> {
  const multi = lines.filter((l) => l.chunks.length >= 2);
  // Lines with far fewer chunks than the fullest ones are headers spanning several columns ("Convolutional layers |
  // Dense layers" over seven columns): where enough full lines exist, the gutters come from those.
  const most = Math.max(0, ...multi.map((l) => l.chunks.length));
  const full = multi.filter((l) => l.chunks.length === most);
  const source = full.length >= 3 && full.length * 10 >= multi.length * 3 ? full : multi.length >= 2 ? multi : lines;
  const x0 = Math.floor(box[0]);
  const width = Math.ceil(box[2]) - x0 + 1;
  const coverage = new Int32Array(width);
  for (const line of source) {
    // Brackets and repeat marks sit beside a cell's stack, in its gutter: they make no column of their own.
    for (const c of line.chunks.length > 1 ? line.chunks.filter((c) => !isMark(c)) : line.chunks) {
      for (let x = Math.max(0, Math.floor(c.box[0]) - x0); x <= Math.min(width - 1, Math.ceil(c.box[2]) - x0); x++) coverage[x]++;
    }
  }
  // A few stray chunks (a spanning cell on a multi-chunk line) may cross a real gap.
  const allowed = Math.floor(source.length * 0.06);
  const columns: Array<[number, number]> = [];
  let start = -1;
  for (let x = 0; x <= width; x++) {
    const covered = x < width && coverage[x] > allowed;
    if (covered && start < 0) start = x;
    if (!covered && start >= 0) {
      columns.push([start + x0, x - 1 + x0]);
      start = -1;
    }
  }
  // Gaps narrower than ~2 pt are kerning, not column gutters.
  const merged: Array<[number, number]> = [];
  for (const col of columns) {
    const last = merged[merged.length - 1];
    if (last && col[0] - last[1] < 2.5) last[1] = col[1];
    else merged.push([...col]);
  }
  return merged;
}

const centreX = (b: Box) => (b[0] + b[2]) / 2;
const centreY = (b: Box) => (b[1] + b[3]) / 2;

/** Private-use glyphs (pieces of TeX's big delimiters) carry no text; a chunk of bare brackets is drawing. */
const cleanText = (text: string) => {
  const t = text
    .replace(/[\uE000-\uF8FF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /^[\s[\]{}()|]*$/.test(t) ? '' : t;
};

function makeCell(all: Chunk[], col0: number, col1: number): Cell {
  let repeat: number | undefined;
  const chunks: Chunk[] = [];
  for (const c of all) {
    const text = cleanText(c.text);
    const n = repeatCount(text);
    if (n !== undefined && all.length > 1) repeat = n;
    else if (text) chunks.push({ ...c, text });
  }
  if (chunks.length === 0) chunks.push(...all.map((c) => ({ ...c, text: cleanText(c.text) })));
  const sorted = [...chunks].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const lines: string[] = [];
  let lastY = -Infinity;
  let lastSize = 0;
  for (const c of sorted) {
    if (lines.length > 0 && Math.abs(centreY(c.box) - lastY) < 0.5 * Math.max(lastSize, c.size)) lines[lines.length - 1] += ` ${c.text}`;
    else lines.push(c.text);
    lastY = centreY(c.box);
    lastSize = c.size;
  }
  const box: Box = [
    Math.min(...chunks.map((c) => c.box[0])),
    Math.min(...chunks.map((c) => c.box[1])),
    Math.max(...chunks.map((c) => c.box[2])),
    Math.max(...chunks.map((c) => c.box[3])),
  ];
  return { lines: lines.filter(Boolean), text: lines.filter(Boolean).join(' '), box, col0, col1, chunks, ...(repeat !== undefined ? { repeat } : {}) };
}

/** A chunk that runs across a vertical rule is two cells' text. */
function splitAtRules(chunk: Chunk, rules: Rules): Chunk[] {
  const cy = centreY(chunk.box);
  const xs = rules.vertical.filter((r) => r.y0 - 1 <= cy && r.y1 + 1 >= cy && r.x > chunk.box[0] && r.x < chunk.box[2]).map((r) => r.x);
  if (xs.length === 0 || chunk.items.length < 2) return [chunk];
  const groups = new Map<number, Chunk['items']>();
  for (const item of chunk.items) {
    const slot = xs.filter((x) => x < centreX(item.box)).length;
    groups.set(slot, [...(groups.get(slot) ?? []), item]);
  }
  if (groups.size < 2) return [chunk];
  return [...groups.values()].map((items) => ({
    text: items
      .map((i) => i.str)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
    box: boxOf(items.map((i) => i.box)),
    size: Math.max(...items.map((i) => i.size)),
    items,
  }));
}

/** Chunks that are only a repeat mark or brackets: they sit beside a cell's stack, not in a column of their own. */
const isMark = (c: Chunk) => !cleanText(c.text) || repeatCount(cleanText(c.text)) !== undefined;

/**
 * A ruled column split where three or more of its rows hold two or more cells with white space between
 * them in the same place ("conv1 | 7×7, 64" under one "layer" rule pair).
 */
function subColumns(range: [number, number], chunks: Chunk[]): Array<[number, number]> {
  const inside = chunks.filter((c) => centreX(c.box) > range[0] && centreX(c.box) < range[1] && !isMark(c));
  const rows: Chunk[][] = [];
  for (const c of [...inside].sort((a, b) => a.box[1] - b.box[1])) {
    const row = rows.find((r) => Math.min(r[0].box[3], c.box[3]) - Math.max(r[0].box[1], c.box[1]) > 0.5 * (c.box[3] - c.box[1]));
    if (row) row.push(c);
    else rows.push([c]);
  }
  const multi = rows.filter((r) => r.length >= 2);
  if (multi.length < 3) return [range];
  const asLines = multi.map((chunks) => ({ chunks, box: boxOf(chunks.map((c) => c.box)), size: chunks[0].size, text: '' }));
  const extents = gapColumns(asLines, [range[0], 0, range[1], 0]);
  if (extents.length < 2) return [range];
  const cuts = extents.slice(1).map((e, i) => (extents[i][1] + e[0]) / 2);
  const xs = [range[0], ...cuts, range[1]];
  return xs.slice(1).map((x, i) => [xs[i], x]);
}

const joinCells = (cells: Cell[]): Cell =>
  makeCell(
    cells.flatMap((c) => c.chunks),
    cells[0]!.col0,
    cells[0]!.col1,
  );

/**
 * Tables ruled between rows but not between columns: a band between two rules whose first columns hold one
 * line each (a stage's name and size) while the columns right of them stack several is one row, and each
 * column's stack in it is one cell (a bracketed block beside its stage name, with its "×2"). Other bands (a
 * group label beside rows of attributes) keep a row per line.
 */
function joinRowBands(cells: Cell[], rules: Rules, box: Box): Cell[] {
  const across = rules.horizontal.filter((r) => r.x1 - r.x0 >= 0.6 * (box[2] - box[0])).map((r) => r.y);
  const ys = clusterPositions(across, 2);
  if (ys.length < 4) return cells;
  const bandOf = (cell: Cell) => ys.filter((y) => y < centreY(cell.box)).length;
  const joined: Cell[] = [];
  const bands = new Map<number, Cell[]>();
  for (const cell of cells) bands.set(bandOf(cell), [...(bands.get(bandOf(cell)) ?? []), cell]);
  for (const band of bands.values()) {
    const groups = new Map<string, Cell[]>();
    for (const cell of band) groups.set(`${cell.col0}-${cell.col1}`, [...(groups.get(`${cell.col0}-${cell.col1}`) ?? []), cell]);
    const lineCount = (group: Cell[]) => group.filter((c) => !c.chunks.every(isMark)).length;
    const own = [...groups.values()].filter((g) => g[0]!.col0 === g[0]!.col1);
    const single = own.filter((g) => lineCount(g) === 1).map((g) => g[0]!.col0);
    const stacked = own.filter((g) => lineCount(g) >= 2).map((g) => g[0]!.col0);
    // The row's name and size (one line each) left of the stacks; not a group label beside rows of attributes.
    const oneRow = single.includes(0) && single.length >= 2 && stacked.length > 0 && Math.max(...single) < Math.min(...stacked);
    if (!oneRow) joined.push(...band);
    else for (const group of groups.values()) joined.push(group.length === 1 ? group[0]! : joinCells(group));
  }
  return joined;
}

export function buildGrid(lines: Line[], paths: PathItem[], box: Box): TableGrid {
  const rules = readRules(paths, box);
  const ruleXs = clusterPositions(
    rules.vertical.map((r) => r.x),
    2,
  ).filter((x) => x > box[0] + 3 && x < box[2] - 3);
  const ruled = ruleXs.length >= 2;
  const chunks = ruled ? lines.flatMap((l) => l.chunks.flatMap((c) => splitAtRules(c, rules))) : lines.flatMap((l) => l.chunks);
  let columns: Array<[number, number]>;
  const cells: Cell[] = [];
  if (ruled) {
    const bounds = [box[0] - 1, ...ruleXs, box[2] + 1];
    columns = [];
    /** The ruled column each (sub)column lies in. */
    const ruledOf: number[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      for (const sub of subColumns([bounds[i], bounds[i + 1]], chunks)) {
        columns.push(sub);
        ruledOf.push(i);
      }
    }
    const mid = (col: [number, number]) => (col[0] + col[1]) / 2;
    // Each chunk's cell is the rectangle of rules around it — within one split ruled column, the sub-columns
    // its text covers; chunks sharing a rectangle (and sub-columns) share a cell.
    const groups = new Map<string, { chunks: Chunk[]; col0: number; col1: number; frame: Box }>();
    for (const c of chunks) {
      const cy = centreY(c.box);
      const cx = centreX(c.box);
      const crossing = rules.vertical.filter((r) => r.y0 - 1 <= cy && r.y1 + 1 >= cy);
      const left = Math.max(box[0] - 1, ...crossing.map((r) => r.x).filter((x) => x <= cx));
      const right = Math.min(box[2] + 1, ...crossing.map((r) => r.x).filter((x) => x > cx));
      const across = rules.horizontal.filter((r) => r.x0 - 1 <= cx && r.x1 + 1 >= cx);
      const top = Math.max(box[1] - 1, ...across.map((r) => r.y).filter((y) => y <= cy));
      const bottom = Math.min(box[3] + 1, ...across.map((r) => r.y).filter((y) => y > cy));
      let covered = columns.map((_, i) => i).filter((i) => mid(columns[i]) > left && mid(columns[i]) < right);
      if (covered.length === 0) continue;
      if (covered.length > 1 && covered.every((i) => ruledOf[i] === ruledOf[covered[0]])) {
        const mine = isMark(c)
          ? covered.filter((i) => columns[i][0] <= cx).slice(-1)
          : covered.filter((i) => columns[i][0] < c.box[2] && columns[i][1] > c.box[0]);
        if (mine.length) covered = mine;
      }
      const [col0, col1] = [covered[0], covered[covered.length - 1]];
      const key = [left, right, top, bottom].map((v) => Math.round(v)).join(',') + `:${col0}-${col1}`;
      const group = groups.get(key) ?? { chunks: [], col0, col1, frame: [left, top, right, bottom] as Box };
      group.chunks.push(c);
      groups.set(key, group);
    }
    for (const g of groups.values()) cells.push({ ...makeCell(g.chunks, g.col0, g.col1), frame: g.frame });
  } else {
    columns = gapColumns(lines, box);
    const bodyLeft = columns.length ? columns[0][0] : box[0];
    const bodyRight = columns.length ? columns[columns.length - 1][1] : box[2];
    // Lines above the first that fills half the columns, and the lines without numbers right under it, are header
    // words stacked over their column ("Filters /" over "units"): they take the columns they lie on, never a span
    // their centre happens to fit.
    const firstFull = lines.findIndex((line) => line.chunks.length >= Math.max(2, columns.length / 2));
    let headerEnd = firstFull + 1;
    while (headerEnd > 0 && headerEnd < lines.length && lines[headerEnd].chunks.every((c) => !/\d/.test(c.text))) headerEnd++;
    const stackedHeader = (lineIndex: number) => lineIndex < firstFull || (lineIndex > firstFull && lineIndex < headerEnd);
    lines.forEach((line, lineIndex) => {
      for (const c of line.chunks) {
        const left = columns.map((_, i) => i).filter((i) => columns[i]![0] <= centreX(c.box));
        if (isMark(c) && line.chunks.length > 1 && left.length) {
          cells.push(makeCell([c], left[left.length - 1]!, left[left.length - 1]!));
          continue;
        }
        let hit = columns
          .map((col, i) => ({ i, overlap: Math.min(col[1], c.box[2]) - Math.max(col[0], c.box[0]), width: col[1] - col[0] }))
          .filter((h) => h.overlap > 0 && (h.overlap >= 0.4 * (c.box[2] - c.box[0]) || h.overlap >= 0.5 * h.width));
        if (hit.length === 0) {
          // In a gutter: take the nearest column on each side.
          const cx = centreX(c.box);
          const left = columns
            .map((col, i) => ({ i, d: cx - col[1] }))
            .filter((h) => h.d >= 0)
            .sort((a, b) => a.d - b.d)[0];
          const right = columns
            .map((col, i) => ({ i, d: col[0] - cx }))
            .filter((h) => h.d >= 0)
            .sort((a, b) => a.d - b.d)[0];
          hit = [left, right].filter(Boolean).map((h) => ({ i: h!.i, overlap: 0, width: 0 }));
        }
        let col0 = Math.min(...hit.map((h) => h.i));
        let col1 = Math.max(...hit.map((h) => h.i));
        if (columns.length > 2 && !stackedHeader(lineIndex)) {
          // A chunk centred on several columns its line leaves empty spans them (VGG's "maxpool" across the
          // configurations; "7×7, 64, stride 2" across the depths after a row's name and size).
          const cx = centreX(c.box);
          const others = line.chunks.filter((o) => o !== c);
          const empty = (i: number) => !others.some((o) => o.box[0] < columns[i][1] && o.box[2] > columns[i][0]);
          // Only a lone chunk (a section or a pooling row) spans the first column, the rows' names.
          for (let a = others.length ? 1 : 0; a < columns.length; a++) {
            for (let b = columns.length - 1; b > a; b--) {
              const mid = (columns[a][0] + columns[b][1]) / 2;
              if (Math.abs(mid - cx) >= 0.04 * (bodyRight - bodyLeft) || b - a <= col1 - col0 || c.box[0] < columns[a][0] - 2 || a > col0 || b < col1) continue;
              if (columns.every((_, i) => i < a || i > b || (i >= col0 && i <= col1) || empty(i))) {
                col0 = a;
                col1 = b;
              }
            }
          }
        }
        cells.push(makeCell([c], col0, col1));
      }
    });
    cells.splice(0, cells.length, ...joinRowBands(cells, rules, box));
  }
  cells.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  return { columns, cells, ruled, box };
}

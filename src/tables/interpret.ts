/**
 * Table grid → network drafts. Four layouts are recognised:
 * - configurations: columns are network variants and each cell names layers (VGG's A–E, ResNet-18…152);
 * - rows: a header row names attributes and each row is a layer (MobileNet's Table 1);
 * - columns: a header column names attributes and each column is a layer (OverFeat's Tables 1 and 3);
 * - settings: two columns, a setting's name and its value ("Dense layers | 256, 64"); see settingListTables.ts.
 */
import type { Cell, TableGrid } from './grid.ts';
import { attributeOf, readColumns, readRows } from './attributeTables.ts';
import { readConfigurations } from './configurationTables.ts';
import { parseLayerText } from './layerText.ts';
import { readSettingList } from './settingListTables.ts';
import { rowsOf, type InterpretHints, type NetworkDraft } from './sequence.ts';
import type { Box } from '../paper/index.ts';

export type { BlockStyle, InterpretHints, NetworkDraft, SeqBand, SeqBlock, SeqItem, SeqLayer, TableLayout } from './sequence.ts';
export { attributeOf } from './attributeTables.ts';

/**
 * A section row naming a network of its own ("Generator G(z)", "Discriminator", "Critic", "Policy network"), or
 * writing it as a function of its input ("G(z) – 100 × 1 × 1 input", "D(x)").
 */
const SECTION = /^(?:the\s+)?(?:generator|discriminator|critic|actor|policy|value|teacher|student|encoder\s+network|classifier)\b|^[A-Z]\s*\(\s*[a-z]\s*\)/i;

/**
 * The body rows cut at section rows that name separate networks (one cell alone on its row); the rows before
 * the first section are a network of their own. Encoder/decoder parts of one network stay together.
 */
function sectionsOf(body: Cell[][]): Array<{ label?: string; body: Cell[][] }> {
  const parts: Array<{ label?: string; body: Cell[][] }> = [{ body: [] }];
  for (const row of body) {
    const only = row.length === 1 ? row[0] : undefined;
    // The label may state the section's input ("G(z) – 100 × 1 × 1 input"), never a layer of it.
    if (only && SECTION.test(only.text.trim()) && parseLayerText(only.text).every((l) => l.type === 'Input')) parts.push({ label: only.text.trim(), body: [] });
    else parts[parts.length - 1].body.push(row);
  }
  return parts.filter((p) => p.body.length);
}

/** A header over a column that names each row's network ("Network | Layer | Units": "Actor", "Critic"). */
const NETWORK_COLUMN = /^(?:network|model|sub-?network|module|branch|component)s?$/i;

/**
 * The body rows grouped by the network its label column names, each row with the nearest label (labels stand
 * centred on their rows, or on the first); the label column is no attribute of any layer.
 */
function labelledSections(label: Cell, body: Cell[][]): Array<{ label?: string; body: Cell[][] }> {
  const isLabel = (c: Cell) => c.col0 === label.col0 && c.col1 === label.col1;
  const middle = (b: Box) => (b[1] + b[3]) / 2;
  const labels = body.flatMap((row) => row.filter(isLabel).map((c) => ({ y: middle(c.box), text: c.text.trim() })));
  if (labels.length < 2) return [{ body: body.map((row) => row.filter((c) => !isLabel(c))) }];
  const parts = labels.map((l) => ({ label: l.text, body: [] as Cell[][] }));
  for (const row of body) {
    const cells = row.filter((c) => !isLabel(c));
    if (!cells.length) continue;
    const y = cells.reduce((sum, c) => sum + middle(c.box), 0) / cells.length;
    const nearest = labels.reduce((best, l, k) => (Math.abs(l.y - y) < Math.abs(labels[best].y - y) ? k : best), 0);
    parts[nearest].body.push(cells);
  }
  return parts.filter((p) => p.body.length);
}

/** Layers of a draft with their width stated. */
function sizedLayers(draft: NetworkDraft): number {
  const layers = draft.bands.flatMap((b) => b.items.flatMap((i) => (i.kind === 'layer' ? [i.draft] : i.layers.map((l) => l.draft))));
  return layers.filter((l) => l.params.filters !== undefined || l.params.units !== undefined).length;
}

/**
 * "Layer type | SVHN model | GTSRB model", "Layer | Model-S | Model-L": a type or name column and, beside it, one column per network whose cells
 * state that network's numbers ("3×3×32", "2×2", "256"). Each network column is read as the type column's spec.
 */
function networkColumns(header: Cell[], body: Cell[][]): NetworkDraft[] {
  const type = header.find((h) => attributeOf(h.text) === 'type') ?? header.find((h) => attributeOf(h.text) === 'name');
  const networks = header.filter((h) => h !== type && !attributeOf(h.text));
  // Two networks at least: a single column beside the stages ("stage | net") is a configuration table's.
  if (!type || networks.length < 2 || header.length !== networks.length + 1) return [];
  const covers = (c: Cell, h: Cell) => c.col0 <= h.col1 && c.col1 >= h.col0;
  return networks.flatMap((network) => {
    const spec: Cell = { ...network, text: 'configuration', lines: ['configuration'] };
    const draft = readRows(
      [type, spec],
      body.map((row) => row.filter((c) => covers(c, type) || covers(c, network))),
    );
    return draft && draft.readCells >= 3 && sizedLayers(draft) >= 2 ? [{ ...draft, name: network.text }] : [];
  });
}

/** A row of header words only: no numbers, no layer names, each cell over one column. */
const headerWordsOnly = (row: Cell[]) => row.every((c) => c.col0 === c.col1 && !/\d/.test(c.text) && parseLayerText(c.text).length === 0);

/**
 * The header at row `r` with the words stacked above and below it in their columns ("Filters /" over "units"
 * beside a one-line "Layer | Kernel") joined into its cells, and where the body starts.
 */
function stackedHeader(rows: Cell[][], r: number): { header: Cell[]; bodyStart: number } {
  if (rows[r].some((c) => /\d/.test(c.text))) return { header: rows[r], bodyStart: r + 1 };
  let top = r;
  while (top > 0 && headerWordsOnly(rows[top - 1])) top--;
  let end = r + 1;
  // (below the header only off the first column, where a section's name would stand)
  while (end < rows.length - 1 && headerWordsOnly(rows[end]) && rows[end].every((c) => c.col0 > 0)) end++;
  if (top === r && end === r + 1) return { header: rows[r], bodyStart: r + 1 };
  const header = rows[r].map((c) => ({ ...c }));
  for (const row of [...rows.slice(top, r), ...rows.slice(r + 1, end)]) {
    for (const cell of row) {
      const own = header.find((h) => h.col0 <= cell.col0 && h.col1 >= cell.col1);
      if (!own) {
        header.push({ ...cell });
        continue;
      }
      const joined = cell.box[1] < own.box[1] ? `${cell.text} ${own.text}` : `${own.text} ${cell.text}`;
      // A group's label over its columns ("Convolution" over "Kernel | Channels | Stride") leaves each header its own word.
      if (attributeOf(joined) || !attributeOf(own.text)) own.text = joined;
    }
  }
  return { header: header.sort((a, b) => a.col0 - b.col0), bodyStart: end };
}

/**
 * Two tables set side by side under one rule ("Layer | Output shape | Layer | Output shape"): where the header's
 * attributes repeat, each repetition's columns are a table of their own, read left to right.
 */
function sideBySide(fullHeader: Cell[], body: Cell[][]): Array<{ header: Cell[]; body: Cell[][]; label?: string }> {
  // (a label over each table, "Generator | Discriminator", names it)
  const isLabel = (h: Cell) => h.col1 > h.col0 && !attributeOf(h.text);
  const header = fullHeader.filter((h) => !isLabel(h));
  const attrs = header.map((h) => attributeOf(h.text));
  const n = header.length;
  // (each table has two columns at least: "Stage | Operation" is one table)
  const period = [...Array(Math.floor(n / 2)).keys()]
    .map((k) => k + 1)
    .find((p) => p >= 2 && n % p === 0 && attrs.every((a, i) => a !== undefined && (i + p >= n || attrs[i + p] === a)));
  if (!period) return [{ header: fullHeader, body }];
  return [...Array(n / period).keys()].map((k) => {
    const own = header.slice(k * period, (k + 1) * period);
    const [from, to] = [own[0].col0, own[own.length - 1].col1];
    const label = fullHeader.find((h) => isLabel(h) && h.col0 >= from && h.col1 <= to)?.text;
    return { header: own, label, body: body.map((row) => row.filter((c) => c.col0 >= from && c.col1 <= to)).filter((row) => row.length > 0) };
  });
}

/** Interprets a grid as zero or more networks. */
export function interpretTable(grid: TableGrid, hints: InterpretHints): NetworkDraft[] {
  const cells = grid.cells.filter((c) => c.text.trim());
  const rows = rowsOf(cells);
  // Row-major: the first row with two or more attribute headers, one of them a type, a kernel or a layer's spec.
  for (let r = 0; r < Math.min(rows.length, 4); r++) {
    const stacked = stackedHeader(rows, r);
    const label = stacked.header.find((h) => NETWORK_COLUMN.test(h.text.trim()));
    const header = stacked.header.filter((h) => h !== label);
    const bodyStart = stacked.bodyStart;
    const attrs = header.map((c) => attributeOf(c.text)).filter(Boolean);
    // A name column alone ("Layer | Output size") only where every header is an attribute: beside network
    // variants ("layer name | output size | 18-layer | 34-layer") the table is a configuration table.
    const typed = attrs.some((a) => a === 'type' || a === 'kernel' || a === 'spec');
    const named = !typed && attrs.includes('name') && attrs.length === header.length;
    if (attrs.length >= 2 && (named || typed)) {
      const body = rows.slice(bodyStart);
      const parts = (label ? labelledSections(label, body) : sectionsOf(body)).flatMap((part) =>
        sideBySide(header, part.body).map((side) => ({ ...side, label: part.label ?? side.label })),
      );
      const drafts = parts
        .map(({ label, header, body }) => {
          const draft = readRows(header, body);
          return draft && { ...draft, name: label ?? draft.name };
        })
        .filter((d): d is NetworkDraft => d !== undefined && d.readCells >= (parts.length > 1 ? 2 : 3))
        // Rows known by their names only are a network where their cells state widths ("conv1 | … | 20×20×32").
        .filter((d) => !named || sizedLayers(d) >= 2);
      if (drafts.length) return drafts;
    }
  }
  const perNetwork = rows.length ? networkColumns(rows[0], rows.slice(1)) : [];
  if (perNetwork.length) return perNetwork;
  // Column-major: a column holding three or more attribute headers.
  for (let col = 0; col < Math.min(grid.columns.length, 3); col++) {
    const attrs = cells.filter((c) => c.col0 === col && attributeOf(c.text)).length;
    if (attrs >= 3) {
      const draft = readColumns(grid, col, rows);
      if (draft) return [draft];
    }
  }
  const configurations = readConfigurations(grid, hints);
  if (configurations.some((d) => sizedLayers(d) >= 2)) return configurations;
  // "Convolutional layers | 3", "Filters per layer | 64, 128, 128": a list of settings.
  const settings = readSettingList(grid);
  return settings ? [settings] : configurations;
}

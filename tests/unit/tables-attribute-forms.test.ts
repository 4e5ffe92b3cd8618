/**
 * Layer tables as papers lay them out, one row (or column) per layer, read through the table grammar: headers
 * that name a type, a layer name, a kernel-and-width column ("Kernel / Filters"), a spec column ("Configuration"),
 * output shapes that carry the width, section rows for separate networks, sequence layers. The rows are written
 * here in no paper's words; each test gives the tokens a reader would write down (as the prose forms do).
 */
import { describe, expect, it } from 'vitest';
import { groupLines, type TextItem } from '../../src/paper/index.ts';
import { assembleGraph, buildGrid, classifyTable, interpretTable } from '../../src/tables/index.ts';
import type { Graph } from '../../src/graph/index.ts';

/** A text run at (x, y) in a 9 pt font, about 4.5 pt per character. */
function run(str: string, x: number, y: number): TextItem {
  return { str, box: [x, y, x + str.length * 4.5, y + 9], size: 9, font: 'F1', rotated: false };
}

/** Rows of cells at the given column positions, 11 pt apart, as an unruled grid. */
function grid(columns: number[], rows: string[][]) {
  const items = rows.flatMap((row, r) => row.flatMap((s, c) => (s ? [run(s, columns[c], 100 + r * 11)] : [])));
  const box: [number, number, number, number] = [Math.min(...items.map((i) => i.box[0])), 100, Math.max(...items.map((i) => i.box[2])), 100 + rows.length * 11];
  return buildGrid(groupLines(items), [], box);
}

const TOKEN: Record<string, string> = {
  Conv2D: 'C',
  Conv1D: 'C',
  Conv2DTranspose: 'U',
  MaxPool2D: 'P',
  MaxPool1D: 'P',
  AvgPool2D: 'A',
  GlobalAvgPool2D: 'A',
  Dense: 'F',
  Embedding: 'E',
  LSTM: 'L',
  GRU: 'G',
};
const tokens = (g: Graph) =>
  g.layers
    .filter((l) => TOKEN[l.type])
    .map((l) => TOKEN[l.type] + (/[PA]/.test(TOKEN[l.type]) ? '' : String(l.params?.filters ?? l.params?.units ?? l.params?.dim ?? '')))
    .join(' ');

/** The networks a table reads as, each as tokens; every one must validate. */
function read(columns: number[], rows: string[][], caption = 'Table 1: Layers of the network.'): string[] {
  const g = grid(columns, rows);
  expect(classifyTable(g, caption).architecture).toBe(true);
  return interpretTable(g, { blockStyle: 'plain' }).map((draft) => {
    const { graph, errors } = assembleGraph(draft, { name: draft.name || 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    return tokens(graph);
  });
}

describe('layer tables', () => {
  it('reads the type column, not the name column, and a "Kernel / Filters" column as both', () => {
    const rows = [
      ['Layer', 'Type', 'Kernel / Filters', 'Stride', 'Output size'],
      ['c1', 'Convolution', '3×3, 16', '1', '28×28×16'],
      ['p1', 'Max pooling', '2×2', '2', '14×14×16'],
      ['c2', 'Convolution', '3×3, 48', '1', '14×14×48'],
      ['p2', 'Average pooling', '2×2', '2', '7×7×48'],
      ['f3', 'Fully connected', '100', '–', '100'],
      ['f4', 'Fully connected', '7', '–', '7'],
    ];
    expect(read([40, 90, 190, 280, 330], rows)).toEqual(['C16 P C48 A F100 F7']);
  });

  it('reads rows known by their names when their cells state widths ("Layer | Filters | Size | Stride")', () => {
    const rows = [
      ['Layer', 'Filters', 'Size', 'Stride', 'Output'],
      ['conv1', '24', '5×5', '2', '38×38×24'],
      ['conv2', '48', '3×3', '2', '19×19×48'],
      ['fc3', '256', '–', '–', '256'],
      ['fc4', '6', '–', '–', '6'],
    ];
    expect(read([40, 100, 160, 220, 280], rows)).toEqual(['C24 C48 F256 F6']);
  });

  it('takes the width from the output shape where no column states it (a Keras-like summary)', () => {
    const rows = [
      ['Layer (type)', 'Output shape'],
      ['conv_a (Conv2D)', '(None, 30, 30, 16)'],
      ['pool_a (MaxPooling2D)', '(None, 15, 15, 16)'],
      ['flat (Flatten)', '(None, 3600)'],
      ['hidden (Dense)', '(None, 64)'],
      ['out (Dense)', '(None, 3)'],
    ];
    expect(read([40, 200], rows)).toEqual(['C16 P F64 F3']);
  });

  it('reads layers written out in one column beside their output size', () => {
    const rows = [
      ['Layer', 'Output size'],
      ['Input', '96×96×3'],
      ['Conv 5×5, 16, stride 2', '48×48×16'],
      ['Max pool 2×2', '24×24×16'],
      ['Conv 3×3, 32', '24×24×32'],
      ['Global avg pool', '1×1×32'],
      ['FC 4, softmax', '4'],
    ];
    expect(read([40, 200], rows)).toEqual(['C16 P C32 A F4']);
  });

  it('cuts a table at section rows that name separate networks, keeping each section its own', () => {
    const rows = [
      ['Layer', 'Filters / Units', 'Kernel', 'Stride'],
      ['Critic'],
      ['Conv', '32', '4×4', '2'],
      ['Conv', '64', '4×4', '2'],
      ['Dense', '1', '–', '–'],
      ['Actor'],
      ['Dense', '200', '–', '–'],
      ['Dense', '2', '–', '–'],
    ];
    expect(read([40, 120, 200, 260], rows)).toEqual(['C32 C64 F1', 'F200 F2']);
  });

  it('builds a table of sequence layers as a sequence network, reading a "Configuration" column', () => {
    const rows = [
      ['Layer', 'Configuration', 'Output shape'],
      ['Embedding', '5000 × 64', '80 × 64'],
      ['Conv1D', '96 filters, kernel 3', '78 × 96'],
      ['MaxPool1D', 'pool size 2', '39 × 96'],
      ['GRU', '48 units', '48'],
      ['Dense', '2, softmax', '2'],
    ];
    expect(read([40, 120, 260], rows)).toEqual(['E64 C96 P G48 F2']);
  });
});

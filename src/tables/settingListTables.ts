/**
 * Settings tables ("Component | Setting": "Convolutional layers | 3", "Filters per layer | 64, 128,
 * 128", "Dense layers | 256, 64", "Optimizer | Adam"): each row a setting, read by the reading core's settings
 * lists into one network.
 */
import { settingListLayers } from '../reading/index.ts';
import { rowsOf, layerOf, type NetworkDraft } from './sequence.ts';
import type { TableGrid } from './grid.ts';

/**
 * Rows whose first cell is a setting's name and the second its value. With more columns ("Hyper-parameter | Tiny |
 * Small | Base"), each is a model size side by side: the first is read, as a configuration table's first network is.
 */
export function readSettingList(grid: TableGrid): NetworkDraft | undefined {
  if (grid.columns.length < 2) return undefined;
  const sideBySide = grid.columns.length > 2;
  const rows = rowsOf(grid.cells.filter((c) => c.text.trim())).filter((row) => row.length >= 2 && row[0].col0 === 0);
  const settings = rows.map((row) => ({
    key: row[0].text,
    value: row
      .slice(1)
      .filter((c) => !sideBySide || c.col0 === 1)
      .map((c) => c.text)
      .join(' '),
  }));
  // Model sizes side by side state plain numbers ("128", "1,195"), not sizes or layer specs ("112×112", "3×3 conv").
  const plain = settings.filter((r) => /^\s*\d[\d,.]*\s*[MKk]?\s*$/.test(r.value)).length;
  if (sideBySide && plain * 4 < settings.length * 3) return undefined;
  const layers = settings.length >= 3 ? settingListLayers(settings) : undefined;
  if (!layers) return undefined;
  const boxOf = (text: string) => rows.find((row) => text.startsWith(`${row[0].text}:`))?.[0].box ?? grid.box;
  return {
    name: '',
    layout: 'rows',
    bands: [{ items: layers.map((l) => layerOf(l, boxOf(l.text))) }],
    readCells: new Set(layers.map((l) => l.text)).size,
    totalCells: rows.length,
  };
}

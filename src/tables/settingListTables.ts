/**
 * Two-column settings tables ("Component | Setting": "Convolutional layers | 3", "Filters per layer | 64, 128,
 * 128", "Dense layers | 256, 64", "Optimizer | Adam"): each row a setting, read by the reading core's settings
 * lists into one network.
 */
import { settingListLayers } from '../reading/index.ts';
import { rowsOf, layerOf, type NetworkDraft } from './sequence.ts';
import type { TableGrid } from './grid.ts';

/** Rows whose first cell is a setting's name and the second its value; a table of two columns only. */
export function readSettingList(grid: TableGrid): NetworkDraft | undefined {
  if (grid.columns.length !== 2) return undefined;
  const rows = rowsOf(grid.cells.filter((c) => c.text.trim())).filter((row) => row.length >= 2 && row[0].col0 === 0);
  const settings = rows.map((row) => ({
    key: row[0].text,
    value: row
      .slice(1)
      .map((c) => c.text)
      .join(' '),
  }));
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

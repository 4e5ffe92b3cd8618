/** Tables: structure from positions, architecture-or-results classification, interpretation into graphs. */
export { buildGrid, type Cell, type TableGrid } from './grid.ts';
export { classifyTable, tableWords, type TableClass } from './classify.ts';
export { parseLayerText, normaliseLayerText, repeatCount, sizeOf, typeOfName, type LayerDraft } from './layerText.ts';
export { topLevel } from './callNotation.ts';
export {
  interpretTable,
  attributeOf,
  type NetworkDraft,
  type SeqItem,
  type SeqLayer,
  type SeqBlock,
  type SeqBand,
  type BlockStyle,
  type TableLayout,
} from './interpret.ts';
export { assembleGraph, type Assembled, type AssembleContext } from './assemble.ts';
export { tableToGraphs, type TableDesign, type TableReading } from './tableToGraphs.ts';
export { settingsRows, type SettingsRow } from './settingsTables.ts';

/**
 * The reading core: one layer vocabulary (from the catalog) and one phrase grammar, used by the table,
 * prose and figure-label front ends alike.
 */
export { NUMBER_WORDS, ORDINALS, wordsToDigits, numberOf, numbersIn, NUMBER_LIST } from './numbers.ts';
export { describesNoDesign, normaliseLayerText, proseForm } from './text.ts';
export {
  ALL_WIDTH_NOUNS,
  KIND_WORDS,
  kindNamed,
  widthNouns,
  widthParam,
  typeCountedBy,
  leadingModifier,
  modifierParams,
  draftModifiers,
  type LayerKind,
} from './vocabulary.ts';
export { classCountsIn, outputFunction, TASK_SIZED_OUTPUT } from './classes.ts';
export { mlpStatements, bareChain, type MlpStatement } from './mlpForms.ts';
export { statedNetworks, type StatedNetwork, type StatedLayer } from './statedNetworks.ts';
export { groupClauses, type GroupClause, type GroupRef } from './layerGroups.ts';
export {
  transformerStatements,
  transformerKind,
  settingNamed,
  configOf as transformerConfigOf,
  type TransformerConfig,
  type Setting,
  type Settings,
} from './transformerStatements.ts';
export { transformerGraph } from './transformerGraph.ts';
export { sequenceGraph, isSequenceNetwork } from './sequenceGraph.ts';
export { settingListLayers, type SettingRow } from './settingLists.ts';
export type { TextUnit, LayerDraft } from './types.ts';
export { attributeOf, type Attribute } from './attributeWords.ts';

/** Prose: sentences that state an architecture → network graphs. */
export { splitSentences, type Sentence } from './sentences.ts';
export { mentionsIn, inputMention, classOutputMention, type Mention, type InputMention } from './mentions.ts';
export { placementIn, targetsIn, type Placement, type Target, type Selector } from './placements.ts';
export { paddingFromSizes, sizesFromNeuronCounts, type SizedLayer } from './statedSizes.ts';
export { proseToGraphs, type ProseDesign } from './proseToGraphs.ts';
export { readConventions, type Conventions } from './conventions.ts';

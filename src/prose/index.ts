/** Prose: sentences that state an architecture → network graphs. */
export { splitSentences, type Sentence } from './sentences.ts';
export { mentionsIn, inputMention, classOutputMention, type Mention, type InputMention } from './mentions.ts';
export { placementIn, targetsIn, type Placement, type Target, type Selector } from './placements.ts';
export { paddingFromSizes, sizesFromNeuronCounts, type SizedLayer } from './statedSizes.ts';
export { proseToGraphs, type ProseDesign } from './proseToGraphs.ts';
export { readConventions, type Conventions } from './conventions.ts';
export { contractingStepIn, expandingStepIn, widthRuleIn, totalConvsIn, finalConvIn, lowestResolutionIn, stepCountIn, firstWidthIn } from './steps.ts';
export { stepDesigns, type StepDesign } from './stepGraph.ts';

/** Prose: sentences that state an architecture → network graphs. */
export { splitSentences, type Sentence } from './sentences.ts';
export { mentionsIn, inputMention, type Mention } from './mentions.ts';
export { proseToGraphs, type ProseDesign } from './proseToGraphs.ts';
export { readConventions, type Conventions } from './conventions.ts';

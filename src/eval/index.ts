/** Measuring paper2net: designs against reference networks and hand-written truth, and results as tables and charts. */
export { bestMatch, layerToken, lcsLength, sequenceScore, structuralTokens, type BestMatch, type Detail, type SequenceScore } from './sequence.ts';
export { BUILTIN_REFERENCES, LENET5_PAPER, UNET_PAPER } from './references.ts';
export { parseManifest, type EvalManifest, type ReferencePair } from './manifest.ts';
export { truthScore, truthTokens, type TruthDesign } from './truth.ts';
export { parseTruth, pythonFixed, scoreTruthPaper, summariseTruth, truthSummaryLine, type TruthMatch, type TruthPaperScore, type TruthPapers, type TruthSummary } from './truthPapers.ts';
export { barChartSvg, markdownSection, markdownTable, type Bar, type Cell, type Section } from './report.ts';

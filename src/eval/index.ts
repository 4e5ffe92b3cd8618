/** Measuring paper2net: designs against reference networks, and results as tables and charts. */
export { bestMatch, layerToken, lcsLength, sequenceScore, structuralTokens, type BestMatch, type Detail, type SequenceScore } from './sequence.ts';
export { BUILTIN_REFERENCES, LENET5_PAPER, UNET_PAPER } from './references.ts';
export { barChartSvg, markdownTable, type Bar, type Cell } from './report.ts';

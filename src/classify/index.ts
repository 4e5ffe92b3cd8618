/** Figure classifier: is a figure a network architecture drawing, and which kind? (models/README.md: the model). */
export { CLASSES, FIVE_KINDS, fiveKindOf, toClassification, type ArchitectureKind, type Classification, type FigureClass, type FiveKind } from './classes.ts';
export { INPUT_SIZE, fittedSize, inkOf, preprocess, type RgbaImage } from './preprocess.ts';
export { createFigureClassifier, type FigureClassifier } from './session.ts';
export { parseClassifyLabels, scoreClassifications, type ClassifyLabel, type ClassifyScore } from './score.ts';

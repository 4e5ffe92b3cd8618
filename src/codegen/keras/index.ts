/** Keras target: Keras 3 functional-API Python, and the same model as `model.to_json()` writes it. */
export { emitKerasPython } from './python.ts';
export { emitKerasJson } from './json.ts';

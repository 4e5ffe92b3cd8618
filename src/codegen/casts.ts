/** Explicit element-type casts every emitter writes where a layer reads its input as another type. */
import { readElementTypes, type ElementType, type Layer } from '../graph/index.ts';

/** For each input of `layer`, the type it must be cast to, or undefined where it is read as it is. */
export function inputCasts(layer: Layer, elementTypes: ReadonlyMap<string, ElementType>): Array<ElementType | undefined> {
  const given = (layer.inputs ?? []).map((id) => elementTypes.get(id)!);
  const read = readElementTypes(layer.type, given);
  return given.map((type, i) => (type === read[i] ? undefined : read[i]));
}

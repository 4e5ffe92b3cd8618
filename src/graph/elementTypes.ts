/**
 * Element types through the graph: token ids (`int`) or real values (`float`). An Input says which it
 * gives; each layer's `reads` trait says what it takes, and a mismatched input is cast explicitly by
 * every emitter (ids read as floats by a Dense or Conv; floats truncated to ids by an Embedding).
 */
import { traitsOf } from './catalog/lookups.ts';
import type { Params } from './types.ts';

export type ElementType = 'int' | 'float';

/** The element type an Input layer gives. */
export function inputElementType(params: Params): ElementType {
  return params.dtype === 'int32' ? 'int' : 'float';
}

/** The element type a layer of `type` reads each input as, given what its inputs hold. */
export function readElementTypes(type: string, inputs: readonly ElementType[]): ElementType[] {
  const reads = traitsOf(type).reads;
  if (reads === 'ids') return inputs.map(() => 'int');
  if (reads === 'floats') return inputs.map(() => 'float');
  // Layout layers keep ids as ids, unless they join ids with floats.
  const all: ElementType = inputs.every((t) => t === 'int') ? 'int' : 'float';
  return inputs.map(() => all);
}

/** The element type a (non-Input) layer of `type` outputs, given what its inputs hold. */
export function outputElementType(type: string, inputs: readonly ElementType[]): ElementType {
  if (traitsOf(type).reads !== 'any') return 'float';
  return readElementTypes(type, inputs)[0] ?? 'float';
}

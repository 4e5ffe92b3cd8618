/** A graph being built: blocks append catalog layers to it and read back the shapes so far. */
import { GRAPH_FORMAT, inferShapes, type DesignSource, type Graph, type Layer, type Params, type Shape } from '../../graph/index.ts';

export interface LayerOptions {
  /** The layer's id; made unique with a number when taken. Defaults to the type in lower case. */
  id?: string;
  /** Params the text did not state and the block filled in. */
  inferred?: string[];
}

export class LayerStack {
  readonly layers: Layer[] = [];
  private readonly ids = new Set<string>();

  /** Appends one layer; returns its id. */
  add(type: string, inputs: string[], params: Params = {}, options: LayerOptions = {}): string {
    const id = this.freshId(options.id ?? type.toLowerCase());
    this.layers.push({ id, type, params, ...(inputs.length ? { inputs } : {}), ...(options.inferred?.length ? { inferred: options.inferred } : {}) });
    return id;
  }

  input(id: string, shape: Shape, options: { dtype?: 'int32'; inferred?: string[] } = {}): string {
    return this.add('Input', [], { shape, ...(options.dtype ? { dtype: options.dtype } : {}) }, { id, inferred: options.inferred });
  }

  /** The output shape of a layer added so far; throws when the layers so far do not validate. */
  shapeOf(id: string): Shape {
    const shape = inferShapes(this.graph('layers so far')).get(id);
    if (!shape) throw new Error(`no layer "${id}" in the stack`);
    return shape;
  }

  /** The first of `base1`, `base2`, … that no layer id uses yet: a prefix for one block's layers. */
  prefix(base: string): string {
    const used = (candidate: string) => [...this.ids].some((id) => id === candidate || id.startsWith(`${candidate}_`));
    let n = 1;
    while (used(`${base}${n}`)) n++;
    return `${base}${n}`;
  }

  graph(name: string, source?: DesignSource): Graph {
    return { format: GRAPH_FORMAT, name, layers: [...this.layers], ...(source ? { source } : {}) };
  }

  private freshId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}_${n}`;
    this.ids.add(id);
    return id;
  }
}

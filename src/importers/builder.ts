/**
 * Accumulates the layers of an imported graph, keeping ids unique and computing each layer's output
 * shape with the catalog as it goes, so importers can decide by shape (insert a Flatten before a
 * Dense, detect a depthwise convolution, size a crop).
 */
import { GRAPH_FORMAT, ShapeError, checkParam, getSpec, resolveParamsFor } from '../graph/index.ts';
import type { Graph, Layer, Params, Shape } from '../graph/index.ts';
import { ImportError, type ImportFormat, type ImportPosition } from './errors.ts';

export interface NewLayer {
  /** Wanted id; made unique with a numeric suffix if taken. */
  id: string;
  type: string;
  inputs?: string[];
  params?: Params;
  inferred?: string[];
}

export class GraphBuilder {
  readonly layers: Layer[] = [];
  readonly warnings: string[] = [];
  private readonly shapes = new Map<string, Shape>();
  private readonly byId = new Map<string, Layer>();
  private readonly nextSuffix = new Map<string, number>();

  constructor(readonly format: ImportFormat) {}

  /** Adds a layer, returns its (possibly suffixed) id; throws ImportError at `position` if it does not fit. */
  add(layer: NewLayer, position: ImportPosition): string {
    const spec = getSpec(layer.type);
    if (!spec) throw new ImportError(this.format, `layer type "${layer.type}" is not in the paper2net catalog`, position);
    const id = this.uniqueId(layer.id);
    for (const [name, value] of Object.entries(layer.params ?? {})) {
      const paramSpec = spec.params.find((p) => p.name === name);
      const problem = paramSpec ? checkParam(paramSpec, value) : `${layer.type} has no param "${name}"`;
      if (problem) throw new ImportError(this.format, `${layer.type} "${id}": ${problem}`, position);
    }
    const inputs = layer.inputs ?? [];
    const inputShapes = inputs.map((input) => {
      const shape = this.shapes.get(input);
      if (!shape) throw new ImportError(this.format, `input "${input}" is not produced by any earlier layer`, position);
      return shape;
    });
    let shape: Shape;
    try {
      shape = spec.outputShape(inputShapes, resolveParamsFor(spec, layer.params ?? {}));
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      const param = error.param ? ` (param ${error.param})` : '';
      throw new ImportError(this.format, `${layer.type} "${id}" does not fit its input: ${error.message}${param}`, position);
    }
    const built: Layer = { id, type: layer.type };
    if (inputs.length) built.inputs = [...inputs];
    if (layer.params && Object.keys(layer.params).length) built.params = layer.params;
    if (layer.inferred?.length) built.inferred = layer.inferred;
    this.layers.push(built);
    this.byId.set(id, built);
    this.shapes.set(id, shape);
    return id;
  }

  shapeOf(id: string): Shape {
    const shape = this.shapes.get(id);
    if (!shape) throw new Error(`no layer "${id}" yet`);
    return shape;
  }

  layer(id: string): Layer | undefined {
    return this.byId.get(id);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  uniqueId(wanted: string): string {
    const base = wanted.trim() || 'layer';
    if (!this.shapes.has(base)) return base;
    // Resume where the last suffix for this base stopped: 100,000 layers named alike stay linear.
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.shapes.has(`${base}_${n}`)) n++;
    this.nextSuffix.set(base, n + 1);
    return `${base}_${n}`;
  }

  /** `input` as a spatial [H, W, C] tensor: a [C] vector (e.g. from global pooling) gets a Reshape to [1, 1, C]. */
  spatial(input: string, position: ImportPosition): string {
    const shape = this.shapeOf(input);
    if (shape.length !== 1) return input;
    return this.add({ id: `${input}_reshape`, type: 'Reshape', inputs: [input], params: { shape: [1, 1, shape[0]!] } }, position);
  }

  /** `input` as a vector: spatial tensors get a Flatten (Caffe InnerProduct and ONNX Gemm flatten implicitly). */
  vector(input: string, position: ImportPosition): string {
    if (this.shapeOf(input).length === 1) return input;
    return this.add({ id: `${input}_flatten`, type: 'Flatten', inputs: [input] }, position);
  }

  build(name: string, file: string | undefined): Graph {
    const graph: Graph = { format: GRAPH_FORMAT, name, layers: this.layers };
    graph.source = file ? { kind: 'import', file } : { kind: 'import' };
    if (this.warnings.length) graph.warnings = [...this.warnings];
    return graph;
  }
}

/**
 * Walks the graph in order and asks each layer's lowering for its Caffe layers. Tracks the shape
 * Caffe will actually produce (its rounding can differ from the graph's), which blob holds each
 * layer's output, and when a layer may work in place, as the BVLC models do for ReLU and BatchNorm.
 */
import {
  getSpec,
  inferShapes,
  isLayerType,
  isUnsupported,
  resolveParams,
  ShapeError,
  type Analysis,
  type Graph,
  type Layer,
  type LayerType,
  type Params,
  type Shape,
  type Unsupported,
} from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { graphFacts } from '../graphFacts.ts';
import { toIdentifier } from '../naming.ts';
import { elementCount, weightBudgetProblem } from '../weights.ts';
import type { BlobRef, CaffeLayerPlan, CaffePlan } from './plan.ts';

/** A graph layer's output as Caffe sees it. */
export interface Produced {
  ref: BlobRef;
  /** Channels-last shape without batch, as the graph would see this blob. */
  shape: Shape;
  /** Zeros a folded ZeroPadding2D owes on each side [h, w]: `shape` includes them, the blob does not. */
  extraPad?: [number, number];
  /** The blob is an earlier layer's, passed through unchanged, and may have other readers. */
  shared?: boolean;
}

export interface LoweringContext {
  layer: Layer;
  params: Params;
  /** The layer's Caffe name (a unique identifier). */
  name: string;
  inputs: Produced[];
  /** The graph's output shape for these (Caffe) inputs. */
  target: Shape;
  builder: CaffePlanBuilder;
}

export type Lowering = (context: LoweringContext) => Produced;

export class CaffePlanBuilder {
  readonly layers: CaffeLayerPlan[] = [];
  private readonly produced = new Map<string, Produced>();
  private readonly taken = new Set<string>();
  private readonly consumers: ReadonlyMap<string, readonly Layer[]>;
  private readonly byId = new Map<string, Layer>();
  private readonly outputs: ReadonlySet<string>;
  readonly names: ReadonlyMap<string, string>;

  constructor(
    readonly graph: Graph,
    private readonly analysis?: Analysis,
  ) {
    const facts = graphFacts(graph, { analysis });
    this.names = facts.identifiers;
    this.consumers = facts.readers;
    this.outputs = facts.outputIds;
    for (const name of this.names.values()) this.taken.add(name.toLowerCase());
    for (const layer of graph.layers) this.byId.set(layer.id, layer);
  }

  /** A fresh identifier for a helper layer, e.g. "conv1_relu". */
  unique(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }

  add(layer: CaffeLayerPlan): BlobRef {
    this.layers.push(layer);
    return { layer: layer.name, blob: layer.tops[0]! };
  }

  consumersOf(layerId: string): readonly Layer[] {
    return this.consumers.get(layerId) ?? [];
  }

  isOutput(layerId: string): boolean {
    return this.outputs.has(layerId);
  }

  /** True when `layer` may overwrite its input blob: nobody else reads it and it is not the net's input. */
  canWorkInPlace(layer: Layer): boolean {
    const [inputId] = layer.inputs ?? [];
    if (inputId === undefined || (layer.inputs ?? []).length !== 1) return false;
    const input = this.byId.get(inputId)!;
    const produced = this.produced.get(inputId);
    return input.type !== 'Input' && this.consumersOf(inputId).length === 1 && !produced?.extraPad && !produced?.shared;
  }

  lower(lowerings: Readonly<Record<LayerType, Lowering | Unsupported>>): CaffePlan {
    const graphShapes = inferShapes(this.graph, this.analysis);
    let weightCount = 0;
    for (const layer of this.graph.layers) {
      const spec = getSpec(layer.type)!;
      const lowering = isLayerType(layer.type) ? lowerings[layer.type] : undefined;
      if (!lowering) throw new UnsupportedLayerError('caffe', layer.id, layer.type, `no Caffe lowering for ${layer.type}`);
      if (isUnsupported(lowering)) throw new UnsupportedLayerError('caffe', layer.id, layer.type, lowering.unsupported);
      const params = resolveParams(layer);
      const inputs = (layer.inputs ?? []).map((id) => this.produced.get(id)!);
      let target: Shape;
      try {
        target = spec.outputShape(
          inputs.map((input) => input.shape),
          params,
        );
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
        const wanted = (layer.inputs ?? []).map((id) => `[${graphShapes.get(id)!.join(',')}]`).join(', ');
        throw new UnsupportedLayerError('caffe', layer.id, layer.type, `Caffe's rounding changed its inputs (the graph has ${wanted}): ${error.message}`);
      }
      const planned = this.layers.length;
      const produced = lowering({ layer, params, name: this.names.get(layer.id)!, inputs, target, builder: this });
      this.produced.set(layer.id, produced);
      // A running total: summing every blob again per layer made planning quadratic in the layer count.
      for (let i = planned; i < this.layers.length; i++) for (const blob of this.layers[i]!.blobs) weightCount += elementCount(blob.shape);
      const tooBig = weightBudgetProblem(weightCount);
      if (tooBig) throw new UnsupportedLayerError('caffe', layer.id, layer.type, tooBig);
    }
    // Lowerings may rewrite layers planned before them (a folded padding), so check the exact total once more.
    const total = this.layers.reduce((sum, plan) => sum + plan.blobs.reduce((n, blob) => n + elementCount(blob.shape), 0), 0);
    const tooBig = weightBudgetProblem(total);
    if (tooBig) throw new UnsupportedLayerError('caffe', this.graph.layers.at(-1)!.id, this.graph.layers.at(-1)!.type, tooBig);
    return { name: toIdentifier(this.graph.name), seed: this.graph.name, layers: this.layers };
  }
}

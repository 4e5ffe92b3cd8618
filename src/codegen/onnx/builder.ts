/** Collects ONNX nodes and initializers with readable, unique tensor names. */
import { OnnxAttributeType, OnnxDataType, type OnnxAttribute, type OnnxNode, type OnnxTensor } from '../../proto/index.ts';
import { elementCount, floatBytes, floatSlabs, makeWeights, weightBudgetProblem, type WeightInit } from '../weights.ts';

/** Thrown before allocating a tensor that would take the model past the protobuf size limit. */
export class WeightBudgetError extends Error {
  override name = 'WeightBudgetError';
}

export type AttributeValue = number | number[] | string | { float: number } | { floats: number[] } | { tensor: OnnxTensor };

/** Attribute values: integers and integer lists by default; `{ float: x }` when ONNX wants a float. */
function attribute(name: string, value: AttributeValue): OnnxAttribute {
  if (typeof value === 'string') return { name, type: OnnxAttributeType.STRING, s: new TextEncoder().encode(value) };
  if (typeof value === 'number') return { name, type: OnnxAttributeType.INT, i: value };
  if (Array.isArray(value)) return { name, type: OnnxAttributeType.INTS, ints: value };
  if ('float' in value) return { name, type: OnnxAttributeType.FLOAT, f: value.float };
  if ('tensor' in value) return { name, type: OnnxAttributeType.TENSOR, t: value.tensor };
  return { name, type: OnnxAttributeType.FLOATS, floats: value.floats };
}

/**
 * How weight tensors are stored. `seeded`: initializers of seeded random values. `placeholder`: each a
 * ConstantOfShape node, kernels filled with 1/fan-in (activations keep their scale), biases and norms with
 * their usual constants, so a VGG-sized model is kilobytes instead of 550 MB and still runs.
 */
export type OnnxWeights = 'seeded' | 'placeholder';

/** The one value a placeholder tensor is filled with. */
function placeholderValue(init: WeightInit): number {
  if (init.kind === 'constant') return init.value;
  if (init.kind === 'values') throw new Error('explicit values have no placeholder');
  return 1 / Math.max(1, init.fanIn);
}

export class OnnxGraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly names = new Set<string>();
  private readonly constants = new Map<string, string>();
  private weightElements = 0;
  private readonly allocate = floatSlabs();

  constructor(
    private readonly seed: string,
    private readonly weights: OnnxWeights = 'seeded',
  ) {}

  /** `base`, or `base_2`, ... when taken. */
  unique(base: string): string {
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base}_${n}`;
    this.names.add(name);
    return name;
  }

  /**
   * Gives the tensor a node of this builder wrote since `fromNode` the final name `name`, so each
   * layer's output carries the layer's name; returns the tensor's name either way.
   */
  rename(tensor: string, name: string, fromNode: number): string {
    let producer: OnnxNode | undefined;
    for (let i = fromNode; i < this.nodes.length && !producer; i++) if (this.nodes[i]!.output![0] === tensor) producer = this.nodes[i];
    if (!producer || this.names.has(name)) return tensor;
    this.names.add(name);
    producer.output![0] = name;
    producer.name = name;
    return name;
  }

  /** Adds a node writing one output (or several, given as names) and returns its first output. */
  node(op: string, inputs: string[], output: string, attributes: Record<string, AttributeValue | undefined> = {}, extraOutputs: string[] = []): string {
    this.nodes.push({
      op_type: op,
      name: output,
      input: inputs,
      output: [output, ...extraOutputs],
      attribute: Object.entries(attributes)
        .filter((entry): entry is [string, AttributeValue] => entry[1] !== undefined)
        .map(([name, value]) => attribute(name, value)),
    });
    return output;
  }

  /** A float initializer filled by `init`, seeded by its name. */
  weight(name: string, shape: number[], init: WeightInit): string {
    if (this.weights === 'placeholder' && init.kind !== 'values') {
      const value = { tensor: { dims: [1], data_type: OnnxDataType.FLOAT, raw_data: floatBytes(Float32Array.of(placeholderValue(init))) } };
      return this.node('ConstantOfShape', [this.int64s(shape)], this.unique(name), { value });
    }
    this.weightElements += elementCount(shape);
    const tooBig = weightBudgetProblem(this.weightElements);
    if (tooBig) throw new WeightBudgetError(tooBig);
    const unique = this.unique(name);
    const values = makeWeights({ name: unique, shape, init }, this.seed, this.allocate);
    this.initializers.push({ name: unique, dims: shape, data_type: OnnxDataType.FLOAT, raw_data: floatBytes(values) });
    return unique;
  }

  /** An int64 initializer, e.g. a Reshape target or Squeeze axes; shared between nodes that need the same values. */
  int64s(values: number[]): string {
    const key = `i64:${values.join(',')}`;
    const known = this.constants.get(key);
    if (known) return known;
    const name = this.unique(`const.int64.${values.map((v) => String(v).replace('-', 'm')).join('_') || 'empty'}`);
    this.initializers.push({ name, dims: [values.length], data_type: OnnxDataType.INT64, int64_data: values });
    this.constants.set(key, name);
    return name;
  }

  /** A float initializer of the given values (a scalar when `shape` is []). */
  floats(values: number[], shape: number[] = [values.length]): string {
    const key = `f32:${shape.join('x')}:${values.join(',')}`;
    const known = this.constants.get(key);
    if (known) return known;
    const name = this.unique(`const.float.${values.map((v) => String(v).replace('-', 'm').replace('.', 'p')).join('_')}`);
    this.initializers.push({ name, dims: shape, data_type: OnnxDataType.FLOAT, raw_data: floatBytes(Float32Array.from(values)) });
    this.constants.set(key, name);
    return name;
  }
}

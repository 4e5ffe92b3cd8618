/**
 * Keras `model.to_json()` (1.x, 2.x, 3.x; Sequential, Functional/Model, nested models) → paper2net
 * graph. Nested models are flattened into the outer graph with their layer ids prefixed by the
 * model's name ("resnet50/conv1_conv"); their InputLayers are replaced by the tensors they are called on.
 */
import { defaultInputShape, type Graph, type Shape } from '../graph/index.ts';
import { GraphBuilder } from './builder.ts';
import { ImportError, type ImportPosition } from './errors.ts';
import { convertKerasLayer, type KerasConfig, type UnevenPad } from './keras-layers.ts';

interface KerasLayerJson {
  class_name: string;
  config: KerasConfig | KerasLayerJson[];
  name?: string;
  inbound_nodes?: unknown[];
  build_config?: { input_shape?: unknown };
}

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);

/** Parses the JSON text (also when it is a JSON string holding the JSON, as some repos save it). */
export function parseKerasJson(text: string): KerasLayerJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
    if (typeof data === 'string') data = JSON.parse(data);
  } catch (error) {
    throw new ImportError('keras', `not valid JSON: ${(error as Error).message}`);
  }
  if (isRecord(data) && isRecord(data.model_config)) data = data.model_config;
  if (isRecord(data) && Array.isArray(data.nodes) && (data.heads !== undefined || data.arg_nodes !== undefined)) {
    throw new ImportError('keras', 'not a Keras model: looks like an MXNet symbol file (nodes/arg_nodes/heads)');
  }
  if (!isRecord(data) || typeof data.class_name !== 'string' || data.config === undefined) {
    throw new ImportError('keras', 'not a Keras model: expected {"class_name": ..., "config": ...} at the top level');
  }
  if (!MODEL_CLASSES.has(data.class_name)) {
    throw new ImportError('keras', `top-level class "${data.class_name}" is not a Sequential or Functional model`);
  }
  return data as unknown as KerasLayerJson;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function importKerasJson(text: string, fileName?: string): Graph {
  const model = parseKerasJson(text);
  const b = new GraphBuilder('keras');
  const channelsFirst = usesChannelsFirst(model);
  if (channelsFirst) b.warn('model uses channels-first data; shapes converted to channels-last (Flatten order differs)');
  const importer = new KerasImporter(b, channelsFirst);
  for (const output of importer.model(model, '', undefined)) importer.checkNotPending(output);
  const config = model.config;
  const name = (!Array.isArray(config) && typeof config.name === 'string' && config.name) || baseName(fileName);
  return b.build(name, fileName);
}

function baseName(fileName: string | undefined): string {
  return (fileName ?? 'keras-model').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

function usesChannelsFirst(model: KerasLayerJson): boolean {
  return layersOf(model).some((layer) => {
    if (MODEL_CLASSES.has(layer.class_name)) return usesChannelsFirst(layer);
    const c = layer.config as KerasConfig;
    return c.dim_ordering === 'th' || c.data_format === 'channels_first';
  });
}

/** The model's layer entries, each checked to be `{class_name, config}` so later reads need no guards. */
function layersOf(model: KerasLayerJson): KerasLayerJson[] {
  const config = model.config;
  const layers = Array.isArray(config) ? config : isRecord(config) ? config.layers : undefined;
  if (!Array.isArray(layers)) throw new ImportError('keras', `${model.class_name} "${modelName(model)}" has no layers list`);
  layers.forEach((layer: unknown, index) => {
    const entry = layer as Record<string, unknown>;
    if (!isRecord(layer) || typeof entry.class_name !== 'string') throw new ImportError('keras', 'layer entry has no class_name', { index });
    const name = typeof entry.name === 'string' ? entry.name : undefined;
    if (!isRecord(entry.config) && !(Array.isArray(entry.config) && MODEL_CLASSES.has(entry.class_name))) {
      throw new ImportError('keras', `${entry.class_name} has no config object`, { index, name });
    }
    if (entry.inbound_nodes !== undefined && !Array.isArray(entry.inbound_nodes)) {
      throw new ImportError('keras', 'inbound_nodes is not a list', { index, name });
    }
  });
  return layers as KerasLayerJson[];
}

function modelName(model: KerasLayerJson): string {
  const config = model.config;
  const name = isRecord(config) ? config.name : undefined;
  return (typeof name === 'string' ? name : undefined) ?? model.name ?? model.class_name;
}

function layerName(layer: KerasLayerJson, index: number): string {
  const configName = isRecord(layer.config) ? layer.config.name : undefined;
  if (typeof layer.name === 'string') return layer.name;
  return typeof configName === 'string' ? configName : `layer_${index}`;
}

/** A tensor reference in inbound nodes: [layer name, node index, tensor index]. */
type TensorRef = [string, number, number];

class KerasImporter {
  private readonly unevenPads = new Map<string, UnevenPad>();

  constructor(
    private readonly b: GraphBuilder,
    private readonly channelsFirst: boolean,
  ) {}

  /** A model output cannot be an uneven padding waiting for a layer to fold into. */
  checkNotPending(output: string): void {
    const pad = this.unevenPads.get(output);
    if (pad) throw new ImportError('keras', `ZeroPadding2D: uneven padding ${pad.text} at the model output has no symmetric equivalent`, pad.position);
  }

  /** Imports a model; `inputs` are the outer tensors a nested model is called on. Returns its output ids. */
  model(model: KerasLayerJson, prefix: string, inputs: string[] | undefined): string[] {
    return model.class_name === 'Sequential' ? this.sequential(model, prefix, inputs) : this.functional(model, prefix, inputs);
  }

  private sequential(model: KerasLayerJson, prefix: string, inputs: string[] | undefined): string[] {
    let current = inputs?.[0];
    layersOf(model).forEach((layer, index) => {
      const name = layerName(layer, index);
      const position: ImportPosition = { index, name: prefix + name };
      if (layer.class_name === 'InputLayer') {
        current ??= this.input(layer, prefix + name, position);
        return;
      }
      if (current === undefined && MODEL_CLASSES.has(layer.class_name)) {
        // A nested model first in a Sequential brings its own InputLayer.
        current = this.model(layer, `${prefix}${name}/`, undefined)[0];
        return;
      }
      if (current === undefined) {
        const shape = batchShapeOf(layer) ?? batchShapeOf(model);
        if (!shape) throw new ImportError('keras', 'Sequential model states no input shape (no InputLayer, batch_input_shape or build_config)', position);
        current = this.addInput(`${prefix}input`, shape, (layer.config as KerasConfig).dtype, position);
      }
      current = this.call(layer, prefix, name, [current], position)[0];
    });
    if (current === undefined) throw new ImportError('keras', `Sequential "${modelName(model)}" has no layers`);
    return [current];
  }

  private functional(model: KerasLayerJson, prefix: string, inputs: string[] | undefined): string[] {
    const config = model.config as KerasConfig;
    const layers = layersOf(model);
    const tensors = new Map<string, string>();
    const key = (ref: TensorRef) => `${ref[0]}:${ref[1]}:${ref[2]}`;
    const inputRefs = refList(config.input_layers);
    if (inputs && inputs.length !== inputRefs.length) {
      throw new ImportError('keras', `nested model "${modelName(model)}" takes ${inputRefs.length} inputs but is called on ${inputs.length}`);
    }
    inputRefs.forEach((ref, i) => {
      if (inputs) tensors.set(key(ref), inputs[i]!);
    });
    // Keras lists layers in a topological order of layers, but a shared layer's later calls can
    // depend on layers listed after it: run calls whose inputs are ready until none are left.
    type Pending = { layer: KerasLayerJson; index: number; node: number; refs: TensorRef[] };
    let pending: Pending[] = [];
    layers.forEach((layer, index) => {
      const name = layerName(layer, index);
      if (layer.class_name === 'InputLayer') {
        if (!tensors.has(`${name}:0:0`)) tensors.set(`${name}:0:0`, this.input(layer, prefix + name, { index, name: prefix + name }));
        return;
      }
      const nodes = layer.inbound_nodes ?? [];
      if (nodes.length === 0) throw new ImportError('keras', 'layer is never called (no inbound_nodes)', { index, name: prefix + name });
      nodes.forEach((node, n) => pending.push({ layer, index, node: n, refs: nodeRefs(node, { index, name: prefix + name }) }));
    });
    while (pending.length) {
      const ready = pending.filter((p) => p.refs.every((ref) => tensors.has(key(ref))));
      if (ready.length === 0) {
        const stuck = pending[0]!;
        const missing = stuck.refs.find((ref) => !tensors.has(key(ref)))!;
        throw new ImportError('keras', `input "${missing[0]}" (node ${missing[1]}, tensor ${missing[2]}) is not produced by any layer of the model`, {
          index: stuck.index,
          name: prefix + layerName(stuck.layer, stuck.index),
        });
      }
      for (const p of ready) {
        const name = layerName(p.layer, p.index);
        const position = { index: p.index, name: prefix + name };
        if (p.node > 0) this.b.warn(`layer "${prefix + name}" is shared (called ${p.node + 1}+ times); each call imported as its own layer`);
        const outputs = this.call(
          p.layer,
          prefix,
          name,
          p.refs.map((ref) => tensors.get(key(ref))!),
          position,
        );
        outputs.forEach((id, t) => tensors.set(`${name}:${p.node}:${t}`, id));
      }
      pending = pending.filter((p) => !ready.includes(p));
    }
    const outputRefs = refList(config.output_layers);
    if (outputRefs.length === 0) throw new ImportError('keras', `model "${modelName(model)}" lists no output_layers`);
    return outputRefs.map((ref) => {
      const id = tensors.get(key(ref));
      if (id === undefined) throw new ImportError('keras', `output "${ref[0]}" is not produced by any layer of model "${modelName(model)}"`);
      return id;
    });
  }

  /** One call of a layer (or of a nested model) on `inputs`; returns the ids of its outputs. */
  private call(layer: KerasLayerJson, prefix: string, name: string, inputs: string[], position: ImportPosition): string[] {
    if (MODEL_CLASSES.has(layer.class_name)) return this.model(layer, `${prefix}${name}/`, inputs);
    if (Array.isArray(layer.config)) throw new ImportError('keras', `${layer.class_name} config is a list, expected an object`, position);
    const id = convertKerasLayer(
      {
        className: layer.class_name,
        config: layer.config,
        id: prefix + name,
        inputs,
        position,
        channelsFirst: this.channelsFirst,
        unevenPads: this.unevenPads,
      },
      this.b,
    );
    return [id];
  }

  private input(layer: KerasLayerJson, id: string, position: ImportPosition): string {
    const shape = batchShapeOf(layer);
    if (!shape) throw new ImportError('keras', 'InputLayer has no batch_input_shape / batch_shape', position);
    return this.addInput(id, shape, (layer.config as KerasConfig).dtype, position);
  }

  /** `batchShape` includes the batch axis (null); unknown sizes get a stated assumption. */
  private addInput(id: string, batchShape: Array<number | null>, dtype: unknown, position: ImportPosition): string {
    let dims = batchShape.slice(1);
    if (this.channelsFirst && dims.length === 3) dims = [dims[1]!, dims[2]!, dims[0]!];
    const unknown = dims.some((d) => d === null);
    const assumed = dims.length === 3 ? defaultInputShape()[0]! : 100;
    const shape: Shape = dims.map((d) => d ?? assumed);
    if (unknown) this.b.warn(`input "${id}" has unknown sizes ${JSON.stringify(dims)}; assumed ${JSON.stringify(shape)}`);
    const intIds = typeof dtype === 'string' && /int/.test(dtype);
    return this.b.add({ id, type: 'Input', params: { shape, ...(intIds ? { dtype: 'int32' } : {}) }, inferred: unknown ? ['shape'] : undefined }, position);
  }
}

function batchShapeOf(layer: KerasLayerJson): Array<number | null> | undefined {
  const config = Array.isArray(layer.config) ? {} : layer.config;
  const candidates = [config.batch_input_shape, config.batch_shape, layer.build_config?.input_shape];
  if (Array.isArray(config.input_shape)) candidates.push([null, ...config.input_shape]);
  return candidates.find((c): c is Array<number | null> => Array.isArray(c) && c.every((d) => d === null || typeof d === 'number'));
}

/** `input_layers` / `output_layers`: [[name, node, tensor], ...] or a single [name, node, tensor]. */
function refList(value: unknown): TensorRef[] {
  if (!Array.isArray(value)) return [];
  if (isRef(value)) return [value];
  return value.filter(isRef);
}

function isRef(value: unknown): value is TensorRef {
  return Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'number' && typeof value[2] === 'number';
}

/** The tensors one inbound node reads: Keras 1/2 `[[name, node, tensor, kwargs], ...]` or Keras 3 `{args, kwargs}`. */
function nodeRefs(node: unknown, position: ImportPosition): TensorRef[] {
  const refs: TensorRef[] = [];
  const visit = (value: unknown): void => {
    if (isRef(value)) {
      refs.push([value[0], value[1], value[2]]);
      // Keras 2 keeps tensor-valued call kwargs (e.g. an attention `value`) in a 4th element.
      const kwargs: unknown = (value as unknown[])[3];
      if (isRecord(kwargs)) Object.values(kwargs).forEach(visit);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isRecord(value)) {
      if (value.class_name === '__keras_tensor__' && isRecord(value.config) && isRef(value.config.keras_history)) {
        refs.push(value.config.keras_history as TensorRef);
      } else {
        Object.values(value).forEach(visit);
      }
    }
  };
  if (isRecord(node)) {
    visit(node.args);
    visit(node.kwargs);
  } else {
    visit(node);
  }
  if (refs.length === 0) throw new ImportError('keras', 'an inbound node names no input tensors', position);
  return refs;
}

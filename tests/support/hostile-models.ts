/**
 * Long, repetitive and impossible models, generated: what made quadratic id uniquing, consumer lookups and
 * recursive walks run for minutes or overflow the stack, and graphs that asked for gigabytes of weights, named
 * Infinity as null or printed 100,000 errors. Used by the limits tests and bench/hostile.ts; built in code, never stored.
 */
import { emitOnnx } from '../../src/codegen/index.ts';
import { GRAPH_FORMAT, type Graph, type Layer } from '../../src/graph/index.ts';
import { decodeOnnxModel, encodeOnnxModel } from '../../src/proto/index.ts';

/** A Caffe prototxt chain of `layers` ReLU layers, every one named `fc` (the importer must unique them). */
export function sameNamedPrototxt(layers: number): string {
  const lines = ['name: "same"', 'input: "data"', 'input_shape { dim: 1 dim: 4 }'];
  let bottom = 'data';
  for (let i = 0; i < layers; i++) {
    lines.push(`layer { name: "fc" type: "ReLU" bottom: "${bottom}" top: "t${i}" }`);
    bottom = `t${i}`;
  }
  return lines.join('\n');
}

/** A graph of an Input, then Dense and Dropout in turn: `layers` layers in one chain. */
export function chainGraph(layers: number): Graph {
  const out: Layer[] = [{ id: 'input', type: 'Input', params: { shape: [4] } }];
  for (let i = 1; i < layers; i++) {
    const inputs = [out[i - 1]!.id];
    out.push(i % 2 ? { id: `fc${i}`, type: 'Dense', inputs, params: { units: 4 } } : { id: `drop${i}`, type: 'Dropout', inputs, params: { rate: 0.5 } });
  }
  return { format: GRAPH_FORMAT, name: 'chain', layers: out };
}

/** An ONNX model of `nodes` Relu nodes in a chain, every node named `relu`. */
export function sameNamedOnnx(nodes: number): Uint8Array {
  const layers: Layer[] = [{ id: 'input', type: 'Input', params: { shape: [4] } }];
  for (let i = 1; i <= nodes; i++) layers.push({ id: `r${i}`, type: 'Activation', inputs: [layers[i - 1]!.id], params: { fn: 'relu' } });
  const model = decodeOnnxModel(emitOnnx({ format: GRAPH_FORMAT, name: 'same', layers }));
  for (const node of model.graph!.node!) node.name = 'relu';
  return encodeOnnxModel(model);
}

/** An Input and a Dense, then `count` Dropouts in a row, then a Dense (a walk recursing per layer overflowed the stack). */
export function dropoutChain(count: number): Graph {
  const layers: Layer[] = [
    { id: 'input', type: 'Input', params: { shape: [4] } },
    { id: 'fc', type: 'Dense', inputs: ['input'], params: { units: 4, activation: 'relu' } },
  ];
  for (let i = 1; i <= count; i++) layers.push({ id: `drop${i}`, type: 'Dropout', inputs: [layers.at(-1)!.id], params: { rate: 0.1 } });
  layers.push({ id: 'out', type: 'Dense', inputs: [layers.at(-1)!.id], params: { units: 2 } });
  return { format: GRAPH_FORMAT, name: 'dropouts', layers };
}

/** An Input `y_2`, then `count` activations whose ids differ only in punctuation: every one sanitises to `y`. */
export function alikeIdsGraph(count: number): Graph {
  const layers: Layer[] = [{ id: 'y_2', type: 'Input', params: { shape: [4] } }];
  // i written in punctuation ('!@#…' for 0-9).
  const alike = (i: number) => `y${[...String(i)].map((d) => '!@#$%^&*()'[Number(d)]).join('')}`;
  for (let i = 0; i < count; i++) layers.push({ id: alike(i), type: 'Activation', inputs: [layers.at(-1)!.id], params: { fn: 'relu' } });
  return { format: GRAPH_FORMAT, name: 'alike', layers };
}

/** 177 bytes asking for 484 M weights: two 1.9 GB seeded weight files (.caffemodel, .onnx) before the total cap. */
export const HUGE_WEIGHTS_GRAPH =
  '{"format":"paper2net.graph/1","name":"big","layers":[{"id":"in","type":"Input","params":{"shape":[22000]}},{"id":"fc","type":"Dense","inputs":["in"],"params":{"units":22000}}]}';

/** JSON's 1e999 is Infinity: a filter count and a rate that are not finite. */
export const NON_FINITE_GRAPH =
  '{"format":"paper2net.graph/1","name":"x","layers":[{"id":"in","type":"Input","params":{"shape":[8,8,3]}},' +
  '{"id":"c","type":"Conv2D","inputs":["in"],"params":{"filters":1e999,"kernel":3}},{"id":"d","type":"Dropout","inputs":["c"],"params":{"rate":-1e999}}]}';

/** `count` Dense layers reading a layer that does not exist: a graph with `count` errors. */
export function manyErrorsGraph(count: number): Graph {
  const layers: Layer[] = [
    { id: 'in', type: 'Input', params: { shape: [4] } },
    ...Array.from({ length: count }, (_, i): Layer => ({ id: `l${i}`, type: 'Dense', inputs: ['missing'], params: { units: 2 } })),
  ];
  return { format: GRAPH_FORMAT, name: 'bad', layers };
}

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inferShapes, outputLayers, validateGraph, type Graph, type Shape } from '../../src/graph/index.ts';
import { detectFormat, ImportError, importCaffePrototxt, importKerasJson, importModel, importOnnx } from '../../src/importers/index.ts';
import { decodeOnnxModel, encodeOnnxModel, type OnnxModel } from '../../src/proto/index.ts';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const filesIn = (dir: string) => readdirSync(new URL(`${dir}/`, corpus)).sort();
const read = (dir: string, file: string) => new Uint8Array(readFileSync(new URL(`${dir}/${file}`, corpus)));
const readText = (dir: string, file: string) => readFileSync(new URL(`${dir}/${file}`, corpus), 'utf8');

function typeCounts(graph: Graph): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const layer of graph.layers) counts[layer.type] = (counts[layer.type] ?? 0) + 1;
  return counts;
}

const sum = (counts: Record<string, number>, ...types: string[]) => types.reduce((n, t) => n + (counts[t] ?? 0), 0);

/** Imports, validates, and returns the single output's shape. */
function checkedOutput(graph: Graph): Shape {
  const errors = validateGraph(graph).filter((issue) => issue.severity === 'error');
  expect(errors).toEqual([]);
  const outputs = outputLayers(graph);
  expect(outputs).toHaveLength(1);
  return inferShapes(graph).get(outputs[0]!.id)!;
}

function positionOf(action: () => unknown): ImportError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('Caffe prototxt corpus', () => {
  /** Occurrences of a layer type in the file, V2 `type: "Convolution"` or V1 `type: CONVOLUTION`. */
  const count = (text: string, v2: string, v1 = v2.toUpperCase()) => (text.match(new RegExp(`\\btype:\\s*(?:"${v2}"|${v1})\\s*$`, 'gm')) ?? []).length;

  for (const file of filesIn('prototxt')) {
    it(`imports ${file} with the file's layer counts and output size`, () => {
      const text = readText('prototxt', file).replace(/#.*$/gm, ''); // commented-out layers do not count
      const graph = importModel(read('prototxt', file), file);
      const types = typeCounts(graph);
      expect(sum(types, 'Conv2D', 'DepthwiseConv2D')).toBe(count(text, 'Convolution'));
      expect(sum(types, 'Conv2DTranspose')).toBe(count(text, 'Deconvolution'));
      expect(sum(types, 'Dense')).toBe(count(text, 'InnerProduct', 'INNER_PRODUCT'));
      expect(sum(types, 'MaxPool2D', 'AvgPool2D', 'GlobalAvgPool2D', 'GlobalMaxPool2D')).toBe(count(text, 'Pooling'));
      expect(sum(types, 'Activation')).toBe(count(text, 'ReLU', 'RELU') + count(text, 'Softmax') + count(text, 'Sigmoid') + count(text, 'TanH'));
      // Every Scale follows a BatchNorm in these nets and is folded into it.
      expect(sum(types, 'BatchNorm')).toBe(count(text, 'BatchNorm', 'BATCHNORM'));
      expect(count(text, 'Scale')).toBe(count(text, 'BatchNorm', 'BATCHNORM'));
      expect(sum(types, 'LRN')).toBe(count(text, 'LRN'));
      expect(sum(types, 'Dropout')).toBe(count(text, 'Dropout'));
      expect(sum(types, 'Concat')).toBe(count(text, 'Concat'));
      expect(sum(types, 'Add', 'Multiply')).toBe(count(text, 'Eltwise'));
      expect(sum(types, 'Cropping2D')).toBe(count(text, 'Crop'));
      expect(types.Input).toBe(1);

      const dims = [...text.matchAll(/\b(?:input_)?dim:\s*(\d+)/g)].slice(0, 4).map((m) => Number(m[1]));
      expect(graph.layers[0]!.params!.shape).toEqual([dims[2], dims[3], dims[1]]);
      const lastOutputs = [...text.matchAll(/num_output:\s*(\d+)/g)].at(-1)![1];
      expect(checkedOutput(graph).at(-1)).toBe(Number(lastOutputs));
    });
  }

  it('gives the classic nets their known output shapes', () => {
    const out = (file: string) => checkedOutput(importModel(read('prototxt', file), file));
    expect(out('caffe__models_bvlc_alexnet_deploy.prototxt')).toEqual([1000]);
    expect(out('caffe__models_bvlc_googlenet_deploy.prototxt')).toEqual([1000]);
    expect(out('deep-residual-networks__prototxt_ResNet-50-deploy.prototxt')).toEqual([1000]);
    expect(out('vgg-benchmarks__vgg16_deploy.prototxt')).toEqual([1000]);
    expect(out('fcn.berkeleyvision.org__voc-fcn8s_deploy.prototxt')).toEqual([500, 500, 21]);
    expect(out('mobilenet-caffe__mobilenet_deploy.prototxt')).toEqual([1, 1, 1000]);
  });

  it('chains in-place layers and folds Scale into the BatchNorm before it', () => {
    const graph = importModel(read('prototxt', 'deep-residual-networks__prototxt_ResNet-50-deploy.prototxt'), 'resnet.prototxt');
    const byId = new Map(graph.layers.map((l) => [l.id, l]));
    expect(byId.get('bn_conv1')!.inputs).toEqual(['conv1']);
    expect(byId.get('conv1_relu')!.inputs).toEqual(['bn_conv1']);
    expect(byId.has('scale_conv1')).toBe(false);
    expect(byId.get('res2a')!.type).toBe('Add');
    expect(byId.get('res2a')!.inputs).toEqual(['bn2a_branch1', 'bn2a_branch2c']);
  });

  it('turns grouped convolutions with one group per channel into DepthwiseConv2D', () => {
    const text = readText('prototxt', 'mobilenet-caffe__mobilenet_deploy.prototxt');
    const grouped = (text.match(/\bgroup:\s*([2-9]|\d{2,})/g) ?? []).length;
    const graph = importModel(new TextEncoder().encode(text), 'mobilenet.prototxt');
    expect(grouped).toBeGreaterThan(0);
    expect(typeCounts(graph).DepthwiseConv2D).toBe(grouped);
  });

  it('uses Caffe rounding (ceil) for pooling and strides from the file', () => {
    const graph = importModel(read('prototxt', 'caffe__models_bvlc_googlenet_deploy.prototxt'), 'googlenet.prototxt');
    const shapes = inferShapes(graph);
    // 112 → 3x3/2 ceil → 56 (floor would give 55)
    expect(shapes.get('pool1/3x3_s2')).toEqual([56, 56, 64]);
    expect(graph.layers.find((l) => l.id === 'pool1/3x3_s2')!.params).toMatchObject({ ceil_mode: true, stride: [2, 2] });
  });

  it('drops training-only layers with a note and skips TRAIN-phase layers', () => {
    const text = `name: "t"
layer { name: "data" type: "Input" top: "data" input_param { shape { dim: 1 dim: 1 dim: 28 dim: 28 } } }
layer { name: "ip" type: "InnerProduct" bottom: "data" top: "ip" inner_product_param { num_output: 10 } }
layer { name: "drop" type: "Dropout" bottom: "ip" top: "ip" include { phase: TRAIN } }
layer { name: "acc" type: "Accuracy" bottom: "ip" bottom: "label" top: "acc" }
layer { name: "loss" type: "SoftmaxWithLoss" bottom: "ip" bottom: "label" top: "loss" }`;
    const graph = importCaffePrototxt(text);
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Flatten', 'Dense']);
    expect(graph.warnings!.join('\n')).toMatch(/acc.*Accuracy[\s\S]*loss.*SoftmaxWithLoss/);
    expect(graph.warnings!.join('\n')).toMatch(/drop.*TRAIN/);
  });
});

describe('Keras JSON corpus', () => {
  const kerasFiles = filesIn('modeljson').filter((f) => !f.startsWith('mxnet'));

  /** The model JSON, decoded once more when the file holds it as a JSON string. */
  const modelOf = (file: string) => {
    const data = JSON.parse(readText('modeljson', file));
    return typeof data === 'string' ? JSON.parse(data) : data;
  };

  /** class_name counts over all layers, nested models included (the models themselves excluded). */
  function classCounts(model: { config: unknown }): Record<string, number> {
    const counts: Record<string, number> = {};
    const layers = (Array.isArray(model.config) ? model.config : (model.config as { layers: unknown[] }).layers) as Array<{
      class_name: string;
      config: unknown;
    }>;
    for (const layer of layers) {
      if (['Sequential', 'Functional', 'Model'].includes(layer.class_name)) {
        for (const [k, v] of Object.entries(classCounts(layer))) counts[k] = (counts[k] ?? 0) + v;
      } else counts[layer.class_name] = (counts[layer.class_name] ?? 0) + 1;
    }
    return counts;
  }

  for (const file of kerasFiles) {
    it(`imports ${file} with the file's layer counts and output size`, () => {
      const model = modelOf(file);
      const source = classCounts(model);
      const graph = importModel(read('modeljson', file), file);
      const types = typeCounts(graph);
      expect(sum(types, 'Conv2D')).toBe(sum(source, 'Conv2D', 'Convolution2D'));
      expect(sum(types, 'Dense')).toBe(sum(source, 'Dense'));
      expect(sum(types, 'BatchNorm')).toBe(sum(source, 'BatchNormalization'));
      expect(sum(types, 'MaxPool2D')).toBe(sum(source, 'MaxPooling2D'));
      expect(sum(types, 'GlobalAvgPool2D')).toBe(sum(source, 'GlobalAveragePooling2D'));
      expect(sum(types, 'Add')).toBe(sum(source, 'Add'));
      expect(sum(types, 'Concat')).toBe(sum(source, 'Concatenate'));
      expect(sum(types, 'Dropout')).toBe(sum(source, 'Dropout'));
      expect(sum(types, 'Flatten')).toBe(sum(source, 'Flatten'));
      expect(sum(types, 'Conv2DTranspose')).toBe(sum(source, 'Conv2DTranspose'));
      expect(sum(types, 'Cropping2D')).toBe(sum(source, 'Cropping2D'));
      expect(sum(types, 'ZeroPadding2D')).toBe(sum(source, 'ZeroPadding2D'));
      expect(sum(types, 'Activation')).toBe(sum(source, 'Activation', 'ReLU', 'PReLU', 'Softmax'));
      expect(types.Input).toBe(1);
      // Everything in the file is accounted for: the only layers left out are the Rescaling preprocessors.
      const imported = graph.layers.length - types.Input!;
      expect(imported).toBe(
        Object.entries(source)
          .filter(([k]) => k !== 'InputLayer')
          .reduce((n, [, v]) => n + v, 0) - sum(source, 'Rescaling'),
      );

      const sizes = [...JSON.stringify(model).matchAll(/"(?:units|filters|output_dim|nb_filter)":\s*(\d+)/g)];
      expect(checkedOutput(graph).at(-1)).toBe(Number(sizes.at(-1)![1]));
    });
  }

  it('reads twice-encoded JSON the same as plain JSON', () => {
    const file = 'cnn-affect-recognition__resnet18.json';
    const twice = readText('modeljson', file);
    expect(typeof JSON.parse(twice)).toBe('string');
    expect(importKerasJson(twice, file)).toEqual(importKerasJson(JSON.parse(twice) as string, file));
  });

  it('flattens a nested Functional model into the outer graph with prefixed ids', () => {
    const graph = importModel(read('modeljson', 'cat-and-dog-prediction__resnet50.json'), 'resnet50.json');
    const ids = graph.layers.map((l) => l.id);
    expect(ids[0]).toBe('resnet50_input');
    expect(ids).toContain('resnet50/conv1_conv');
    const pad = graph.layers.find((l) => l.id === 'resnet50/conv1_pad')!;
    expect(pad.inputs).toEqual(['resnet50_input']);
    const flatten = graph.layers.find((l) => l.type === 'Flatten')!;
    expect(flatten.inputs).toEqual(['resnet50/avg_pool']);
    expect(inferShapes(graph).get(graph.layers[0]!.id)).toEqual([180, 180, 3]);
  });

  it('converts Keras 1 channels-first shapes and Keras 3 batch_shape inputs', () => {
    const keras1 = importModel(read('modeljson', 'hieroglyphclassifier__model_architecture.json'), 'h.json');
    expect(keras1.layers[0]!.params!.shape).toEqual([32, 32, 1]);
    expect(keras1.warnings!.join()).toMatch(/channels-first/);
    const keras3 = importModel(read('modeljson', 'u-net-application__unet.json'), 'unet.json');
    expect(keras3.layers[0]!.params!.shape).toEqual([360, 480, 3]);
    expect(checkedOutput(keras3)).toEqual([360, 480, 1]);
  });

  it('folds an uneven ZeroPadding2D into the convolution or pool that reads it', () => {
    const sequential = (size: number, ...layers: Array<[string, Record<string, unknown>]>) =>
      JSON.stringify({
        class_name: 'Sequential',
        config: {
          name: 's',
          layers: [
            { class_name: 'InputLayer', config: { batch_input_shape: [null, size, size, 8], name: 'in' } },
            ...layers.map(([class_name, config], i) => ({ class_name, config: { name: `l${i}`, ...config } })),
          ],
        },
      });
    const pad = [
      'ZeroPadding2D',
      {
        padding: [
          [0, 1],
          [0, 1],
        ],
      },
    ] as [string, Record<string, unknown>];
    // MobileNet's stride-2 blocks: pad the end, then a valid 3x3/2 convolution = TensorFlow's "same".
    const conv = importKerasJson(sequential(224, pad, ['Conv2D', { filters: 16, kernel_size: [3, 3], strides: [2, 2], padding: 'valid' }]));
    expect(conv.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D']);
    expect(conv.layers[1]).toMatchObject({ inputs: ['in'], params: { padding: 'same' } });
    expect(checkedOutput(conv)).toEqual([112, 112, 16]);
    // A Keras port of a Caffe pool: the end padding stands for Caffe's upward rounding.
    const pool = importKerasJson(sequential(56, pad, ['MaxPooling2D', { pool_size: [3, 3], strides: [2, 2], padding: 'valid' }]));
    expect(pool.layers[1]!.params).toMatchObject({ padding: 'valid', ceil_mode: true });
    expect(checkedOutput(pool)).toEqual([28, 28, 8]);
    const stray = positionOf(() => importKerasJson(sequential(8, pad, ['Flatten', {}])));
    expect(stray.position).toEqual({ index: 1, name: 'l0' });
    expect(stray.message).toMatch(/uneven padding.*Flatten/);
  });

  it('rejects the MXNet symbol file as Keras, and imports it as MXNet', () => {
    const bytes = read('modeljson', 'mxnet-wip__SqueezeNet.json');
    const text = new TextDecoder().decode(bytes);
    expect(positionOf(() => importKerasJson(text)).message).toMatch(/not a Keras model: looks like an MXNet symbol/);

    const symbol = JSON.parse(text) as { nodes: Array<{ op: string; param: Record<string, string> }> };
    const ops: Record<string, number> = {};
    for (const node of symbol.nodes) ops[node.op] = (ops[node.op] ?? 0) + 1;
    const graph = importModel(bytes, 'SqueezeNet.json');
    const types = typeCounts(graph);
    expect(sum(types, 'Conv2D')).toBe(ops.Convolution);
    expect(sum(types, 'Activation')).toBe(sum(ops, 'Activation', 'SoftmaxOutput'));
    expect(sum(types, 'MaxPool2D', 'AvgPool2D')).toBe(ops.Pooling);
    expect(sum(types, 'Concat')).toBe(ops.Concat);
    expect(sum(types, 'Dropout', 'Flatten')).toBe(sum(ops, 'Dropout', 'Flatten'));
    // The symbol holds no input shape: the assumed one is marked as inferred.
    expect(graph.layers[0]).toMatchObject({ type: 'Input', inferred: ['shape'] });
    const classes = Number(symbol.nodes.filter((n) => n.op === 'Convolution').at(-1)!.param.num_filter);
    expect(checkedOutput(graph)[0]! % classes).toBe(0);
  });
});

describe('ONNX corpus', () => {
  /** Op counts of the nodes that compute on data, ignoring nodes whose inputs are all constants. */
  function computedOps(model: OnnxModel): Record<string, number> {
    const graph = model.graph!;
    const constant = new Set((graph.initializer ?? []).map((t) => t.name));
    const counts: Record<string, number> = {};
    for (const node of graph.node ?? []) {
      const inputs = (node.input ?? []).filter((n) => n !== '');
      if (node.op_type === 'Constant' || inputs.every((n) => constant.has(n))) {
        for (const out of node.output ?? []) constant.add(out);
        continue;
      }
      const key = ['Add', 'Sum', 'Mul'].includes(node.op_type) && inputs.some((n) => constant.has(n)) ? `${node.op_type}:const` : node.op_type;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  for (const file of filesIn('onnx')) {
    it(`imports ${file} with the file's node counts and output size`, () => {
      const bytes = read('onnx', file);
      const model = decodeOnnxModel(bytes);
      const ops = computedOps(model);
      const graph = importModel(bytes, file);
      const types = typeCounts(graph);
      expect(sum(types, 'Conv2D', 'DepthwiseConv2D')).toBe(sum(ops, 'Conv'));
      expect(sum(types, 'Dense')).toBe(sum(ops, 'Gemm', 'MatMul'));
      expect(sum(types, 'Activation')).toBe(sum(ops, 'Relu', 'Softmax', 'Sigmoid', 'Tanh'));
      expect(sum(types, 'MaxPool2D', 'AvgPool2D', 'GlobalAvgPool2D')).toBe(sum(ops, 'MaxPool', 'AveragePool', 'GlobalAveragePool'));
      expect(sum(types, 'BatchNorm')).toBe(sum(ops, 'BatchNormalization'));
      // Caffe2's Scale after each BatchNorm is a Mul and an Add by constants: folded, not layers.
      expect([0, sum(ops, 'BatchNormalization')]).toContain(sum(ops, 'Mul:const'));
      expect(sum(ops, 'Add:const')).toBe(sum(ops, 'Mul:const'));
      expect(sum(types, 'Add', 'Multiply')).toBe(sum(ops, 'Add', 'Sum', 'Mul'));
      expect(sum(types, 'Concat')).toBe(sum(ops, 'Concat'));
      expect(sum(types, 'LRN')).toBe(sum(ops, 'LRN'));
      expect(sum(types, 'Dropout')).toBe(sum(ops, 'Dropout'));
      expect(types.Input).toBe(1);

      const [, ...outDims] = (model.graph!.output![0]!.type!.tensor_type!.shape!.dim ?? []).map((d) => d.dim_value ?? 0);
      const shape = checkedOutput(graph);
      expect(shape.reduce((a, b) => a * b, 1)).toBe(outDims.reduce((a, b) => a * b, 1));
      expect(shape.at(-1)).toBe(outDims[0]);
      const [, c, h, w] = model.graph!.input!.find((i) => i.name === graph.layers[0]!.id)!.type!.tensor_type!.shape!.dim!.map((d) => d.dim_value);
      expect(graph.layers[0]!.params!.shape).toEqual([h, w, c]);
    });
  }

  it('reads weight shapes from ConstantOfShape stand-ins', () => {
    const graph = importModel(read('onnx', 'onnx__light_bvlc_alexnet.onnx'), 'alexnet.onnx');
    const convs = graph.layers.filter((l) => l.type === 'Conv2D').map((l) => [l.params!.filters, l.params!.kernel]);
    expect(convs).toEqual([
      [96, [11, 11]],
      [256, [5, 5]],
      [384, [3, 3]],
      [384, [3, 3]],
      [256, [3, 3]],
    ]);
    expect(graph.layers.filter((l) => l.type === 'Dense').map((l) => l.params!.units)).toEqual([4096, 4096, 1000]);
  });
});

describe('malformed input', () => {
  it('names the prototxt line of an unsupported layer type', () => {
    const text =
      'input: "data"\ninput_dim: 1\ninput_dim: 3\ninput_dim: 8\ninput_dim: 8\nlayer {\n  name: "p"\n  type: "Power"\n  bottom: "data"\n  top: "p"\n}\n';
    const error = positionOf(() => importCaffePrototxt(text));
    expect(error.position).toMatchObject({ line: 8, name: 'p' });
    expect(error.message).toMatch(/line 8.*"p".*unsupported layer type "Power"/);
  });

  it('names the prototxt line of a syntax error and of an unknown bottom', () => {
    expect(positionOf(() => importCaffePrototxt('layer {\n  name: "a"\n  type: "ReLU"\n  bottom: "x"\n')).position.line).toBe(4);
    expect(positionOf(() => importCaffePrototxt('layer {\n  name "a"\n}')).position.line).toBe(2);
    const unknown = positionOf(() => importCaffePrototxt('layer {\n  name: "r"\n  type: "ReLU"\n  bottom: "nowhere"\n  top: "r"\n}'));
    expect(unknown.message).toMatch(/line 3.*bottom "nowhere"/);
  });

  it('names the Keras layer index and name of an unsupported class', () => {
    const model = {
      class_name: 'Sequential',
      config: {
        name: 's',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 4], name: 'in' } },
          { class_name: 'Dense', config: { name: 'd', units: 3 } },
          { class_name: 'Lambda', config: { name: 'mystery', function: 'x' } },
        ],
      },
    };
    const error = positionOf(() => importKerasJson(JSON.stringify(model)));
    expect(error.position).toEqual({ index: 2, name: 'mystery' });
    expect(error.message).toMatch(/layer #2, "mystery".*Lambda/);
    expect(positionOf(() => importKerasJson('{"class_name": "Sequential", ')).message).toMatch(/not valid JSON/);
  });

  it('names the ONNX node of an unsupported operator and rejects truncated files', () => {
    const bytes = read('onnx', 'pytorch-__mnist-8.onnx');
    const model = decodeOnnxModel(bytes);
    const nodes = model.graph!.node!;
    nodes[2] = { ...nodes[2]!, op_type: 'Hardmax', name: 'odd_one' };
    const error = positionOf(() => importOnnx(encodeOnnxModel(model), 'x.onnx'));
    expect(error.position).toMatchObject({ index: 2, name: 'odd_one' });
    expect(error.message).toMatch(/node #2, "odd_one".*Hardmax/);
    expect(positionOf(() => importOnnx(bytes.slice(0, 1000))).message).toMatch(/not a valid ONNX protobuf/);
  });

  it('detects the format from content when the name does not tell', () => {
    expect(detectFormat(read('onnx', 'onnx__light_vgg19.onnx'), 'model')).toBe('onnx');
    expect(detectFormat(read('prototxt', 'caffe__examples_mnist_lenet.prototxt'), 'net')).toBe('caffe');
    expect(detectFormat(read('modeljson', 'cnn-affect-recognition__resnet18.json'), 'model.txt')).toBe('keras');
    expect(detectFormat(read('modeljson', 'mxnet-wip__SqueezeNet.json'), 'SqueezeNet.json')).toBe('mxnet');
    expect(() => detectFormat(new Uint8Array([0xff, 0x00, 0x13]), 'blob')).toThrow(ImportError);
  });
});

describe('paper2net import (CLI)', () => {
  const bin = fileURLToPath(new URL('../../bin/paper2net.mjs', import.meta.url));
  const corpusPath = (dir: string, file: string) => fileURLToPath(new URL(`${dir}/${file}`, corpus));

  it('prints the graph JSON on stdout', () => {
    const result = spawnSync(process.execPath, [bin, 'import', corpusPath('prototxt', 'caffe__models_bvlc_alexnet_deploy.prototxt')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const graph = JSON.parse(result.stdout) as Graph;
    expect(graph.format).toBe('paper2net.graph/1');
    expect(checkedOutput(graph)).toEqual([1000]);
  });

  it('reports errors on stderr with exit code 1', () => {
    const result = spawnSync(process.execPath, [bin, 'import', corpusPath('pdf', 'vgg.pdf')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/vgg\.pdf.*cannot tell the format/);
  });
});

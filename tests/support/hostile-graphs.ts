/**
 * Graphs whose names and layer ids carry what a PDF could: quotes, backslashes, newlines, unicode,
 * Python statements, and names the generated code itself uses. Emitters must turn them into inert text.
 */
import { GRAPH_FORMAT, type Graph } from '../../src/graph/index.ts';

const INJECTIONS = [
  'x"); import os; os.system("echo pwned") #',
  "x'); import os; os.system('echo pwned') #",
  'conv\nimport os\nos.system("echo pwned")\n',
  '"""; __import__("os").system("echo pwned"); """',
  'back\\slash\\" + __import__("os").system("echo pwned") + "',
  'ünïcödé 层 \u2028 line separator 🧪',
] as const;

/** True when output shows injected code ran: `echo pwned` prints a line of its own. */
export function mentionsInjectedCode(output: string): boolean {
  return /^pwned\r?$/m.test(output);
}

const hostileName = `${INJECTIONS[0]}\n${INJECTIONS[3]}`;

export const HOSTILE_GRAPHS: Graph[] = [
  {
    format: GRAPH_FORMAT,
    name: hostileName,
    source: { kind: 'figure', page: 2, caption: `Figure 1: """\n${INJECTIONS[2]}\\`, file: INJECTIONS[4] },
    layers: [
      { id: INJECTIONS[0], type: 'Input', params: { shape: [16, 16, 3] } },
      { id: INJECTIONS[2], type: 'Conv2D', inputs: [INJECTIONS[0]], params: { filters: 4, kernel: 3, padding: 'same', activation: 'relu' } },
      { id: 'F', type: 'Conv2D', inputs: [INJECTIONS[2]], params: { filters: 4, kernel: 3, activation: 'prelu' } },
      { id: 'train', type: 'BatchNorm', inputs: ['F'] },
      { id: 'self', type: 'Activation', inputs: ['train'], params: { fn: 'relu' } },
      { id: INJECTIONS[3], type: 'MaxPool2D', inputs: ['self'], params: { pool: 2 } },
      { id: 'torch', type: 'Conv2D', inputs: [INJECTIONS[3]], params: { filters: 4, kernel: 1 } },
      { id: 'layers', type: 'Add', inputs: ['torch', INJECTIONS[3]] },
      { id: 'keras', type: 'Flatten', inputs: ['layers'] },
      { id: INJECTIONS[4], type: 'Dense', inputs: ['keras'], params: { units: 8, activation: 'relu' } },
      { id: INJECTIONS[5], type: 'Dense', inputs: [INJECTIONS[4]], params: { units: 3 } },
      { id: 'model', type: 'Dense', inputs: [INJECTIONS[4]], params: { units: 2 } },
    ],
  },
  {
    format: GRAPH_FORMAT,
    name: INJECTIONS[1],
    layers: [
      { id: INJECTIONS[1], type: 'Input', params: { shape: [6], dtype: 'int32' } },
      { id: 'inputs', type: 'Embedding', inputs: [INJECTIONS[1]], params: { vocab: 30, dim: 8 } },
      { id: 'x', type: 'LSTM', inputs: ['inputs'], params: { units: 4, return_sequences: true } },
      { id: 'forward', type: 'GRU', inputs: ['x'], params: { units: 4 } },
      { id: 'eval', type: 'Dense', inputs: ['forward'], params: { units: 2, activation: 'softmax' } },
    ],
  },
];

/** Layer ids as they might come out of a PDF, for the Caffe and ONNX emitters: code, quotes, backslashes, braces, newlines, unicode. */
const HOSTILE_IDS = [
  'x"); import os; os.system("echo pwned") #',
  'conv\nlayer { name: "evil" }',
  'back\\slash \\" quote',
  '}} {{',
  'Faltung 3×3 – größer ü',
  '卷积层',
  "'''",
  '"""',
  'net',
  'input',
] as const;

/** A small residual classifier whose name and every layer id is one of HOSTILE_IDS. */
export function hostileGraph(): Graph {
  const [code, prototxt, backslash, braces, german, chinese, quotes, docstring, net, input] = HOSTILE_IDS;
  return {
    format: GRAPH_FORMAT,
    name: 'evil"} name: "x\n',
    layers: [
      { id: input, type: 'Input', params: { shape: [16, 16, 3] } },
      { id: code, type: 'Conv2D', inputs: [input], params: { filters: 8, kernel: [3, 3], padding: 'same', activation: 'relu' } },
      { id: prototxt, type: 'BatchNorm', inputs: [code], params: {} },
      { id: backslash, type: 'MaxPool2D', inputs: [prototxt], params: { pool: [2, 2] } },
      { id: braces, type: 'Conv2D', inputs: [backslash], params: { filters: 8, kernel: [1, 1] } },
      { id: german, type: 'Add', inputs: [backslash, braces], params: {} },
      { id: chinese, type: 'Flatten', inputs: [german], params: {} },
      { id: quotes, type: 'Dense', inputs: [chinese], params: { units: 16, activation: 'relu' } },
      { id: docstring, type: 'Dropout', inputs: [quotes], params: {} },
      { id: net, type: 'Dense', inputs: [docstring], params: { units: 3, activation: 'softmax' } },
    ],
  };
}

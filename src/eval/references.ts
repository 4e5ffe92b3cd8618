/**
 * Reference networks no corpus model file gives faithfully, written from the paper itself.
 * LeNet-5 (LeCun et al. 1998, section II.B): C1–C5 are 5×5 valid convolutions, S2/S4 2×2 subsampling,
 * F6 has 84 units, the output layer 10 (Gaussian connections, fairly a Dense 10).
 */
import { GRAPH_FORMAT, type Graph } from '../graph/index.ts';

export const LENET5_PAPER: Graph = {
  format: GRAPH_FORMAT,
  name: 'LeNet-5 (LeCun et al. 1998)',
  layers: [
    { id: 'input', type: 'Input', params: { shape: [32, 32, 1] } },
    { id: 'c1', type: 'Conv2D', inputs: ['input'], params: { filters: 6, kernel: [5, 5], activation: 'tanh' } },
    { id: 's2', type: 'AvgPool2D', inputs: ['c1'], params: { pool: [2, 2] } },
    { id: 'c3', type: 'Conv2D', inputs: ['s2'], params: { filters: 16, kernel: [5, 5], activation: 'tanh' } },
    { id: 's4', type: 'AvgPool2D', inputs: ['c3'], params: { pool: [2, 2] } },
    { id: 'c5', type: 'Conv2D', inputs: ['s4'], params: { filters: 120, kernel: [5, 5], activation: 'tanh' } },
    { id: 'flatten', type: 'Flatten', inputs: ['c5'] },
    { id: 'f6', type: 'Dense', inputs: ['flatten'], params: { units: 84, activation: 'tanh' } },
    { id: 'output', type: 'Dense', inputs: ['f6'], params: { units: 10, activation: 'softmax' } },
  ],
};

/** Built-in references by the name an eval pair uses (`lenet5.pdf=builtin:lenet5`). */
export const BUILTIN_REFERENCES: Record<string, Graph> = { lenet5: LENET5_PAPER };

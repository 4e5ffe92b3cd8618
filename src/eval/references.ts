/**
 * Reference networks no corpus model file gives faithfully: written from the paper itself (LeNet-5, U-Net, below),
 * or by hand from a corpus drawing (eval/references/NAME.json, FIGURE_REFERENCES).
 * LeNet-5 (LeCun et al. 1998, section II.B): C1–C5 are 5×5 valid convolutions, S2/S4 2×2 subsampling,
 * F6 has 84 units, the output layer 10 (Gaussian connections, fairly a Dense 10).
 */
import akshayc1Vqa from '../../eval/references/akshayc1_vqa.json';
import amiteshPaUnet from '../../eval/references/amitesh-pa_unet.json';
import busyboxsDensenet from '../../eval/references/busyboxs_densenet.json';
import busyboxsGooglenet from '../../eval/references/busyboxs_googlenet.json';
import busyboxsInceptionA from '../../eval/references/busyboxs_inception_a.json';
import busyboxsResnetBlock from '../../eval/references/busyboxs_resnet_block.json';
import busyboxsShufflenetUnits from '../../eval/references/busyboxs_shufflenet_units.json';
import busyboxsYolo from '../../eval/references/busyboxs_yolo.json';
import bvlcLogreg from '../../eval/references/bvlc_logreg.json';
import { checkGraphStructure, GRAPH_FORMAT, type Graph, type Layer } from '../graph/index.ts';

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

/**
 * U-Net (Ronneberger et al. 2015, section 2 and Fig. 1): four contracting steps of two unpadded 3×3 convolutions
 * and a 2×2 max pool, channels doubling from 64; two convolutions at 1024; four expanding steps of a 2×2
 * up-convolution halving the channels, a crop of the matching contracting map, a concatenation and two 3×3
 * convolutions; a final 1×1 convolution to 2 classes. 572×572×1 in, 388×388×2 out, 23 convolutions.
 */
function unetPaper(): Graph {
  const layers: Layer[] = [{ id: 'input', type: 'Input', params: { shape: [572, 572, 1] } }];
  let last = 'input';
  const add = (layer: Omit<Layer, 'inputs'>, inputs: string[] = [last]): string => {
    layers.push({ ...layer, inputs });
    last = layer.id;
    return last;
  };
  const convs = (name: string, filters: number) => {
    add({ id: `${name}_conv1`, type: 'Conv2D', params: { filters, kernel: [3, 3], padding: 'valid', activation: 'relu' } });
    return add({ id: `${name}_conv2`, type: 'Conv2D', params: { filters, kernel: [3, 3], padding: 'valid', activation: 'relu' } });
  };
  // Contracting map sides 568, 280, 136, 64 are cropped to the expanding sides 392, 200, 104, 56.
  const skips: Array<{ id: string; crop: number }> = [];
  [64, 128, 256, 512].forEach((filters, step) => {
    skips.push({ id: convs(`down${step + 1}`, filters), crop: [88, 40, 16, 4][step]! });
    add({ id: `down${step + 1}_pool`, type: 'MaxPool2D', params: { pool: [2, 2], stride: [2, 2] } });
  });
  convs('bottom', 1024);
  [512, 256, 128, 64].forEach((filters, step) => {
    const skip = skips[3 - step]!;
    const up = add({ id: `up${step + 1}_upconv`, type: 'Conv2DTranspose', params: { filters, kernel: [2, 2], stride: [2, 2] } });
    const crop = add({ id: `up${step + 1}_crop`, type: 'Cropping2D', params: { cropping: [skip.crop, skip.crop, skip.crop, skip.crop] } }, [skip.id]);
    add({ id: `up${step + 1}_concat`, type: 'Concat' }, [crop, up]);
    convs(`up${step + 1}`, filters);
  });
  add({ id: 'output', type: 'Conv2D', params: { filters: 2, kernel: [1, 1] } });
  return { format: GRAPH_FORMAT, name: 'U-Net (Ronneberger et al. 2015)', layers };
}

export const UNET_PAPER: Graph = unetPaper();

/**
 * The networks the corpus's diagram images draw where no corpus model file matches the drawing, written by hand
 * from each drawing (eval/references/NAME.json, one paper2net.graph/1 graph each, `builtin:NAME` in the manifest):
 * what is drawn, in the drawn order, with the sizes the drawing writes; a drawing of one module is that module.
 * Sizes, kinds and inputs the drawing leaves out are the paper's or an assumption, listed in the layer's `inferred`
 * and the graph's `warnings`. The files are bundled into the CLI build: after editing one, `npm run build:cli`.
 */
export const FIGURE_REFERENCES: Record<string, Graph> = Object.fromEntries(
  Object.entries({
    akshayc1_vqa: akshayc1Vqa,
    'amitesh-pa_unet': amiteshPaUnet,
    busyboxs_densenet: busyboxsDensenet,
    busyboxs_googlenet: busyboxsGooglenet,
    busyboxs_inception_a: busyboxsInceptionA,
    busyboxs_resnet_block: busyboxsResnetBlock,
    busyboxs_shufflenet_units: busyboxsShufflenetUnits,
    busyboxs_yolo: busyboxsYolo,
    bvlc_logreg: bvlcLogreg,
  }).map(([name, json]) => [name, checkGraphStructure(json)]),
);

/** Built-in references by the name an eval pair uses (`lenet5.pdf=builtin:lenet5`, `builtin:busyboxs_yolo`). */
export const BUILTIN_REFERENCES: Record<string, Graph> = { lenet5: LENET5_PAPER, unet: UNET_PAPER, ...FIGURE_REFERENCES };

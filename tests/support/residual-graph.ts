/** A big, realistic graph for editor and speed tests: a ResNet-style net of an exact layer count. */
import type { Graph, Layer } from '../../src/graph/index.ts';

/** A residual conv net of exactly `count` layers (conv-bn-relu blocks with skip connections). */
export function residualGraph(count: number): Graph {
  const layers: Layer[] = [{ id: 'input', type: 'Input', params: { shape: [32, 32, 32] } }];
  let last = 'input';
  let block = 0;
  while (layers.length + 7 <= count) {
    block++;
    const b = `b${block}`;
    layers.push(
      { id: `${b}_conv1`, type: 'Conv2D', inputs: [last], params: { filters: 32, kernel: [3, 3], padding: 'same' } },
      { id: `${b}_bn1`, type: 'BatchNorm', inputs: [`${b}_conv1`] },
      { id: `${b}_relu1`, type: 'Activation', inputs: [`${b}_bn1`], params: { fn: 'relu' } },
      { id: `${b}_conv2`, type: 'Conv2D', inputs: [`${b}_relu1`], params: { filters: 32, kernel: [3, 3], padding: 'same' } },
      { id: `${b}_bn2`, type: 'BatchNorm', inputs: [`${b}_conv2`] },
      { id: `${b}_add`, type: 'Add', inputs: [`${b}_bn2`, last] },
      { id: `${b}_out`, type: 'Activation', inputs: [`${b}_add`], params: { fn: 'relu' } },
    );
    last = `${b}_out`;
  }
  layers.push({ id: 'pool', type: 'GlobalAvgPool2D', inputs: [last] });
  while (layers.length < count - 1)
    layers.push({ id: `fc${layers.length}`, type: 'Dense', inputs: [layers.at(-1)!.id], params: { units: 64, activation: 'relu' } });
  layers.push({ id: 'logits', type: 'Dense', inputs: [layers.at(-1)!.id], params: { units: 10, activation: 'softmax' } });
  return { format: 'paper2net.graph/1', name: `residual${count}`, layers };
}

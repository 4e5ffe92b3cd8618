/** Keras 3 functional-API source for a graph, with a `__main__` block that runs it once on random input. */
import { resolveParams, type Graph } from '../../graph/index.ts';
import { designOrigin, valueNames } from '../dataflow.ts';
import type { EmitOptions } from '../emitOptions.ts';
import { graphFacts } from '../graphFacts.ts';
import { toIdentifier } from '../naming.ts';
import { PyTuple, pyDocstring, pyKwargs, pyString, pyValue } from '../python.ts';
import { LOCAL_CLASSES } from './localClasses.ts';
import { builderName, kerasLayerNames, kerasModel } from './model.ts';
import type { KerasNode } from './node.ts';

const INDENT = '    ';

function constructor(node: KerasNode): string {
  const args = [...node.args.map(pyValue), pyKwargs({ ...node.kwargs, name: node.name })].filter((arg) => arg !== '');
  return `${node.local ? '' : 'layers.'}${node.className}(${args.join(', ')})`;
}

/** The Keras 3 Python file for the graph. */
export function emitKerasPython(graph: Graph, options: EmitOptions = {}): string {
  const builder = builderName(graph);
  const names = kerasLayerNames(graph, options);
  const values = valueNames(graph, names, graphFacts(graph, options));
  const model = kerasModel(graph, names, options);
  const variableOfNode = new Map<string, string>();
  for (const input of model.inputs) variableOfNode.set(input.name, values.get(input.layerId)!);
  for (const node of model.nodes) variableOfNode.set(node.name, values.get(node.layerId)!);

  const body: string[] = [];
  for (const input of model.inputs) {
    const kwargs = pyKwargs({ shape: new PyTuple(input.shape), dtype: input.dtype === 'int32' ? 'int32' : undefined, name: input.name });
    body.push(`${variableOfNode.get(input.name)} = keras.Input(${kwargs})`);
  }
  for (const node of model.nodes) {
    const tensors = node.inputs.map((name) => variableOfNode.get(name)!);
    const callArgs =
      node.call === 'list'
        ? `[${tensors.join(', ')}]`
        : node.call === 'positional'
          ? tensors.length === 1
            ? `${tensors[0]}, ${tensors[0]}`
            : tensors.join(', ')
          : tensors[0]!;
    body.push(...node.comments, `${variableOfNode.get(node.name)} = ${constructor(node)}(${callArgs})`);
  }
  const inputNames = model.inputs.map((input) => variableOfNode.get(input.name)!);
  const outputNames = model.outputs.map((id) => values.get(id)!);
  const listOrOne = (items: string[]): string => (items.length === 1 ? items[0]! : `[${items.join(', ')}]`);
  body.push(`return keras.Model(inputs=${listOrOne(inputNames)}, outputs=${listOrOne(outputNames)}, name=${pyString(toIdentifier(graph.name))})`);

  const lines = [
    pyDocstring([`Keras model for ${graph.name}.`, '', designOrigin(graph), 'Keras 3 functional API; images are channels-last [N, H, W, C].']),
    'import keras',
    'from keras import layers',
    '',
    ...model.localClasses.flatMap((className) => ['', LOCAL_CLASSES[className]!]),
    '',
    `def ${builder}():`,
    ...body.map((line) => INDENT + line),
    '',
    '',
    'if __name__ == "__main__":',
    `${INDENT}model = ${builder}()`,
    ...model.inputs.map((input) => {
      const shape = pyValue(new PyTuple([1, ...input.shape]));
      const value = input.dtype === 'int32' ? `keras.random.randint(${shape}, 0, ${tokenRange(graph, input.layerId)})` : `keras.random.normal(${shape})`;
      return `${INDENT}${variableOfNode.get(input.name)} = ${value}`;
    }),
    `${INDENT}${outputNames.join(', ')} = model(${listOrOne(inputNames)})`,
    ...outputNames.map((name) => `${INDENT}print(${pyString(`output ${name}:`)}, list(${name}.shape))`),
    '',
  ];
  return lines.join('\n');
}

/** Token ids must stay below the smallest vocabulary that reads them. */
function tokenRange(graph: Graph, inputId: string): number {
  const vocabs = graph.layers
    .filter((layer) => layer.type === 'Embedding' && layer.inputs?.[0] === inputId)
    .map((layer) => resolveParams(layer).vocab as number);
  return vocabs.length > 0 ? Math.min(...vocabs) : 2;
}

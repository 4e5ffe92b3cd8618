/** A graph → one Python file: an `nn.Module` plus a `__main__` block that runs it once on random input. */
import { inferTensors, resolveParams, type ElementType, type Graph, type Layer, type Params, type Shape } from '../../graph/index.ts';
import { inputCasts } from '../casts.ts';
import { designOrigin, pythonLayerNames, valueNames } from '../dataflow.ts';
import type { EmitOptions } from '../emitOptions.ts';
import { graphFacts } from '../graphFacts.ts';
import { toClassName } from '../naming.ts';
import { pyComment, pyDocstring, pyString } from '../python.ts';
import { torchShape } from './layout.ts';
import { ATTENTION_FUNCTION } from './attention.ts';
import { torchStep } from './layers.ts';
import type { TorchModule } from './step.ts';

/** Names the generated file uses itself; layer names must not shadow them. */
const EMITTER_NAMES = ['F', 'nn', 'torch', 'self', 'x', 'model', 'math', 'super', ATTENTION_FUNCTION];

/** Attributes of nn.Module: a layer stored under one of these would hide the method (`self.train`). */
const MODULE_ATTRIBUTES = new Set(
  (
    'T_destination add_module apply bfloat16 buffers children cpu cuda double dump_patches eval extra_repr float forward ' +
    'get_buffer get_extra_state get_parameter get_submodule half ipu load_state_dict modules named_buffers named_children ' +
    'named_modules named_parameters parameters register_backward_hook register_buffer register_forward_hook ' +
    'register_forward_pre_hook register_full_backward_hook register_load_state_dict_post_hook register_module ' +
    'register_parameter requires_grad_ set_extra_state share_memory state_dict to to_empty train training type xpu zero_grad'
  ).split(' '),
);

const INDENT = '    ';

function isIntegerInput(layer: Layer | undefined): boolean {
  return layer?.type === 'Input' && resolveParams(layer).dtype === 'int32';
}

/** `value` read as another element type: ids as reals, or reals as ids below the layer's vocabulary. */
function cast(value: string, to: ElementType | undefined, params: Params): string {
  if (to === 'float') return `${value}.float()`;
  if (to === 'int') return `${value}.long().clamp(0, ${(params.vocab as number) - 1})`;
  return value;
}

function describeShape(shape: Shape): string {
  return `[${['N', ...torchShape(shape).slice(1)].join(', ')}]`;
}

/** Token ids must stay below the smallest vocabulary that reads them. */
function tokenRange(graph: Graph, input: Layer): number {
  const vocabs = graph.layers
    .filter((layer) => layer.type === 'Embedding' && layer.inputs?.[0] === input.id)
    .map((layer) => resolveParams(layer).vocab as number);
  return vocabs.length > 0 ? Math.min(...vocabs) : 2;
}

function moduleLines(module: TorchModule): string[] {
  return [...(module.comments ?? []), `self.${module.attr} = ${module.expr}`].map((line) => INDENT.repeat(2) + line);
}

/** PyTorch source for the graph: NCHW images, batch-first sequences, int64 token ids. */
export function emitPytorch(graph: Graph, options: EmitOptions = {}): string {
  const { shapes, elementTypes } = inferTensors(graph, options.analysis);
  const className = toClassName(graph.name);
  const facts = graphFacts(graph, options);
  const names = pythonLayerNames(facts.identifiers, [...EMITTER_NAMES, className]);
  const values = valueNames(graph, names, facts);
  const inputs = graph.layers.filter((layer) => layer.type === 'Input');
  const outputs = facts.outputs;

  const takenAttrs = new Set(MODULE_ATTRIBUTES);
  const uniqueAttr = (base: string): string => {
    let attr = MODULE_ATTRIBUTES.has(base) ? `${base}_layer` : base;
    for (let n = 2; takenAttrs.has(attr); n++) attr = `${base}_${n}`;
    takenAttrs.add(attr);
    return attr;
  };

  const init: string[] = [];
  const forward: string[] = [];
  const helpers = new Set<string>();
  for (const layer of graph.layers) {
    if (layer.type === 'Input') continue;
    const name = names.get(layer.id)!;
    const layerInputs = layer.inputs ?? [];
    const params = resolveParams(layer);
    const casts = inputCasts(layer, elementTypes);
    const step = torchStep({
      layer,
      params,
      inShapes: layerInputs.map((id) => shapes.get(id)!),
      outShape: shapes.get(layer.id)!,
      inputs: layerInputs.map((id, i) => cast(values.get(id)!, casts[i], params)),
      out: values.get(layer.id)!,
      attr: (suffix) => uniqueAttr(suffix ? `${name}_${suffix}` : name),
    });
    for (const helper of step.helpers ?? []) helpers.add(helper);
    init.push(...step.modules.flatMap(moduleLines));
    const castNotes = [...new Set(casts.filter((to) => to !== undefined))].map((to) =>
      pyComment(to === 'float' ? 'token ids read as real values' : 'real values truncated to token ids'),
    );
    forward.push(...[...castNotes, ...step.forward].map((line) => INDENT.repeat(2) + line));
  }

  const inputNames = inputs.map((layer) => names.get(layer.id)!);
  const outputNames = outputs.map((layer) => names.get(layer.id)!);
  const body = [...init, ...forward].join('\n');
  const usesFunctional = /\bF\./.test(body);
  const signature = (layers: readonly Layer[]): string[] =>
    layers.map((layer) => `${names.get(layer.id)} ${describeShape(shapes.get(layer.id)!)}${isIntegerInput(layer) ? ' int64 token ids' : ''}`);

  const lines = [
    pyDocstring([`PyTorch model for ${graph.name}.`, '', designOrigin(graph), 'Images are channels-first [N, C, H, W]; sequences are batch-first [N, T, F].']),
    'import torch',
    'from torch import nn',
    ...(usesFunctional ? ['import torch.nn.functional as F'] : []),
    '',
    '',
    ...[...helpers].flatMap((helper) => [helper, '']),
    `class ${className}(nn.Module):`,
    pyDocstring([`Inputs: ${signature(inputs).join('; ')}.`, `Outputs: ${signature(outputs).join('; ')}.`], INDENT),
    '',
    `${INDENT}def __init__(self):`,
    `${INDENT.repeat(2)}super().__init__()`,
    ...init,
    '',
    `${INDENT}def forward(self, ${inputNames.join(', ')}):`,
    ...forward,
    `${INDENT.repeat(2)}return ${outputNames.join(', ')}`,
    '',
    '',
    'if __name__ == "__main__":',
    `${INDENT}model = ${className}().eval()`,
    ...inputs.map((layer) => {
      const shape = torchShape(shapes.get(layer.id)!);
      const value = isIntegerInput(layer) ? `torch.randint(0, ${tokenRange(graph, layer)}, (${shape.join(', ')}))` : `torch.randn(${shape.join(', ')})`;
      return `${INDENT}${names.get(layer.id)} = ${value}`;
    }),
    `${INDENT}with torch.no_grad():`,
    `${INDENT.repeat(2)}${outputNames.join(', ')} = model(${inputNames.join(', ')})`,
    ...outputNames.map((name) => `${INDENT}print(${pyString(`output ${name}:`)}, list(${name}.shape))`),
    '',
  ];
  return lines.join('\n');
}

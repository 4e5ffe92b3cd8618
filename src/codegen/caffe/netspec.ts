/** The plan as a pycaffe NetSpec script that prints the same net as deploy.prototxt. */
import { pyComment, pyString } from '../python.ts';
import { CaffeEnum, type CaffeBlock, type CaffeLayerPlan, type CaffePlan, type CaffeValue } from './plan.ts';

/** NetSpec maps bare keywords to `<x>_param` when a `<Type>Parameter` message exists; Deconvolution has none. */
function takesBareKeywords(layer: CaffeLayerPlan): boolean {
  return layer.type !== 'Deconvolution';
}

function pyCaffeValue(value: CaffeValue): string {
  if (value instanceof CaffeEnum) return `P.${value.owner}.${value.value}`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} in Python`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return `dict(${keywords(value as CaffeBlock)})`;
}

function keywords(block: CaffeBlock): string {
  return Object.entries(block)
    .map(([field, value]) => `${field}=${pyCaffeValue(value)}`)
    .join(', ');
}

function layerLine(layer: CaffeLayerPlan): string {
  const args = layer.bottoms.map((bottom) => `net.${bottom.layer}`);
  if (layer.paramField) args.push(takesBareKeywords(layer) ? keywords(layer.params) : `${layer.paramField}=${pyCaffeValue(layer.params)}`);
  if (layer.frozen) args.push('param=[dict(lr_mult=0, decay_mult=0)]');
  if (layer.inPlace) args.push('in_place=True');
  // NetSpec names a layer after its first top, and returns a tuple for several tops, the layer itself for none.
  if (layer.tops.length !== 1) args.push(`ntop=${layer.tops.length}`);
  const targets = layer.tops.length > 1 ? layer.tops.map((top) => `net.${top}`).join(', ') : `net.${layer.name}`;
  const call = `${targets} = L.${layer.type}(${args.filter(Boolean).join(', ')})`;
  return layer.note ? `${pyComment(layer.note)}\n    ${call}` : call;
}

export function writeNetSpec(plan: CaffePlan): string {
  return [
    '"""Builds the network with pycaffe\'s NetSpec; `python netspec.py > deploy.prototxt` writes the deploy file."""',
    'import caffe',
    'from caffe import layers as L, params as P',
    '',
    '',
    'def build_net():',
    '    net = caffe.NetSpec()',
    ...plan.layers.map((layer) => `    ${layerLine(layer)}`),
    '    proto = net.to_proto()',
    `    proto.name = ${pyString(plan.name)}`,
    '    return proto',
    '',
    '',
    'if __name__ == "__main__":',
    '    print(build_net())',
    '',
  ].join('\n');
}

/**
 * The look of Keras `plot_model` across eras: Keras 2 / tf.keras record nodes (`conv2d_1: Conv2D`, optional
 * input:/output: shape rows) and Keras 3 HTML tables (black header, shape cells, orthogonal edges).
 */
import { inferShapes, isLayerType, kerasClass, type Graph, type Layer, type Shape } from '../graph/index.ts';
import { dotString, htmlText, layoutDot, recordText, type DotNodeMeta } from './graphviz.ts';
import { drawLook, lookAttributes, lookVariation } from './look.ts';
import type { Random } from './random.ts';
import type { DrawnFigure } from './truth.ts';
import type { Viz } from '@viz-js/viz';

/**
 * The base of a layer type's automatic Keras name (`conv2d`, `max_pooling2d`): Keras snake-cases the
 * layer's class name (keras.src.utils.naming.to_snake_case); the input is `input`.
 */
export function kerasNameBase(type: string): string {
  if (type === 'Input' || !isLayerType(type)) return type.toLowerCase();
  return kerasClass(type)
    .replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * Layer names as each Keras era wrote them: Keras 2.0–2.3 counted from 1 (`conv2d_1`), tf.keras left the
 * first unnumbered (`conv2d`, `conv2d_1`), Keras 3 too but calls the input `input_layer`.
 */
export type KerasEra = 'keras2' | 'tfkeras' | 'keras3';

export function kerasNames(graph: Graph, era: KerasEra): Map<string, string> {
  const counts = new Map<string, number>();
  const names = new Map<string, string>();
  for (const layer of graph.layers) {
    let base = kerasNameBase(layer.type);
    if (layer.type === 'Input' && era === 'keras3') base = 'input_layer';
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    const index = era === 'keras2' ? n + 1 : n;
    names.set(layer.id, index === 0 ? base : `${base}_${index}`);
  }
  // A Keras 2 Sequential model names its implicit input after the first layer: "conv2d_1_input".
  const sequential =
    graph.layers.every((l) => (l.inputs?.length ?? 0) <= 1) && new Set(graph.layers.flatMap((l) => l.inputs ?? [])).size === graph.layers.length - 1;
  const [input, first] = graph.layers;
  if (era !== 'keras3' && sequential && input?.type === 'Input' && first) names.set(input.id, `${names.get(first.id)}_input`);
  return names;
}

function shapeText(shape: Shape | undefined): string {
  return shape ? `(None, ${shape.join(', ')})` : '?';
}

function inputShapesText(layer: Layer, shapes: Map<string, Shape>, era: KerasEra): string {
  const inputs = (layer.inputs ?? []).map((id) => shapeText(shapes.get(id)));
  if (layer.type === 'Input') return era === 'keras2' ? shapeText(shapes.get(layer.id)) : `[${shapeText(shapes.get(layer.id))}]`;
  return inputs.length === 1 ? inputs[0]! : `[${inputs.join(', ')}]`;
}

function className(layer: Layer): string {
  // plot_model shows the layer's class: `keras.Input` makes an InputLayer.
  if (layer.type === 'Input') return 'InputLayer';
  return isLayerType(layer.type) ? kerasClass(layer.type, layer.params) : layer.type;
}

/** Keras 2 / tf.keras `plot_model(model, show_shapes=?, rankdir=?)`. */
export function drawKeras2(graph: Graph, rng: Random, viz: Viz): DrawnFigure {
  const era: KerasEra = rng.pick(['keras2', 'tfkeras']);
  const showShapes = rng.chance(0.6);
  // tf.keras ≥ 2.5 stacks name over class in the left cell; older versions wrote "name: Class".
  const stacked = era === 'tfkeras' && showShapes && rng.chance(0.6);
  const look = drawLook(rng, { rankdirs: ['TB', 'TB', 'TB', 'LR'], face: 'Liberation Serif', fontSize: 14 });
  const shapes = inferShapes(graph);
  const names = kerasNames(graph, era);
  const meta = new Map<string, DotNodeMeta>();
  const lines: string[] = [];
  graph.layers.forEach((layer, i) => {
    const node = `n${i}`;
    meta.set(node, { layerId: layer.id, role: 'layer' });
    const name = recordText(names.get(layer.id)!);
    const cls = recordText(className(layer));
    let label = stacked ? `{${name}|${cls}}` : `${name}: ${cls}`;
    if (showShapes) {
      const input = recordText(inputShapesText(layer, shapes, era));
      const output = recordText(layer.type === 'Input' && era !== 'keras2' ? `[${shapeText(shapes.get(layer.id))}]` : shapeText(shapes.get(layer.id)));
      label = `${label}|{input:|output:}|{{${input}}|{${output}}}`;
    }
    lines.push(`${node} [label=${dotString(label)}];`);
  });
  graph.layers.forEach((layer, i) => {
    for (const input of layer.inputs ?? []) lines.push(`n${graph.layers.findIndex((l) => l.id === input)} -> n${i};`);
  });
  const fill = look.fill === 'none' ? '' : `, style=filled, fillcolor="${look.fill}"`;
  const dot = `digraph G {\n${lookAttributes(look)}\nnode [shape=record${fill}];\n${lines.join('\n')}\n}`;
  const figure = layoutDot(viz, dot, meta, look.face);
  return {
    style: 'keras2',
    ...figure,
    fonts: [look.face.family],
    variation: { era, showShapes, stacked, fill: look.fill, ...lookVariation(look) },
  };
}

/** Keras 3 `plot_model`: HTML-table nodes with a black header, shapes as cells, orthogonal edges. */
export function drawKeras3(graph: Graph, rng: Random, viz: Viz): DrawnFigure {
  const showShapes = rng.chance(0.75);
  const showActivations = rng.chance(0.25);
  const look = drawLook(rng, { rankdirs: ['TB', 'TB', 'TB', 'LR'], face: 'Liberation Sans', fontSize: 14 });
  const shapes = inferShapes(graph);
  const names = kerasNames(graph, 'keras3');
  const k = look.face.widthFactor * (look.fontSize / 14);
  const header = (16 * k).toFixed(1);
  const body = (14 * k).toFixed(1);
  const headerFill = rng.chance(0.8) ? 'black' : rng.pick(['#1f3b73', '#333333', '#4a4a4a']);
  const meta = new Map<string, DotNodeMeta>();
  const lines: string[] = [];
  graph.layers.forEach((layer, i) => {
    const node = `n${i}`;
    meta.set(node, { layerId: layer.id, role: 'layer' });
    const span = showShapes ? 2 : 1;
    let table = `<table border="0" cellborder="1" bgcolor="${headerFill}" cellpadding="10">`;
    table += `<tr><td colspan="${span}" bgcolor="${headerFill}"><font point-size="${header}" color="white"><b>${htmlText(names.get(layer.id)!)}</b> (${htmlText(className(layer))})</font></td></tr>`;
    const activation = layer.params?.activation;
    if (showActivations && typeof activation === 'string') {
      table += `<tr><td bgcolor="white" colspan="${span}"><font point-size="${body}">Activation: <b>${htmlText(activation)}</b></font></td></tr>`;
    }
    if (showShapes) {
      const input = layer.type === 'Input' ? shapeText(shapes.get(layer.id)) : inputShapesText(layer, shapes, 'keras3');
      table += `<tr><td bgcolor="white"><font point-size="${body}">Input shape: <b>${htmlText(input)}</b></font></td>`;
      table += `<td bgcolor="white"><font point-size="${body}">Output shape: <b>${htmlText(shapeText(shapes.get(layer.id)))}</b></font></td></tr>`;
    }
    table += '</table>';
    lines.push(`${node} [label=<${table}>];`);
  });
  graph.layers.forEach((layer, i) => {
    for (const input of layer.inputs ?? []) lines.push(`n${graph.layers.findIndex((l) => l.id === input)} -> n${i};`);
  });
  const dot = `digraph G {\n${lookAttributes(look)}\ngraph [splines=ortho];\nnode [shape=record, border=0, margin=0];\n${lines.join('\n')}\n}`;
  const figure = layoutDot(viz, dot, meta, look.face);
  return {
    style: 'keras3',
    ...figure,
    fonts: [look.face.family],
    variation: { era: 'keras3', showShapes, showActivations, headerFill, ...lookVariation(look) },
  };
}

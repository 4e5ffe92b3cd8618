/**
 * Step-wise descriptions (steps.ts) → an encoder–decoder graph: contracting steps (convolutions, then
 * pooling; widths growing by the stated factor from the first width), a bottom of the same convolutions,
 * expanding steps (up-convolution narrowing by the factor, the matching contracting step's maps cropped to
 * size and concatenated, convolutions), a final convolution to the classes. What the text leaves open is
 * decided and marked inferred: the number of steps (from a stated total of convolutional layers), the first
 * width (from the width the final layer maps from), the input size (from the lowest resolution), the
 * number of classes.
 */
import { boxOf } from '../paper/index.ts';
import { GRAPH_FORMAT, inferShapes, validateGraph, type Graph, type Layer, type Params } from '../graph/index.ts';
import type { Conventions } from './conventions.ts';
import { inputMention } from './mentions.ts';
import type { Sentence } from './sentences.ts';
import {
  contractingStepIn,
  expandingStepIn,
  finalConvIn,
  firstWidthIn,
  lowestResolutionIn,
  stepCountIn,
  totalConvsIn,
  widthRuleIn,
  type ContractingStep,
  type ConvUnit,
  type ExpandingStep,
} from './steps.ts';
import { roundBox } from '../geometry/index.ts';

export interface StepDesign {
  graph: Graph;
  weightLayers: number;
  errors: string[];
  sentences: Sentence[];
}

/** Sentences after the contracting statement where the rest of the description may be. */
const REACH = 12;
/** The usual guesses where the text states nothing. */
const DEFAULT_STEPS = 4;
const DEFAULT_FIRST_WIDTH = 64;
const DEFAULT_LOWEST = 32;
const DEFAULT_CLASSES = 2;

/** The first statement `read` finds in sentences [from, to], nearest to `at` first. */
function nearest<T>(sentences: Sentence[], at: number, from: number, to: number, read: (s: Sentence) => T | undefined): T | undefined {
  const candidates = sentences.slice(Math.max(0, from), to + 1).sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at));
  for (const s of candidates) {
    const found = read(s);
    if (found) return found;
  }
  return undefined;
}

interface Plan {
  down: ContractingStep;
  up: ExpandingStep;
  steps: number;
  firstWidth: number;
  factor: number;
  inputSide: number;
  channels: number;
  classes: number;
  inferred: { firstWidth: boolean; input: boolean; classes: boolean };
  notes: string[];
  used: Sentence[];
  stated: { final?: { sentence: Sentence; text: string; kernel: [number, number] }; input?: { sentence: Sentence; text: string } };
}

const sideAfterConvs = (side: number, unit: ConvUnit, padding: 'valid' | 'same') => (padding === 'valid' ? side - unit.count * (unit.kernel[0] - 1) : side);

/** The input side whose maps are `lowest` after `steps` downsamplings (the inverse of the contracting path). */
function inputForLowest(lowest: number, steps: number, down: ContractingStep, padding: 'valid' | 'same'): number {
  let side = lowest;
  for (let i = 0; i < steps; i++) side = (side - 1) * down.pool.stride[0] + down.pool.pool[0] + (padding === 'valid' ? down.count * (down.kernel[0] - 1) : 0);
  return side;
}

/**
 * Steps that make a stated total of convolutional layers: d contracting steps, the bottom, d expanding steps
 * and the final layers. The up-convolution counts as a convolution (U-Net's 23 = 4·2 + 2 + 4·3 + 1); papers
 * that do not count it are tried second.
 */
function stepsForTotal(total: number, down: ContractingStep, up: ExpandingStep, finalConvs: number): number | undefined {
  const rest = total - down.count - finalConvs;
  for (const perStep of [down.count + up.convs.count + 1, down.count + up.convs.count]) {
    if (rest >= perStep && rest % perStep === 0) return rest / perStep;
  }
  return undefined;
}

function planOf(sentences: Sentence[], down: ContractingStep, conventions: Conventions): Plan | undefined {
  const i = down.sentence.index;
  const up = nearest(sentences, i, i + 1, i + REACH, expandingStepIn);
  if (!up) return undefined;
  const used = [down.sentence, up.sentence];
  const notes: string[] = [];
  const within = <T>(read: (s: Sentence) => T | undefined, before = 3, after = REACH) => nearest(sentences, i, i - before, i + after, read);

  const final = within(finalConvIn);
  const total = within(totalConvsIn, 0, REACH + 4);
  const count = within(stepCountIn, 10);
  let steps = count?.value;
  if (count) used.push(count.sentence);
  const fromTotal = steps === undefined && total ? stepsForTotal(total.value, down, up, final ? 1 : 0) : undefined;
  if (total && fromTotal) {
    steps = fromTotal;
    used.push(total.sentence);
    notes.push(`${steps} steps: the number that gives the stated "${total.text}"`);
  }
  if (steps === undefined) {
    steps = DEFAULT_STEPS;
    notes.push(`${steps} steps: not stated, the usual number assumed`);
  }

  const rule = within(widthRuleIn, 1, 4);
  if (rule) used.push(rule.sentence);
  const factor = rule?.value ?? (up.up.halves ? 2 : 1);
  const first = within(firstWidthIn, 10);
  if (first) used.push(first.sentence);
  // The expanding path narrows back to the first width: the width the final layer maps from is the first one.
  const firstWidth = first?.value ?? final?.value.width ?? DEFAULT_FIRST_WIDTH;
  if (!first && final?.value.width) notes.push(`first width ${firstWidth}: the width the final layer maps from ("${final.value.width}-component")`);
  if (!first && !final?.value.width) notes.push(`first width ${firstWidth}: not stated, the usual width assumed`);
  if (final) used.push(final.sentence);

  const padding = down.padding ?? 'same';
  // An input stated near the description wins; else the size whose maps reach the stated lowest resolution.
  const stated = sentences
    .slice(Math.max(0, i - 10), i + REACH + 1)
    .map((sentence) => ({ sentence, mention: inputMention(sentence.text) }))
    .find((s) => s.mention);
  const lowest = stated ? undefined : nearest(sentences, i, 0, sentences.length - 1, lowestResolutionIn);
  const inputSide = stated?.mention?.shape[0] ?? inputForLowest(lowest?.value ?? DEFAULT_LOWEST, steps, down, padding);
  if (stated) used.push(stated.sentence);
  if (lowest) {
    used.push(lowest.sentence);
    notes.push(`input ${inputSide}×${inputSide}: the size whose maps are ${lowest.value}×${lowest.value} after ${steps} downsamplings ("${lowest.text}")`);
  }
  if (!stated && !lowest) notes.push(`input ${inputSide}×${inputSide}: not stated, chosen so that every step fits`);
  const channelsStated = Boolean(stated?.mention?.channelsStated);
  const channels = (channelsStated ? stated?.mention?.shape[2] : conventions.channels?.count) ?? 3;

  const classCounts = conventions.classes ?? [];
  const classes = classCounts.length
    ? [...classCounts].sort((a, b) => Math.abs(a.sentence.index - i) - Math.abs(b.sentence.index - i))[0].count
    : DEFAULT_CLASSES;
  return {
    down,
    up,
    steps,
    firstWidth,
    factor,
    inputSide,
    channels,
    classes,
    inferred: { firstWidth: !first && !final?.value.width, input: !stated || (!channelsStated && !conventions.channels), classes: !classCounts.length },
    notes,
    used: [...new Set(used)].sort((a, b) => a.index - b.index),
    stated: {
      ...(final ? { final: { sentence: final.sentence, text: final.text, kernel: final.value.kernel } } : {}),
      ...(stated
        ? { input: { sentence: stated.sentence, text: stated.sentence.text } }
        : lowest
          ? { input: { sentence: lowest.sentence, text: lowest.text } }
          : {}),
    },
  };
}

/** Builds the layers; undefined when the steps do not fit (maps shrink away, a skip is smaller than its partner). */
function buildLayers(plan: Plan): Layer[] | undefined {
  const { down, up } = plan;
  const layers: Layer[] = [];
  const counters = new Map<string, number>();
  let current = 'input';
  const add = (
    prefix: string,
    type: string,
    params: Params,
    origin: { sentence: Sentence; text: string } | undefined,
    inferred: string[],
    inputs = [current],
  ): string => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    const layer: Layer = { id: `${prefix}${n}`, type, inputs, params };
    if (inferred.length) layer.inferred = inferred;
    if (origin) layer.source = { page: origin.sentence.page, bbox: roundBox(origin.sentence.box), text: origin.text.slice(0, 120) };
    layers.push(layer);
    current = layer.id;
    return layer.id;
  };
  const padding = down.padding ?? 'same';
  const convs = (unit: ConvUnit, filters: number, repeat: boolean, unitPadding: 'valid' | 'same' | undefined) => {
    for (let k = 0; k < unit.count; k++) {
      const inferred = [...(repeat || k > 0 ? ['*'] : []), ...(unitPadding ? [] : ['padding']), ...(unit.activation ? [] : ['activation'])];
      add(
        'conv',
        'Conv2D',
        { filters, kernel: unit.kernel, stride: [1, 1], padding: unitPadding ?? 'same', activation: unit.activation ?? 'relu' },
        unit,
        inferred,
      );
    }
  };
  const width = (step: number) => plan.firstWidth * plan.factor ** step;
  const firstInferred = plan.inferred.firstWidth ? ['filters'] : [];
  layers.push({
    id: 'input',
    type: 'Input',
    params: { shape: [plan.inputSide, plan.inputSide, plan.channels] },
    ...(plan.inferred.input ? { inferred: ['shape'] } : {}),
  });
  if (plan.stated.input)
    layers[0].source = { page: plan.stated.input.sentence.page, bbox: roundBox(plan.stated.input.sentence.box), text: plan.stated.input.text.slice(0, 120) };

  let side = plan.inputSide;
  const skips: Array<{ id: string; side: number }> = [];
  for (let s = 0; s < plan.steps; s++) {
    const before = layers.length;
    convs(down, width(s), s > 0, down.padding);
    if (s === 0 && firstInferred.length) layers[before].inferred = [...(layers[before].inferred ?? []), ...firstInferred];
    side = sideAfterConvs(side, down, padding);
    skips.push({ id: current, side });
    const pool = { pool: down.pool.pool, stride: down.pool.stride, padding: 'valid' };
    add('pool', down.pool.type, pool, { sentence: down.sentence, text: down.pool.text }, s > 0 ? ['*'] : []);
    side = Math.floor((side - down.pool.pool[0]) / down.pool.stride[0]) + 1;
    if (side < 1) return undefined;
  }
  // The bottom: the repeated convolutions once more, with no pooling after them.
  convs(down, width(plan.steps), true, down.padding);
  side = sideAfterConvs(side, down, padding);
  for (let s = plan.steps - 1; s >= 0; s--) {
    const repeat = s < plan.steps - 1;
    // The up-convolution undoes one pooling: its stride is the pooling's; with a window other than the stride,
    // 'same' padding keeps the size exactly doubled (a choice the text does not state).
    const stride = down.pool.stride;
    const exact = up.up.kernel[0] === stride[0];
    const upParams = { filters: width(s), kernel: up.up.kernel, stride, padding: exact ? 'valid' : 'same' };
    const inferred = repeat ? ['*'] : ['stride', ...(exact ? [] : ['padding']), ...(up.up.halves || plan.factor === 1 ? [] : ['filters'])];
    const upId = add('upconv', 'Conv2DTranspose', upParams, { sentence: up.sentence, text: up.up.text }, inferred);
    side *= stride[0];
    const skip = skips[s];
    const extra = skip.side - side;
    if (extra < 0) return undefined;
    let skipId = skip.id;
    if (extra > 0 || up.cropped) {
      const cropping = [Math.floor(extra / 2), Math.ceil(extra / 2), Math.floor(extra / 2), Math.ceil(extra / 2)];
      // A crop the text does not state, needed only because the sizes differ, is the reader's.
      skipId = add(
        'crop',
        'Cropping2D',
        { cropping },
        up.cropped ? { sentence: up.sentence, text: up.concat } : undefined,
        up.cropped ? ['cropping', ...(repeat ? ['*'] : [])] : ['*'],
        [skip.id],
      );
    }
    add('concat', 'Concat', { axis: -1 }, { sentence: up.sentence, text: up.concat }, repeat ? ['*'] : [], [upId, skipId]);
    convs(up.convs, width(s), repeat, up.convs.padding ?? down.padding);
    side = sideAfterConvs(side, up.convs, up.convs.padding ?? padding);
    if (side < 1) return undefined;
  }
  // The final layer only where the text states one (a stated total counted without it).
  const final = plan.stated.final;
  if (final)
    add('conv', 'Conv2D', { filters: plan.classes, kernel: final.kernel, stride: [1, 1], padding: 'valid' }, final, plan.inferred.classes ? ['filters'] : []);
  return layers;
}

/** Every encoder–decoder the text describes by its steps. */
export function stepDesigns(sentences: Sentence[], conventions: Conventions): StepDesign[] {
  const designs: StepDesign[] = [];
  for (const sentence of sentences) {
    const down = contractingStepIn(sentence);
    const plan = down && planOf(sentences, down, conventions);
    const layers = plan && buildLayers(plan);
    if (!plan || !layers) continue;
    const bbox = roundBox(boxOf(plan.used.filter((s) => s.page === down.sentence.page).map((s) => s.box)));
    const caption = plan.used
      .map((s) => s.text)
      .join(' ')
      .slice(0, 300);
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: `Text, page ${down.sentence.page}`,
      layers,
      source: { page: down.sentence.page, kind: 'text', caption, bbox },
      warnings: plan.notes,
    };
    const errors = validateGraph(graph)
      .filter((issue) => issue.severity === 'error')
      .map((issue) => `${issue.layerId}${issue.param ? `.${issue.param}` : ''}: ${issue.message}`);
    if (!errors.length) {
      try {
        inferShapes(graph);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    const weightLayers = layers.filter((l) => l.type === 'Conv2D' || l.type === 'Conv2DTranspose').length;
    designs.push({ graph, weightLayers, errors, sentences: plan.used });
  }
  return designs;
}

/**
 * Paper text → network drafts: runs of architecture sentences close together in the text, read in order.
 * A run must state at least two layers with weights (a convolution or a fully connected layer with its
 * numbers), and its input too if it is one sentence or has no convolution, to count as a design; a
 * convolution after a fully connected layer ends the run, since a network description reads from input to
 * output. Layers the text places rather than lists ("max-pooling layers follow …", "dropout in the first
 * two fully-connected layers") are put where the statements near the run say, with the paper's stated
 * constants; stated feature-map sizes decide paddings. Networks described by their repeated steps
 * (contracting and expanding paths) are read whole by stepGraph.ts.
 */
import { boxOf, type Page } from '../paper/index.ts';
import { inferShapes, isImageWeightLayer, isWeightLayer, validateGraph, type Layer } from '../graph/index.ts';
import { assembleGraph, type Assembled, type LayerDraft, type NetworkDraft, type SeqLayer } from '../tables/index.ts';
import { describesNoDesign } from '../reading/index.ts';
import { readConventions, type Conventions } from './conventions.ts';
import { classOutputMention, inputMention, mentionsIn, type Mention } from './mentions.ts';
import { placementIn, type Placement, type Selector } from './placements.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { paddingFromSizes, sizesFromNeuronCounts } from './statedSizes.ts';
import { stepDesigns } from './stepGraph.ts';
import { statedDesigns } from './statedDesigns.ts';
import { chainDesigns } from './chainDesigns.ts';
import { notationDesigns } from './notationChains.ts';
import { settingDesigns } from './settingDesigns.ts';
import { codeDesigns } from './codeDesigns.ts';
import { transformerDesigns } from './transformerDesigns.ts';
import { roundBox } from '../geometry/index.ts';

export interface ProseDesign extends Assembled {
  sentences: Sentence[];
}

/** Sentences apart before a run of mentions is considered finished. */
const MAX_GAP = 16;
/** Sentences around a run where its separately stated classifier may be. */
const OUTPUT_REACH = 30;
/** Sentences before and after a run where its input may be stated. */
const INPUT_BEFORE = 8;
const INPUT_AFTER = 3;
/** Sentences before and after a run where placement statements about it may be (a section around it). */
const PLACEMENT_BEFORE = 20;
const PLACEMENT_AFTER = 40;

/** One layer of a design being put together, with the sentence that states it. */
interface Planned {
  draft: LayerDraft;
  sentence: Sentence;
  outputSize?: number;
}

function runsOf(mentions: Mention[]): Mention[][] {
  const runs: Mention[][] = [];
  let run: Mention[] = [];
  for (const m of mentions) {
    const last = run[run.length - 1];
    const afterDense = run.some((r) => r.draft.type === 'Dense') && m.draft.type !== 'Dense';
    if (last && (m.sentence.index - last.sentence.index > MAX_GAP || afterDense)) {
      runs.push(run);
      run = [];
    }
    run.push(m);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** A mention's layers: repeats marked as such ('*'); "…, each followed by" layers interleaved with the ones before. */
function plannedLayers(run: Mention[]): Planned[] {
  const planned: Array<Planned & { from: Mention }> = [];
  const copy = (m: Mention, i: number, last: boolean) => ({
    draft: { ...m.draft, params: { ...m.draft.params }, inferred: i > 0 ? ['*'] : [...m.draft.inferred] },
    sentence: m.sentence,
    from: m,
    ...(last && m.outputSize !== undefined ? { outputSize: m.outputSize } : {}),
  });
  for (const m of run) {
    const after = m.afterEach ? planned.filter((p) => m.afterEach!.includes(p.from)) : [];
    if (after.length < 2) {
      for (let i = 0; i < m.count; i++) planned.push(copy(m, i, i === m.count - 1));
      continue;
    }
    after.forEach((layer, i) => planned.splice(planned.indexOf(layer) + 1, 0, copy(m, i, true)));
  }
  return planned.map(({ from: _, ...layer }) => layer);
}

function selected(layers: Planned[], types: string[], select: Selector): Planned[] {
  const ofKind = layers.filter((l) => types.includes(l.draft.type));
  if ('all' in select) return ofKind;
  if ('sole' in select) return ofKind.length === 1 ? ofKind : [];
  return select.positions.map((p) => ofKind[p > 0 ? p - 1 : ofKind.length + p]).filter((l) => l !== undefined);
}

/** The params a placed layer takes from the paper's conventions; what they do not give stays inferred. */
function placedDraft(p: Placement, conventions: Conventions): LayerDraft {
  const text = p.text;
  if (p.draft) return { ...p.draft, params: { ...p.draft.params }, inferred: [...p.draft.inferred], text };
  switch (p.type) {
    case 'MaxPool2D':
    case 'AvgPool2D': {
      const pool = conventions.pool;
      return pool
        ? { type: p.type, params: { pool: pool.pool, ...(pool.stride ? { stride: pool.stride } : {}) }, inferred: [], text }
        : { type: p.type, params: {}, inferred: [], text };
    }
    case 'LRN': {
      const params = conventions.lrn?.params ?? {};
      return { type: 'LRN', params: { ...params }, inferred: ['size', 'alpha', 'beta', 'k'].filter((k) => !(k in params)), text };
    }
    case 'Dropout': {
      // "dropout with a rate of 0.3 is applied after …": the statement's own rate first.
      const own = /(?:rate|ratio|probability|\bp\s*=)\s*(?:of\s+)?(0?\.\d+)/i.exec(p.sentence.text);
      if (own) return { type: 'Dropout', params: { rate: Number(own[1]) }, inferred: [], text };
      return conventions.dropout
        ? { type: 'Dropout', params: { rate: conventions.dropout.rate }, inferred: [], text }
        : { type: 'Dropout', params: { rate: 0.5 }, inferred: ['rate'], text };
    }
    default:
      return { type: p.type, params: {}, inferred: [], text };
  }
}

/**
 * Applies placement statements in text order. One whose targets are not all there yet (pooling after the
 * normalization layers another statement adds) waits for the others; what still waits at the end is applied
 * to the targets that are there. Returns the statements used.
 */
function applyPlacements(layers: Planned[], placements: Placement[], conventions: Conventions): Placement[] {
  const used: Placement[] = [];
  const place = (p: Placement, targets: Planned[]) => {
    used.push(p);
    for (const target of targets) {
      if (p.how === 'activation') {
        const weighted = isImageWeightLayer(target.draft.type);
        if (p.fn && weighted && target.draft.params.activation === undefined) target.draft.params = { ...target.draft.params, activation: p.fn };
        continue;
      }
      const at = layers.indexOf(target);
      if (layers[at + 1]?.draft.type === p.type) continue;
      layers.splice(at + 1, 0, { draft: placedDraft(p, conventions), sentence: p.sentence });
    }
  };
  let pending = [...placements];
  for (const partial of [false, true]) {
    for (let progress = true; progress && pending.length;) {
      progress = false;
      for (const p of [...pending]) {
        const each = p.targets.map((t) => selected(layers, t.types, t.select));
        if (partial ? each.every((t) => !t.length) : each.some((t) => !t.length)) continue;
        pending = pending.filter((q) => q !== p);
        progress = true;
        place(p, each.flat());
      }
    }
  }
  return used;
}

/** "The squashing function is a hyperbolic tangent": the activation of every hidden layer with weights that has none stated. */
function hiddenActivation(layers: Planned[], fn: string): void {
  const weighted = layers.filter((l) => isImageWeightLayer(l.draft.type));
  // The last layer is the classifier (its softmax, if unstated, is the assembler's to infer).
  for (const layer of weighted.slice(0, -1)) if (layer.draft.params.activation === undefined) layer.draft.params = { ...layer.draft.params, activation: fn };
}

/**
 * Layers one statement places are one kind ("max-pooling layers, of the kind described in Section 3.4"):
 * where stated sizes fixed the padding of some, the others take it too, marked inferred.
 */
function shareSiblingPadding(layers: Planned[]): void {
  for (const layer of layers) {
    if (layer.draft.params.padding !== undefined) continue;
    const sibling = layers.find(
      (l) =>
        l !== layer &&
        l.sentence === layer.sentence &&
        l.draft.text === layer.draft.text &&
        l.draft.type === layer.draft.type &&
        l.draft.params.padding !== undefined,
    );
    if (!sibling) continue;
    layer.draft.params = { ...layer.draft.params, padding: sibling.draft.params.padding };
    layer.draft.inferred = [...layer.draft.inferred, 'padding'];
  }
}

/**
 * Layer sources carry the page of their own sentence (a description can run over a page break), and a layer
 * keeps the output size its sentence states, to check the shapes against.
 */
function pageEachLayer(layers: Layer[], planned: Planned[]): void {
  const queue = [...planned];
  for (const layer of layers) {
    if (!layer.source) continue;
    const at = queue.findIndex(
      (p) => p.draft.text.slice(0, 120) === layer.source!.text && p.sentence.box.every((v, i) => Math.abs(v - layer.source!.bbox![i]) < 0.1),
    );
    if (at < 0) continue;
    layer.source.page = queue[at].sentence.page;
    const side = queue[at].outputSize;
    if (side !== undefined) layer.statedSize = [side, side];
    queue.splice(at, 1);
  }
}

/**
 * The class count stated nearest to a sentence; "two classes" only when the paper states no other ("the
 * convex hulls of the two classes" is more often an aside than the task).
 */
function classCountNear(conventions: Conventions, sentence: Sentence): number | undefined {
  const all = conventions.classes ?? [];
  const counts = all.some((c) => c.count > 2) ? all.filter((c) => c.count > 2) : all;
  const distance = (c: { sentence: Sentence }) => Math.abs(c.sentence.index - sentence.index);
  return [...counts].sort((a, b) => distance(a) - distance(b))[0]?.count;
}

/** Every sentence's layer mentions, in text order; a layer a placement statement places is left to it. */
function mentionsOf(sentences: Sentence[], placements: Array<Placement | undefined>, conventions: Conventions): Mention[] {
  return sentences.flatMap((s, i) => {
    if (describesNoDesign(s.text)) return [];
    const stated = mentionsIn(s, sentences.slice(i + 1, i + 3));
    // "Each convolution is followed by a 2x2 max-pooling": the pooling is not listed in order; its numbers
    // go with the placement.
    const placed = placements[i];
    const own = placed && stated.find((m) => m.draft.type === placed.type);
    if (placed && own) placed.draft = own.draft;
    const listed = placed ? stated.filter((m) => m.draft.type !== placed.type) : stated;
    const output = classOutputMention(s, (near) => classCountNear(conventions, near));
    return output ? [...listed, output] : listed;
  });
}

interface Context {
  sentences: Sentence[];
  placements: Array<Placement | undefined>;
  conventions: Conventions;
}

/** One run of mentions → a design, or undefined when the run is too thin to be one. */
function designOf(run: Mention[], { sentences, placements, conventions }: Context): ProseDesign | undefined {
  const weights = run.reduce((n, m) => n + (isImageWeightLayer(m.draft.type) ? m.count : 0), 0);
  if (weights < 2) return undefined;
  const listed = [...new Set(run.map((m) => m.sentence))].sort((a, b) => a.index - b.index);
  // The input is stated before the layers, or just after them ("The input images are 28x28"): before wins.
  const window = sentences.slice(Math.max(0, listed[0].index - INPUT_BEFORE), listed[listed.length - 1].index + 1 + INPUT_AFTER);
  const input = window.map((s) => ({ sentence: s, mention: inputMention(s.text) })).find((s) => s.mention);
  // One sentence ("the net of [12] has 96 kernels of size 11x11 and 4096 neurons") is a design only with its input.
  if (listed.length < 2 && !input) return undefined;
  // Fully connected layers alone are a design only with a stated input, and only when the sentences do
  // not also speak of convolutions or feature maps the reader could not read (those would go missing).
  if (!run.some((m) => m.draft.type === 'Conv2D')) {
    if (!input || listed.some((s) => /\bconv\w*|feature\s+maps?|sub-?sampling|pool\w*/i.test(s.text))) return undefined;
  }
  const shape = input?.mention?.shape.slice();
  if (shape && !input?.mention?.channelsStated && conventions.channels) shape[2] = conventions.channels.count;

  const planned = plannedLayers(run);
  const from = listed[0].index - PLACEMENT_BEFORE;
  const to = listed[listed.length - 1].index + PLACEMENT_AFTER;
  const near = <T extends { sentence: Sentence }>(x: T | undefined): x is T => x !== undefined && x.sentence.index >= from && x.sentence.index <= to;
  const placedBy = applyPlacements(planned, placements.filter(near), conventions);
  const activation = conventions.activations?.find(near);
  if (activation) hiddenActivation(planned, activation.fn);
  const counts = conventions.neuronCounts?.find(near);
  if (counts) sizesFromNeuronCounts(planned, counts.counts);
  if (shape) paddingFromSizes(planned, shape[0]);
  shareSiblingPadding(planned);

  const items: SeqLayer[] = planned.map((p) => ({ kind: 'layer', draft: p.draft, box: p.sentence.box }));
  const used = [...new Set([...listed, ...placedBy.map((p) => p.sentence)])].sort((a, b) => a.index - b.index);
  const draft: NetworkDraft = { name: '', layout: 'rows', input: shape, bands: [{ items }], readCells: run.length, totalCells: run.length };
  const first = used[0];
  const bbox = roundBox(boxOf(used.filter((s) => s.page === first.page).map((s) => s.box)));
  const caption = used
    .map((s) => s.text)
    .join(' ')
    .slice(0, 300);
  const assembled = assembleGraph(draft, { name: `Text, page ${first.page}`, page: first.page, source: { page: first.page, kind: 'text', caption, bbox } });
  pageEachLayer(assembled.graph.layers, planned);
  const inputLayer = assembled.graph.layers[0];
  if (input && inputLayer?.type === 'Input')
    inputLayer.source = { page: input.sentence.page, bbox: roundBox(input.sentence.box), text: input.sentence.text.slice(0, 120) };
  return assembled.weightLayers >= 2 ? { ...assembled, sentences: used } : undefined;
}

/** Layers a design read from its text: not the input, nor the flattening and reshaping the assembler adds. */
const readLayers = (design: ProseDesign): number => design.graph.layers.filter((l) => !['Input', 'Flatten', 'Reshape'].includes(l.type)).length;

/** Layers with weights whose width the text states (not inferred). */
function statedWeights(design: ProseDesign): number {
  return design.graph.layers.filter((l) => isWeightLayer(l.type) && !l.inferred?.some((p) => p === '*' || p === 'filters' || p === 'units' || p === 'dim'))
    .length;
}

/** `known`: the pages' sentences and conventions when the caller has them already (they are the same for every reader of the paper). */
export function proseToGraphs(pages: Page[], known?: { sentences: Sentence[]; conventions: Conventions }): ProseDesign[] {
  const sentences = known?.sentences ?? splitSentences(pages);
  const conventions = known?.conventions ?? readConventions(sentences);
  const placements = sentences.map(placementIn);
  const mentions = mentionsOf(sentences, placements, conventions);
  // The classifier is often stated on its own ("fed to a 1000-way softmax"), before or after the layers.
  const outputs = mentions.filter((m) => m.draft.type === 'Dense' && m.draft.params.activation === 'softmax');
  const designs: ProseDesign[] = [];
  for (const found of runsOf(mentions)) {
    const run = [...found];
    const last = run[run.length - 1];
    if (!(last.draft.type === 'Dense' && last.draft.params.activation === 'softmax')) {
      const from = run[0].sentence.index - OUTPUT_REACH;
      const to = last.sentence.index + OUTPUT_REACH;
      const output = outputs.find((o) => !run.includes(o) && o.sentence.index >= from && o.sentence.index <= to);
      if (output && run.some((m) => isImageWeightLayer(m.draft.type))) run.push(output);
    }
    const design = designOf(run, { sentences, placements, conventions });
    if (design) designs.push(design);
  }
  // A network described by its repeated steps (U-Net and its kind) is read whole; layer runs in its
  // sentences are parts of it.
  const stepwise = stepDesigns(sentences, conventions);
  const inSteps = new Set(stepwise.flatMap((d) => d.sentences));
  const read = [...designs.filter((d) => !d.sentences.some((s) => inSteps.has(s))), ...stepwise];
  // Networks stated group by group, as layer-size chains or families, written as arrow chains of layers, in a notation, as
  // a list of settings or as framework code.
  // Where a design above read the same sentences, the reading with more stated weight layers stands.
  const kept = [...read];
  for (const design of [
    ...statedDesigns(sentences),
    ...chainDesigns(sentences),
    ...notationDesigns(sentences),
    ...settingDesigns(sentences),
    ...codeDesigns(sentences),
  ]) {
    if (design.weightLayers < 2 || design.errors.length) continue;
    const rivals = kept.filter((d) => read.includes(d) && d.sentences.some((s) => design.sentences.includes(s)));
    // On a tie the reading with more layers stands: it read more of what the sentences say (pools, outputs).
    const weights = statedWeights(design);
    if (rivals.some((r) => statedWeights(r) > weights || (statedWeights(r) === weights && readLayers(r) >= readLayers(design)))) continue;
    for (const r of rivals) kept.splice(kept.indexOf(r), 1);
    kept.push(design);
  }
  // Transformers stated by their settings, built by the block library.
  for (const { graph, sentences: used } of transformerDesigns(sentences)) {
    const errors = validateGraph(graph)
      .filter((i) => i.severity === 'error')
      .map((i) => `${i.layerId}: ${i.message}`);
    if (!errors.length) {
      try {
        inferShapes(graph);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    kept.push({ graph, weightLayers: graph.layers.filter((l) => l.type === 'Dense' || l.type === 'MultiHeadAttention').length, errors, sentences: used });
  }
  return kept;
}

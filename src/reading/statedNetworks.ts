/**
 * Running text → networks stated group by group. Sentences close together that speak of layer groups
 * ("3 convolutional layers followed by 2 fully connected layers. The first convolutional layer has …")
 * build one network; later sentences fill in what earlier ones left open (widths, windows, strides, the
 * layer after each). A convolution after a fully connected layer starts a new network, since a network is
 * described from input to output. Whole fully connected networks stated in one phrase (chains, families)
 * come from mlpForms.ts. A classifier the text sizes by the task ("10 classes", "one output per action")
 * ends a network whose last stated layers are hidden or not fully connected.
 */
import { getSpec, type Params } from '../graph/index.ts';
import { classCountsIn, datasetClassesIn, outputFunction, TASK_SIZED_OUTPUT } from './classes.ts';
import { groupClauses, type GroupClause } from './layerGroups.ts';
import { mlpStatements } from './mlpForms.ts';
import { describesNoDesign, escapeRegExp, proseForm } from './text.ts';
import type { LayerDraft, TextUnit } from './types.ts';
import { widthParam } from './vocabulary.ts';
import { expandAbbreviations, layerAbbreviations } from './abbreviations.ts';
import { widthFamilies } from './widthFamilies.ts';
import { blockStatementAt, type BlockStatement } from './blockStatements.ts';
import { networkNamed, statesVariant, variantNetworks } from './variantNetworks.ts';
import { levelWidths, mirroredLevel } from './mirroredPaths.ts';
import { applyWidthRule } from './widthRules.ts';

export interface StatedLayer extends LayerDraft {
  unit: TextUnit;
}

export interface StatedNetwork {
  layers: StatedLayer[];
  /** The text units it was read from, in order. */
  units: TextUnit[];
  /** Input width, when the text states it (the first number of a layer-size chain). */
  inputWidth?: number;
  /** Steps of a sequence input, when stated (a table's "32000×1" waveform). */
  inputSteps?: number;
  /** The paper's own name for it, where the text gives one ("RCNN-96"). */
  name?: string;
}

/** Sentences without a layer group that may separate two sentences of one description. */
const GAP = 4;
/** How far (in sentences) a class count may be from the network it sizes. */
const CLASS_REACH = 60;
/** How far a data set's name may be from the network it sizes ("we trained 2 MLPs on MNIST"). */
const DATASET_REACH = 2;

interface ClassCounts {
  /** Per sentence: class counts it states ("10 classes"). */
  stated: number[][];
  /** Per sentence: class counts of the data sets it names. */
  datasets: number[][];
}

interface Slot extends StatedLayer {
  hidden: boolean;
  /** The paper's name for the layer ("conv1"), where the text names it. */
  name?: string;
  /** Made by a statement about "the output layer". */
  output?: boolean;
}

interface Building {
  slots: Slot[];
  units: TextUnit[];
  last: number;
  /** The layers the last clause that counted new layers added, for "… with a pooling layer in the middle". */
  lastAdded?: Slot[];
  /** Layers by the names the text gives them ("conv1"). */
  named: Map<string, Slot>;
  /** Per type, how many of its layers runs ("the first two", "the next two") have covered. */
  covered?: Map<string, number>;
}

const windowParam = (type: string) => (/Pool/.test(type) ? 'pool' : 'kernel');

function setStated(slot: Slot, clause: GroupClause, width: number | undefined): void {
  const param = widthParam(slot.type);
  const params: Params = { ...slot.params };
  if (param && width !== undefined) params[param] = width;
  if (clause.kernel) params[windowParam(slot.type)] = clause.kernel;
  if (clause.stride) params.stride = clause.stride;
  if (clause.activation && param === 'units') params.activation = clause.activation;
  slot.params = params;
  if (clause.hidden) slot.hidden = true;
  // A repeat the text goes on to state ("3 convolutional layers. … the second has 64 filters") is stated.
  if (width !== undefined || clause.kernel || clause.stride) slot.inferred = slot.inferred.filter((p) => p !== '*');
}

function newSlot(type: string, clause: GroupClause, unit: TextUnit): Slot {
  return { type, params: {}, inferred: [], text: clause.text.slice(0, 120), unit, hidden: clause.hidden };
}

/** Puts a layer of `type` after each of `targets` that is not already followed by one. */
function followEach(b: Building, targets: Slot[], type: string, clause: GroupClause, unit: TextUnit): void {
  const followers = clause.followers;
  const param = widthParam(type);
  targets.forEach((target, k) => {
    const at = b.slots.indexOf(target);
    if (b.slots[at + 1]?.type === type) return;
    // "… with the same number of filters": each follower takes its target's width.
    const width = followers?.width ?? (followers?.sameWidth ? target.params[widthParam(target.type) ?? ''] : undefined);
    const params = { ...(param && width !== undefined ? { [param]: width } : {}), ...(followers?.kernel ? { kernel: followers.kernel } : {}) };
    // Stated once, repeated after each target: the copies after the first are repeats.
    const made = Array.from({ length: followers?.count ?? 1 }, (): Slot => ({
      ...newSlot(type, clause, unit),
      params,
      hidden: false,
      ...(k > 0 ? { inferred: ['*'] } : {}),
    }));
    b.slots.splice(at + 1, 0, ...made);
  });
}

/**
 * "each recurrent layer has 64 units" of a network whose recurrent layers are GRUs: the generic word names them (the
 * catalog's "recurrent" alone is a simple RNN).
 */
function generalRecurrent(b: Building, clause: GroupClause): GroupClause {
  if (clause.type !== 'SimpleRNN' || clause.ref.kind === 'new' || !/\brecurrent\b/i.test(clause.text)) return clause;
  const named = [...b.slots].reverse().find((s) => s.type === 'LSTM' || s.type === 'GRU');
  return named && !b.slots.some((s) => s.type === 'SimpleRNN') ? { ...clause, type: named.type } : clause;
}

/** Applies one clause; false when it does not belong to the network being built. */
function apply(b: Building, given: GroupClause, unit: TextUnit): boolean {
  const clause = generalRecurrent(b, given);
  const ofType = b.slots.filter((s) => s.type === clause.type);
  const widths = clause.widths ?? [];
  if (clause.ref.kind === 'new') {
    // "… an output layer of 10 units. The output layer uses a softmax": later statements are about the same layer.
    const last = b.slots[b.slots.length - 1];
    if (clause.output && last?.output && last.type === clause.type) {
      setStated(last, clause, widths[0]);
      return true;
    }
    const count = clause.ref.count ?? 1;
    if (count > 30) return false;
    // "3 convolutional layers followed by 2 fully connected layers. … a fully connected layer with 512 units":
    // a single layer stated with its width is the first of the counted ones still without a width.
    const param = widthParam(clause.type);
    const open = param && count === 1 && widths.length === 1 && !clause.final ? ofType.find((s) => s.params[param] === undefined) : undefined;
    if (open) {
      setStated(open, clause, widths[0]);
      return true;
    }
    const added: Slot[] = [];
    // "4 recurrent convolutional layers … with a max pooling layer in the middle": halfway through the group before.
    const group = clause.middle && b.lastAdded && b.lastAdded.length >= 2 ? b.lastAdded : undefined;
    let at = group ? b.slots.indexOf(group[Math.ceil(group.length / 2)]) : b.slots.length;
    for (let k = 0; k < count; k++) {
      const slot: Slot = { ...newSlot(clause.type, clause, unit), ...(clause.output ? { output: true } : {}) };
      const own = clause.perLayer?.[k];
      // Where the items state their own windows or strides, the clause's (its first item's) are not the others'.
      const itemsOwn = clause.perLayer && {
        ...(clause.perLayer.some((p) => p.kernel) ? { kernel: undefined } : {}),
        ...(clause.perLayer.some((p) => p.stride) ? { stride: undefined } : {}),
      };
      if (own) setStated(slot, { ...clause, ...itemsOwn, ...own }, own.widths?.[0]);
      // One layer with several numbers before its noun ("vocabulary 10000, 256 dimensions"): the one next to the noun.
      else setStated(slot, clause, widths.length === count ? widths[k] : widths.length === 1 || count === 1 ? widths[widths.length - 1] : undefined);
      // "two convolutional layers with 32 filters": the second is a repeat of what is stated once.
      if (k > 0 && widths.length !== count && !own) slot.inferred = ['*'];
      b.slots.splice(at++, 0, slot);
      added.push(slot);
    }
    if (clause.eachFollowedBy) followEach(b, added, clause.eachFollowedBy, clause, unit);
    if (clause.endFollowedBy && added.length) followEach(b, [added[added.length - 1]!], clause.endFollowedBy, clause, unit);
    if (!group) b.lastAdded = added;
    return true;
  }
  if (clause.afterEvery) return placeAfterEvery(b, clause, clause.afterEvery, unit);
  if (clause.afterPositions) return placeAfterPositions(b, clause, clause.afterPositions, unit);
  if (clause.afterNamed) return placeAfterNamed(b, clause, clause.afterNamed, unit);
  if (clause.ref.kind === 'all') {
    // "The convolutional layers have 96, 128 and 256 filters", nothing counted before: the widths introduce them.
    if (!ofType.length && widths.length) return apply(b, { ...clause, ref: { kind: 'new', count: widths.length } }, unit);
    if (!ofType.length) return false;
    // "96, 128 and 256 filters respectively": one width per layer, the last ones if there are more layers.
    const targets = widths.length > 1 ? ofType.slice(-widths.length) : ofType;
    targets.forEach((slot, k) => setStated(slot, clause, widths.length > 1 ? widths[k] : widths[0]));
    if (clause.eachFollowedBy) followEach(b, targets, clause.eachFollowedBy, clause, unit);
    return Boolean(widths.length || clause.kernel || clause.stride || clause.eachFollowedBy);
  }
  if (clause.ref.kind === 'named') return applyNamed(b, clause, clause.ref.names, unit);
  if (clause.ref.kind === 'range') return applyRange(b, clause, clause.ref, unit);
  const { position } = clause.ref;
  // "the first convolutional layer has …, the second …": an enumeration may introduce its layers.
  if (position === ofType.length + 1) {
    const slot = newSlot(clause.type, clause, unit);
    b.slots.push(slot);
    ofType.push(slot);
  }
  const slot = position > 0 ? ofType[position - 1] : ofType[ofType.length + position];
  if (!slot) return false;
  setStated(slot, clause, widths[0]);
  return true;
}

/**
 * "conv1 has 96 filters …", "conv3, conv4 and conv5 have 384, 384 and 256 filters": named layers, made at
 * their first mention that states something about them ("fc7 features" alone makes no layer), later
 * mentions adding to them.
 */
function applyNamed(b: Building, clause: GroupClause, names: string[], unit: TextUnit): boolean {
  const widths = clause.widths ?? [];
  const states = Boolean(widths.length || clause.kernel || clause.stride || clause.eachFollowedBy);
  if (!states && names.some((n) => !b.named.has(n))) return false;
  const slots = names.map((name) => {
    let slot = b.named.get(name);
    if (!slot || slot.type !== clause.type) {
      slot = { ...newSlot(clause.type, clause, unit), name };
      b.slots.push(slot);
      b.named.set(name, slot);
    }
    return slot;
  });
  slots.forEach((slot, k) => setStated(slot, clause, widths.length === slots.length ? widths[k] : widths.length === 1 ? widths[0] : undefined));
  if (clause.eachFollowedBy) followEach(b, slots, clause.eachFollowedBy, clause, unit);
  b.lastAdded = slots;
  return true;
}

/** "max pooling after every two convolutional layers": a layer after every `n`th layer of the type so far. */
function placeAfterEvery(b: Building, clause: GroupClause, every: { n: number; type: string }, unit: TextUnit): boolean {
  const targets = b.slots.filter((s) => s.type === every.type).filter((_, k) => (k + 1) % every.n === 0);
  if (!targets.length) return false;
  followEach(b, targets, clause.type, clause, unit);
  const placed = b.slots.filter((s, k) => k > 0 && s.type === clause.type && targets.includes(b.slots[k - 1]!));
  for (const slot of placed) setStated(slot, clause, undefined);
  return true;
}

/** "max-pooling after the 2nd, 4th and 6th layers": a layer after each of those layers of the type (the stack's when unsaid). */
function placeAfterPositions(b: Building, clause: GroupClause, at: { positions: number[]; type?: string }, unit: TextUnit): boolean {
  const type = at.type ?? b.slots.find(WEIGHTED)?.type;
  const ofType = b.slots.filter((s) => s.type === type);
  const targets = at.positions.map((p) => ofType[p - 1]).filter((s): s is Slot => s !== undefined);
  if (!targets.length) return false;
  followEach(b, targets, clause.type, clause, unit);
  for (const target of targets) setStated(b.slots[b.slots.indexOf(target) + 1]!, clause, undefined);
  return true;
}

/** "max pooling is applied after conv1, conv2 and conv5": a layer after each of the named layers made so far. */
function placeAfterNamed(b: Building, clause: GroupClause, names: string[], unit: TextUnit): boolean {
  const targets = names.map((n) => b.named.get(n)).filter((s): s is Slot => s !== undefined);
  if (!targets.length) return false;
  followEach(b, targets, clause.type, clause, unit);
  for (const target of targets) setStated(b.slots[b.slots.indexOf(target) + 1]!, clause, undefined);
  return true;
}

/** "the first two have 32 filters, the next two 64": a run of the layers of the type counted last. */
function applyRange(b: Building, clause: GroupClause, range: { which: 'first' | 'next' | 'last' | 'remaining'; count: number }, unit: TextUnit): boolean {
  const type = clause.type || b.lastAdded?.[0]?.type || b.slots.find(WEIGHTED)?.type;
  if (!type) return false;
  const ofType = b.slots.filter((s) => s.type === type);
  // "The first two layers are 5x5 convolutions with 48 and 64 filters; the next two …": the layers just listed are covered.
  const justListed = b.lastAdded?.length && b.lastAdded[b.lastAdded.length - 1] === ofType[ofType.length - 1];
  const covered = (b.covered ??= new Map()).get(type) ?? (range.which === 'next' && justListed ? ofType.length : 0);
  // "the next two are 3x3 convolutions", "the last three layers are fully connected with …" (none yet): a range
  // past the layers so far introduces them.
  const past = range.which === 'next' ? covered === ofType.length && covered > 0 : range.which === 'last' && ofType.length === 0 && b.slots.some(WEIGHTED);
  if (clause.type && past) {
    for (let k = 0; k < range.count; k++) {
      const slot = newSlot(clause.type, clause, unit);
      b.slots.push(slot);
      ofType.push(slot);
    }
  }
  const from = range.which === 'first' ? 0 : range.which === 'last' ? ofType.length - range.count : covered;
  const run = ofType.slice(Math.max(0, from), Math.max(0, from) + range.count);
  if (run.length !== range.count) return false;
  // "… and the last two twice as many": a width relative to the layer before the run.
  const relative = !clause.widths && /\b(twice|half)\s+as\s+many\b/i.exec(clause.text);
  const before = ofType[Math.max(0, from) - 1]?.params[widthParam(type) ?? ''];
  const widths = relative && typeof before === 'number' ? [Math.round(before * (/twice/i.test(relative[1]!) ? 2 : 0.5))] : (clause.widths ?? []);
  run.forEach((slot, k) => setStated(slot, clause, widths.length === run.length ? widths[k] : widths[0]));
  if (clause.eachFollowedBy) followEach(b, run, clause.eachFollowedBy, clause, run[0]!.unit);
  b.covered.set(type, Math.max(covered, from + run.length));
  return true;
}

const WEIGHTED = (s: StatedLayer) => widthParam(s.type) !== undefined;

/**
 * Appends `statement.count` copies of the block its body states, each block's layers taking its listed width,
 * after `before` (what the sentence states ahead of the blocks); false when a body states no weight layer.
 */
function addBlocks(b: Building, statement: BlockStatement, unit: TextUnit, before: GroupClause[]): boolean {
  const templateOf = (body: string) => {
    const template: Building = { slots: [], units: [], last: unit.index, named: new Map() };
    for (const clause of groupClauses(body)) apply(template, clause, unit);
    return template;
  };
  const count = statement.count ?? statement.widths!.length;
  const templates = statement.bodies?.map(templateOf) ?? [templateOf(statement.body)];
  if (!templates.every((t) => t.slots.some(WEIGHTED)) || count > 30) return false;
  const widths = statement.widths?.length === count ? statement.widths : undefined;
  for (const clause of before) apply(b, clause, unit);
  for (let k = 0; k < count; k++) {
    for (const slot of (templates[k] ?? templates[0]).slots) {
      const param = widthParam(slot.type);
      const params = param && widths ? { ...slot.params, [param]: widths[k] } : { ...slot.params };
      const inferred = param && widths ? slot.inferred.filter((p) => p !== '*' && p !== param) : [...slot.inferred];
      b.slots.push({ ...slot, params, inferred });
    }
  }
  b.lastAdded = undefined;
  return true;
}
/** Parts of a network a text describes one at a time; "network" alone is too common in summaries ("8 conv. and 3 FC layers"). */
const ARCHITECTURE_WORDS = /\b(?:encoder|decoder|discriminator|generator|critic|backbone|head)\b/i;

/**
 * A network is kept when it states at least two layers with weights and some of their widths; with
 * `unsized`, also a stack whose widths the text gives elsewhere (as a symbol a family of networks names).
 */
function finished(b: Building, unsized = false): StatedNetwork | undefined {
  const weighted = b.slots.filter(WEIGHTED);
  const sized = weighted.filter((s) => s.params[widthParam(s.type)!] !== undefined);
  // Without any width, a stack counts only when the text calls it a network part ("the discriminator … 4
  // convolutional layers") and states three or more such layers.
  const named = b.units.some((u) => ARCHITECTURE_WORDS.test(u.text));
  if (weighted.length < 2 || (sized.length === 0 && !unsized && !(named && weighted.length >= 3))) return undefined;
  // Fully connected layers alone are not the network where its sentences speak of feature maps or
  // convolutions the grammar did not read ("four feature maps, followed by a fully connected layer …").
  if (weighted.every((s) => s.type === 'Dense') && b.units.some((u) => /\bfeature\s+maps?\b|\bconvolution|\bsub-?sampling\b|\bpooling\b/i.test(u.text)))
    return undefined;
  // Layers known only by name ("the conv5 and fc7 features") are a network when there are three or more.
  if (weighted.length < 3 && weighted.every((s) => (s as Slot).name !== undefined)) return undefined;
  // A width the text leaves open takes the catalog's default and is marked inferred, for the user to set.
  for (const slot of b.slots) {
    const param = widthParam(slot.type);
    if (!param || slot.params[param] !== undefined) continue;
    const fallback = getSpec(slot.type)?.params.find((p) => p.name === param)?.default;
    if (typeof fallback === 'number') slot.params = { ...slot.params, [param]: fallback };
    slot.inferred = [...slot.inferred, param];
  }
  // An embedding looks up the input tokens: it comes first, wherever the text mentions it, and the
  // convolutions over its sequence are 1-D ("128 filters of width 5 over 300-dimensional word embeddings").
  const embeddings = b.slots.filter((s) => s.type === 'Embedding');
  if (embeddings.length) for (const slot of b.slots) if (slot.type === 'Conv2D') slot.type = 'Conv1D';
  return { layers: [...embeddings, ...b.slots.filter((s) => s.type !== 'Embedding')], units: b.units };
}

/** The nearest class count in `counts`, within `reach` sentences of sentence `index`. */
function nearest(units: TextUnit[], counts: Array<number[]>, index: number, reach: number): number | undefined {
  let best: { n: number; d: number } | undefined;
  units.forEach((u, i) => {
    const d = Math.abs(u.index - index);
    if (counts[i].length && d <= reach && (!best || d < best.d)) best = { n: counts[i][0], d };
  });
  return best?.n;
}

/** The class count the text states nearest sentence `index`; else that of a data set named right beside it. */
function classCountNear(units: TextUnit[], counts: ClassCounts, index: number): number | undefined {
  return nearest(units, counts.stated, index, CLASS_REACH) ?? nearest(units, counts.datasets, index, DATASET_REACH);
}

/** Adds the task-sized classifier when the stated layers end hidden or before any fully connected layer. */
function withOutput(net: StatedNetwork, classes: number | undefined, taskSized: TextUnit | undefined, classesInside = false): StatedNetwork {
  const last = net.layers[net.layers.length - 1] as Slot;
  // "… two fully connected layers with 1024 units and a softmax over 100 classes": the network's own
  // sentences size a classifier its last layer is not.
  const classifierApart = classesInside && classes !== undefined && last.params.units !== classes && !last.inferred.includes('units');
  const endsHidden = last.type !== 'Dense' || last.hidden || classifierApart;
  const unit = taskSized ?? last.unit;
  if (!endsHidden) {
    // An output whose width the text left open (the catalog's default, marked inferred) is the task's.
    if ((last.params.units === undefined || last.inferred.includes('units')) && classes !== undefined) {
      last.params = { ...last.params, units: classes };
      last.inferred = last.inferred.filter((p) => p !== 'units');
    }
    return net;
  }
  if (classes === undefined && !taskSized) return net;
  // Fully convolutional: a last convolution as wide as the classes (then maybe global pooling) is the classifier.
  const lastWeighted = [...net.layers].reverse().find((l) => widthParam(l.type) !== undefined);
  const after = lastWeighted ? net.layers.slice(net.layers.indexOf(lastWeighted) + 1) : [];
  if (lastWeighted && lastWeighted.params[widthParam(lastWeighted.type)!] === classes && after.every((l) => /Pool/.test(l.type))) return net;
  const params: Params = { units: classes ?? 10, activation: 'softmax' };
  const output: StatedLayer = { type: 'Dense', params, inferred: classes === undefined ? ['units'] : [], text: 'output layer (one unit per class)', unit };
  return { ...net, layers: [...net.layers, output] };
}

/** "The network architecture … are same as that for SVHN": a network stated by pointing at another. */
const SAME_AS =
  /\b(?:network|architecture|model)s?\b[^.]{0,60}?\b(?:is|are)\s+(?:the\s+)?same\s+as\s+(?:that|those|the\s+ones?)?\s*(?:for|of|in|used\s+(?:for|in|on))\s+(?:the\s+)?([A-Z][\w-]*[A-Za-z0-9])/;
/** Sentences before a network's first one where the name of its data or section may stand. */
const NAME_REACH = 10;

/**
 * Networks stated as copies: the network whose text (or the sentences just before it) names what the
 * reference names, with its output resized to each class count stated near the reference.
 */
function copiesByReference(units: TextUnit[], forms: string[], counts: ClassCounts, networks: StatedNetwork[]): StatedNetwork[] {
  const copies: StatedNetwork[] = [];
  forms.forEach((text, i) => {
    const ref = SAME_AS.exec(text);
    if (!ref) return;
    const source = networkNamed(ref[1], i, units, forms, networks);
    if (!source) return;
    const near = counts.stated.slice(Math.max(0, i - NAME_REACH), i + 2).flat();
    const last = source.layers[source.layers.length - 1];
    const outputs = near.length && last.type === 'Dense' ? [...new Set(near)] : [undefined];
    for (const n of outputs) {
      const layers = source.layers.map((l) => ({ ...l, params: { ...l.params } }));
      if (n !== undefined) layers[layers.length - 1].params.units = n;
      // A restatement for other data is a design of its own, named by where it is stated.
      copies.push({ ...source, name: `Text, page ${units[i].page} (same as for ${ref[1]})`, layers, units: [...source.units, units[i]] });
    }
  });
  return copies;
}

/**
 * "the next two are 3x3 convolutions with 128 filters each": the group the range names ("convolutions", read
 * as all of them) is the range's predicate; its numbers are the range's layers', not every convolution's.
 */
function withRangePredicates(clauses: GroupClause[]): GroupClause[] {
  return clauses.flatMap((clause, k) => {
    const range = clauses[k - 1];
    const predicate = range?.ref.kind === 'range' && !range.widths?.length && clause.ref.kind === 'all' && (!range.type || range.type === clause.type);
    if (!predicate) return [clause];
    Object.assign(range, {
      type: clause.type,
      ...(clause.widths ? { widths: clause.widths } : {}),
      ...(clause.kernel ? { kernel: clause.kernel } : {}),
      ...(clause.stride ? { stride: clause.stride } : {}),
    });
    return [];
  });
}

/**
 * "contains 1 convolutional layer, 4 recurrent layers, 3 max pooling layers and 1 softmax layer": a census
 * of a network's layers by type, not their order (no network runs several pooling layers in a row).
 */
function isCensus(clauses: GroupClause[]): boolean {
  return clauses.some(
    (c, i) =>
      i > 0 &&
      c.ref.kind === 'new' &&
      (c.ref.count ?? 1) >= 2 &&
      widthParam(c.type) === undefined &&
      !clauses[i - 1].eachFollowedBy &&
      widthParam(clauses[i - 1].type) !== undefined,
  );
}

/**
 * "two convolutional layers …, two max pooling layers, and two fully connected layers; the convolutional and
 * pooling layers alternate": a census whose text says how its groups interleave is read as the network. The
 * clauses are changed in place (the layers without weights placed after each of the group they alternate with).
 */
function interleaved(clauses: GroupClause[], text: string): boolean {
  if (!/\b(?:alternate|alternating|interleaved|in\s+turn)\b|\b(?:placed|inserted|applied|used)?\s*after\s+(?:each|every)\s+(?:of\s+the\s+)?conv/i.test(text))
    return false;
  let changed = false;
  for (const [i, group] of clauses.entries()) {
    if (group.ref.kind !== 'new' || widthParam(group.type) === undefined) continue;
    const count = group.ref.count;
    const partner = clauses.findIndex((c, j) => j > i && c.ref.kind === 'new' && c.ref.count === count && widthParam(c.type) === undefined);
    if (partner < 0) continue;
    group.eachFollowedBy = clauses[partner]!.type;
    clauses.splice(partner, 1);
    changed = true;
  }
  return changed;
}

/** Networks of a width family ("RCNN-96", "RCNN-128"): the stack its name stands beside, once per named value. */
function familyMembers(units: TextUnit[], forms: string[], counts: ClassCounts, stacks: StatedNetwork[]): StatedNetwork[] {
  const members: StatedNetwork[] = [];
  for (const family of widthFamilies(forms)) {
    const name = new RegExp(String.raw`\b${escapeRegExp(family.name)}\b`);
    // The stack beside the family's name whose open widths the symbol can stand for, nearest the symbol's definition.
    const opens = (n: StatedNetwork) => n.layers.some((l) => widthParam(l.type) === family.param && l.inferred.includes(family.param));
    const beside = stacks.filter((n) => {
      const first = units.indexOf(n.units[0]);
      return opens(n) && forms.slice(Math.max(0, first - NAME_REACH), first + n.units.length + 1).some((f) => name.test(f));
    });
    const stack = beside.sort((a, c) => Math.abs(units.indexOf(a.units[0]) - family.at) - Math.abs(units.indexOf(c.units[0]) - family.at))[0];
    if (!stack) continue;
    for (const { value, at } of family.instances) {
      const classes = classCountNear(units, counts, units[at].index);
      const layers = stack.layers.map((l, k): StatedLayer => {
        const params = { ...l.params };
        let inferred = l.inferred;
        const open = widthParam(l.type) === family.param && l.inferred.includes(family.param);
        const output = k === stack.layers.length - 1 && l.type === 'Dense' && l.inferred.includes('units') && classes !== undefined;
        if (open) params[family.param] = value;
        if (output) params.units = classes;
        if (open || output) inferred = l.inferred.filter((p) => p !== family.param && !(output && p === 'units'));
        return { ...l, params, inferred };
      });
      members.push({ ...stack, name: `${family.name}-${value}`, layers, units: [...stack.units, units[at]] });
    }
  }
  return members;
}

export function statedNetworks(units: TextUnit[]): StatedNetwork[] {
  const plain = units.map((u) => proseForm(u.text));
  const abbreviations = layerAbbreviations(plain);
  const forms = plain.map((f) => expandAbbreviations(f, abbreviations));
  const counts: ClassCounts = { stated: forms.map(classCountsIn), datasets: forms.map(datasetClassesIn) };
  const networks: StatedNetwork[] = [];
  // Stacks without any stated width: networks only where a width family names them.
  const stacks: StatedNetwork[] = [];
  let b: Building | undefined;
  let taskSized: TextUnit | undefined;
  const close = () => {
    const net = b && finished(b);
    const stack = b && !net ? finished(b, true) : undefined;
    if (net) {
      const classes = classCountNear(units, counts, net.units[0].index);
      const inside = net.units.some((u) => counts.stated[units.indexOf(u)].includes(classes ?? -1));
      networks.push(withOutput(net, classes, taskSized, inside));
    }
    if (stack) stacks.push(withOutput(stack, classCountNear(units, counts, stack.units[0].index), taskSized));
    b = undefined;
    taskSized = undefined;
  };
  units.forEach((unit, i) => {
    const text = forms[i];
    if (describesNoDesign(unit.text) || statesVariant(text)) return;
    for (const mlp of mlpStatements(text, forms.slice(Math.max(0, i - 2), i + 3).join(' '))) {
      const hidden: StatedLayer[] = mlp.hidden.map((w) => ({ type: 'Dense', params: { units: w }, inferred: [], text: mlp.text, unit, hidden: true }) as Slot);
      const net = { layers: hidden, units: [unit], ...(mlp.input ? { inputWidth: mlp.input } : {}) };
      if (mlp.output !== undefined)
        networks.push({
          ...net,
          layers: [
            ...hidden,
            {
              type: 'Dense',
              params: { units: mlp.output, activation: mlp.reconstructs ? 'linear' : outputFunction(mlp.output) },
              inferred: [],
              text: mlp.text,
              unit,
            },
          ],
        });
      else networks.push(withOutput(net, classCountNear(units, counts, unit.index), TASK_SIZED_OUTPUT.test(text) ? unit : undefined));
    }
    const blocks = blockStatementAt(forms, i);
    if (blocks) {
      if (b && unit.index - b.last > GAP) close();
      b ??= { slots: [], units: [], last: unit.index, named: new Map() };
      if (addBlocks(b, blocks, unit, groupClauses(blocks.before ?? ''))) {
        b.last = unit.index;
        for (const j of [...blocks.from, i].sort((x, y) => x - y)) if (!b.units.includes(units[j])) b.units.push(units[j]);
        for (const clause of groupClauses(blocks.rest ?? '')) apply(b, clause, unit);
        applyWidthRule(b.slots, b.units, text);
        return;
      }
    }
    // "The expanding path mirrors the contracting path: at each level …": the level once per encoder level, deepest first.
    const level = b && mirroredLevel(text);
    if (b && level) {
      for (const width of levelWidths(b.slots)) {
        const copy: Building = { slots: [], units: [], last: unit.index, named: new Map() };
        for (const clause of level) apply(copy, clause, unit);
        for (const slot of copy.slots) {
          const param = widthParam(slot.type);
          b.slots.push(param ? { ...slot, params: { ...slot.params, [param]: width }, inferred: slot.inferred.filter((p) => p !== param) } : slot);
        }
      }
      b.last = unit.index;
      if (!b.units.includes(unit)) b.units.push(unit);
      return;
    }
    const clauses = withRangePredicates(groupClauses(text));
    if (isCensus(clauses) && !interleaved(clauses, text)) return;
    if (b && unit.index - b.last > GAP) close();
    clauses.forEach((clause, k) => {
      // Weight layers after fully connected ones start another network, but for a decoder growing from a vector
      // ("a fully connected layer …, followed by four transposed convolutional layers").
      const grows =
        clause.type === 'Conv2DTranspose' || (k > 0 && /\b(?:followed\s+by|then|(?:fed|passed)\s+(?:in)?to|reshaped\b.*)$/i.test(clauses[k - 1].text));
      const weightedAfterDense =
        b?.slots.some((s) => s.type === 'Dense') && clause.ref.kind === 'new' && clause.type !== 'Dense' && widthParam(clause.type) !== undefined && !grows;
      if (weightedAfterDense) close();
      if (!b) {
        if (clause.ref.kind === 'all' && !clause.widths?.length) return;
        b = { slots: [], units: [], last: unit.index, named: new Map() };
      }
      if (apply(b, clause, unit)) {
        b.last = unit.index;
        if (!b.units.includes(unit)) b.units.push(unit);
      }
    });
    if (b && TASK_SIZED_OUTPUT.test(text) && unit.index - b.last <= GAP) taskSized = unit;
    if (b && unit.index - b.last <= GAP && applyWidthRule(b.slots, b.units, text)) {
      b.last = unit.index;
      if (!b.units.includes(unit)) b.units.push(unit);
    }
  });
  close();
  return withoutPrefixes(
    distinct([
      ...networks,
      ...copiesByReference(units, forms, counts, networks),
      ...variantNetworks(units, forms, networks),
      ...familyMembers(units, forms, counts, stacks),
    ]),
  );
}

/** A layer as a key; the activation is left out ("an output layer of 5 units" and "… 5 softmax units" are one layer). */
const layerKey = (l: StatedLayer) => JSON.stringify([l.type, { ...l.params, activation: undefined }]);

/**
 * "two hidden layers with 400 and 300 units, and an output layer of 4 units": the layer-size phrase alone
 * reads the hidden layers, the group reading the whole network; a network that is the start of another read
 * from the same sentences is not a design of its own.
 */
function withoutPrefixes(networks: StatedNetwork[]): StatedNetwork[] {
  return networks.filter(
    (n) =>
      !networks.some(
        (other) =>
          other !== n &&
          !other.name &&
          !n.name &&
          other.layers.length > n.layers.length &&
          n.units.every((u) => other.units.includes(u)) &&
          n.layers.every((l, k) => layerKey(l) === layerKey(other.layers[k]!)),
      ),
  );
}

/** One network per distinct layer list: a paper restates its networks ("… for the 300-100-10 network"). */
function distinct(networks: StatedNetwork[]): StatedNetwork[] {
  const seen = new Set<string>();
  return networks.filter((n) => {
    const key = JSON.stringify([n.name, n.inputWidth, n.layers.map(layerKey)]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

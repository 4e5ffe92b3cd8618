/**
 * Networks written inline as a chain of layers: "conv(5×5, 32) → max-pool(2×2) → conv(5×5, 64) → fc(1024)
 * → fc(10)", "Input -> Conv 3x3, 64 -> MaxPool -> FC-4096 -> Softmax", "the layers are: Conv(3x3, 16),
 * MaxPool(2x2), FC(10)". Each link is read by the table cell
 * grammar (the same words a table cell or figure label would use); the input is the one stated in or just
 * after the sentence.
 */
import { isImageWeightLayer } from '../graph/index.ts';
import { normaliseLayerText, parseLayerText, type LayerDraft } from '../tables/index.ts';
import { inputNear } from './mentions.ts';
import { classCountsIn, groupClauses, kindNamed, numberOf, outputFunction, proseForm, widthParam } from '../reading/index.ts';
import type { ProseDesign } from './proseToGraphs.ts';
import type { Sentence } from './sentences.ts';
import { runDesign } from './runDesign.ts';

/** Arrows between links, or a dash with spaces on both sides ("Conv(32, 3x3) – ReLU – MaxPool(2x2)"). */
const ARROW = /\s*(?:→|⟶|⇒|➔|-{1,2}>|={1,2}>)\s*|\s+[–—-]\s+/;
/** Links that name the ends of the chain rather than a layer. */
const END_WORDS = /^(?:the\s+)?(?:input|inputs|image|images|output|outputs|prediction|predictions|x|y)$/i;
/** Words in a listed layer at most ("MaxPool(2 x 2)", "FC-4096 + ReLU"). */
const MAX_ITEM_WORDS = 5;
/** Words of a link's lead-in that may stand before the first layer ("The architecture is: conv(…)"). */
const MAX_LEAD_WORDS = 12;

/**
 * A link written with a repeat count: "conv3-64 ×2", "[conv3-32]×2", "(Conv 3×3, 64) x 3". The count must follow a
 * bracket, a word or a "-64" width, never a bare number ("Conv 3 × 3" is a window); a letter x ends no word ("softmax 5").
 */
const REPEATED = /^(?<body>\[[^\]]*\]|\([^)]*\)|.*(?:[a-z)\]]|-\d+))(?:\s*×\s*|\s+x\s*|(?<=[)\]])x\s*)(?<times>\d{1,2})$/i;
/** "FC-10", "Dense-5", "FC 6": a fully connected layer with its units, as chains write it. */
const SIZED_DENSE = /^(?:fc|dense|linear)(?:\s*-\s*|\s+)(\d{1,5})$/i;
/** A repeat count beyond this is not one ("… ×64" is a width). */
const MAX_REPEAT = 8;

/** The layers of one link, repeated as the link says. */
function linkLayers(link: string, first: boolean): LayerDraft[] | undefined {
  const text = link.replace(/[.;,]+$/, '').trim();
  const repeated = REPEATED.exec(text);
  const times = repeated ? Number(repeated.groups!.times) : 1;
  if (!repeated || times < 2 || times > MAX_REPEAT) return onceLayers(text, first);
  const once = onceLayers(repeated.groups!.body.replace(/^[[(]|[\])]$/g, ''), first);
  return once && Array.from({ length: times }, () => once.map((l) => ({ ...l, params: { ...l.params } }))).flat();
}

/** The layers of one link, or undefined when it names none; the first link may carry the sentence's lead-in. */
function onceLayers(text: string, first: boolean): LayerDraft[] | undefined {
  if (END_WORDS.test(text)) return [];
  // "FC-10" or "FC 6" alone could name the tenth or sixth layer; as a link of a chain of layers it is the layer with 10 units.
  const sized = SIZED_DENSE.exec(text);
  const direct = sized ? [{ type: 'Dense', params: { units: Number(sized[1]) }, inferred: [], text }] : parseLayerText(text);
  if (!first) return direct.length ? direct : undefined;
  // "… as follows: conv(5x5, 32)", "the input (64x64x3) goes through Conv 3x3/32": the shortest tail of the
  // lead-in that reads as a layer, after the input the lead-in states.
  const input = direct.filter((l) => l.type === 'Input');
  if (direct.length > input.length) return direct;
  const words = text.split(/\s+/);
  for (let k = words.length - 1; k >= Math.max(1, words.length - MAX_LEAD_WORDS); k--) {
    const tail = parseLayerText(words.slice(k).join(' ')).filter((l) => l.type !== 'Input');
    if (tail.length) return [...input, ...tail];
  }
  return input.length ? input : undefined;
}

/** Items of a list after a colon, split at commas and semicolons outside brackets ("Conv(3x3, 16), MaxPool(2x2), and FC(10)"). */
function listedAfterColon(text: string): string[] {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return [];
  const items: string[] = [];
  let depth = 0;
  let item = '';
  const tail = text.slice(colon + 1);
  // Items separated by semicolons may hold commas of their own ("max pool 3x3, stride 2; conv …").
  const separators = /;/.test(tail) ? ';' : ',;';
  for (const c of tail) {
    depth += c === '(' || c === '[' ? 1 : c === ')' || c === ']' ? -1 : 0;
    if (depth === 0 && separators.includes(c)) {
      items.push(item);
      item = '';
    } else item += c;
  }
  items.push(item);
  const listed = items.map((i) => i.replace(/^\s*(?:and|then)\s+/i, '').trim()).filter(Boolean);
  // Items written as layer names with their numbers ("Conv(3x3, 16)"), not clauses, which the group grammar reads.
  // The first item may carry the lead-in ("the input (64x64x3) goes through Conv 3x3/32"); the last an aside in
  // brackets ("max-pool 2x2 (n@kxk denotes n filters of size kxk)").
  const words = (i: string) => normaliseLayerText(i.replace(/\s*\([^()]*\)\s*\.?$/, '')).split(/\s+/).length;
  return listed.slice(1).every((i) => words(i) <= MAX_ITEM_WORDS) ? listed : [];
}

/** "Fully connected part: 1024, 1024, 2": the kind with a width a list's label names, which its bare numbers are widths of. */
function labelKind(text: string): string | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const label = proseForm(text.slice(0, colon)).toLowerCase().split(/\s+/);
  for (let n = 3; n >= 1; n--)
    for (let k = 0; k + n <= label.length; k++) {
      const kind = kindNamed(label.slice(k, k + n).join(' '));
      if (kind?.widthParam) return kind.type;
    }
  return undefined;
}

/** A list that states its part of a network under a label ("Fully connected part: …"), going on from the sentence before. */
const PART_LABEL = /^\s*(?:the\s+)?[a-z][\w -]{2,40}?\b(?:part|parts|layers|stack|head|classifier|block|branch|stage)\s*:/i;

/** A layer written as a call: "Conv(32, 3×3, stride 2)", "ConvTranspose(64, 4x4)", "FC(10)". */
const CALL = /(?:\b(?<before>[A-Za-z][A-Za-z0-9-]*)\s)?\b(?<name>[A-Za-z][A-Za-z0-9-]*)\s?\([^()]*\)/g;

/** Layers written as calls anywhere in a sentence, in order ("the encoder consists of Conv(32, 3×3) and Conv(64, 3×3), …"). */
function calledLinks(text: string): string[] {
  const names = (layers: LayerDraft[]) => layers.some((l) => l.type !== 'Input');
  const calls: string[] = [];
  // (a call needs a bracket: without one the scan, tried at every word, is spared)
  for (const m of text.includes('(') ? text.matchAll(CALL) : []) {
    // The name is one word ("ConvTranspose(…)") or two ("Max Pool(…)") where one does not read.
    const call = m[0].slice(m.groups!.before ? m.groups!.before.length + 1 : 0);
    if (names(parseLayerText(call))) calls.push(call);
    else if (m.groups!.before && names(parseLayerText(m[0]))) calls.push(m[0]);
  }
  return calls.length >= 3 ? ['', ...calls, ''] : [];
}

/** "[conv 3x3 (64) – conv 3x3 (64) – max-pool 2x2] repeated three times", "[…] ×3": a bracketed run of links repeated. */
const REPEATED_RUN =
  /\[(?<run>[^\]]*?(?:→|⟶|⇒|➔|->|\s[–—-]\s)[^\]]*)\]\s*(?:(?:×|x)\s*(?<times>\d{1,2})\b|(?:repeated|stacked)\s+(?:(?<count>\w+)\s+times|(?<twice>twice|thrice))\b)/gi;

/** The text with each repeated bracketed run written out, its links joined by the run's own arrow. */
function withRepeatsWritten(text: string): string {
  return text.replace(REPEATED_RUN, (whole, run: string, times?: string, count?: string, twice?: string) => {
    const n = twice ? (/^twice$/i.test(twice) ? 2 : 3) : numberOf(times ?? count ?? '');
    if (n === undefined || n < 2 || n > MAX_REPEAT) return whole;
    const arrow = ARROW.exec(run)![0];
    return Array.from({ length: n }, () => run.trim()).join(arrow);
  });
}

/**
 * "…] repeated three times, and the classifier consists of two fully connected layers with 256 and 2 units": the
 * fully connected head the sentence goes on to state after its chain, when that is all it states.
 */
function headAfter(rest: string): LayerDraft[] {
  const layers = newLayersIn(rest);
  return layers.every((l) => l.type === 'Dense') ? layers : [];
}

/** The new layers with weights a text states, each with its width; none when one of them has no width. */
export function newLayersIn(text: string): LayerDraft[] {
  const clauses = groupClauses(proseForm(text)).filter((c) => widthParam(c.type) !== undefined);
  if (clauses.some((c) => c.ref.kind !== 'new' || !c.widths?.length)) return [];
  return clauses.flatMap((c) => {
    const count = c.ref.kind === 'new' ? (c.ref.count ?? 1) : 1;
    const widths = c.widths!.length === count ? c.widths! : Array<number>(count).fill(c.widths!.at(-1)!);
    return widths.map((width): LayerDraft => ({ type: c.type, params: { [widthParam(c.type)!]: width }, inferred: [], text: c.text }));
  });
}

/**
 * The layers a sentence chains with arrows or dashes, lists after a colon, or writes as calls, when at least
 * three links read and every middle link is a layer.
 */
function chainIn(sentence: Sentence, part = false): LayerDraft[] | undefined {
  // A labelled part going on from a chain may be short ("Fully connected part: 256, 3 (softmax)").
  const least = part ? 1 : 3;
  const arrows = withRepeatsWritten(sentence.text).split(ARROW);
  const listed = arrows.length >= 3 ? arrows : listedAfterColon(sentence.text);
  const links = listed.length >= least ? listed : calledLinks(sentence.text);
  if (links.length < least) return undefined;
  const kind = listed === links && listed !== arrows ? labelKind(sentence.text) : undefined;
  const layers: LayerDraft[] = [];
  for (const [i, link] of links.entries()) {
    const last = i === links.length - 1;
    // The last link runs on to the end of the sentence: keep its first clause only.
    const own = last ? link.split(/[.;]\s|,\s+(?=[a-z]{3,}\s)/)[0]! : link;
    const width = kind && /^\s*(\d{1,5})\s*$/.exec(own.replace(/[.;,]+$/, ''));
    const read = width ? [{ type: kind!, params: { [widthParam(kind!)!]: Number(width[1]) }, inferred: [], text: own.trim() }] : linkLayers(own, i === 0);
    if (read === undefined) {
      if (i === 0 || last) continue;
      return undefined;
    }
    layers.push(...read);
    if (last) layers.push(...headAfter(link.slice(own.length)));
  }
  // Each layer with weights carries its width, as a layer written out does ("ATROUS CONVOLUTION, AND FULLY…"
  // in a running head is not one).
  const weighted = layers.filter((l) => isImageWeightLayer(l.type));
  return weighted.length >= (part ? 1 : 2) && weighted.every((l) => l.params.filters !== undefined || l.params.units !== undefined) ? layers : undefined;
}

export function chainDesigns(sentences: Sentence[]): ProseDesign[] {
  // Chains in order; a labelled part right after a chain goes on with it ("Convolutional part: …. Fully connected part: …").
  const runs: Array<{ sentence: Sentence; chain: LayerDraft[]; last: number }> = [];
  for (const sentence of sentences) {
    const previous = runs[runs.length - 1];
    const part = previous?.last === sentence.index - 1 && PART_LABEL.test(sentence.text);
    const chain = chainIn(sentence, part);
    if (!chain) continue;
    if (part) {
      previous.chain.push(...chain.filter((l) => l.type !== 'Input'));
      previous.last = sentence.index;
    } else runs.push({ sentence, chain, last: sentence.index });
  }
  for (const run of runs) {
    // "…, conv (3x3, 64) and max-pool (2x2). A GRU with 256 units runs over the time steps, and its final state is fed
    // to a 7-way softmax": the sentence after a chain goes on with it when it states only new layers with their widths.
    const next = sentences[run.last + 1];
    if (!next || runs.some((r) => r.sentence === next)) continue;
    const more = newLayersIn(next.text);
    if (!more.length) continue;
    run.chain.push(...more);
    const classes = classCountsIn(proseForm(next.text))[0];
    if (classes !== undefined && more[more.length - 1]!.params.units !== classes)
      run.chain.push({ type: 'Dense', params: { units: classes, activation: outputFunction(classes) }, inferred: [], text: next.text.slice(0, 120) });
  }
  return runs.flatMap(({ sentence, chain }) => {
    // "input 48x48x1" as the chain's first link is the input, not a layer.
    const stated = chain.find((l) => l.type === 'Input')?.params.shape as number[] | undefined;
    const layers = chain.filter((l) => l.type !== 'Input');
    const mentioned = inputNear(sentences, sentence);
    return runDesign(layers, sentence, stated ?? mentioned?.shape) ?? [];
  });
}

/**
 * Paddings fixed by the feature-map sizes a text states: "a 5x5 convolution … the size of the feature maps
 * is 28x28" on a 32x32 input means no padding. Between two stated sizes, every choice of 'same'/'valid' for
 * the layers whose padding is not stated is tried; the one that reaches the stated size with the fewest
 * departures from the usual choices (convolutions 'same', pooling 'valid', as the frameworks' own pooling
 * rounds down) wins.
 */
import { isShrinkingImageWindow } from '../graph/index.ts';
import type { LayerDraft } from '../tables/index.ts';

export interface SizedLayer {
  draft: LayerDraft;
  outputSize?: number;
}

type Padding = 'same' | 'valid';
/** 2^10 combinations at most between two stated sizes. */
const MAX_OPEN = 10;

const pair = (v: unknown, fallback: number): number => (Array.isArray(v) ? Number(v[0]) : typeof v === 'number' ? v : fallback);
const isPool = (d: LayerDraft) => /Pool2D$/.test(d.type);

function windowOf(d: LayerDraft): { kernel: number; stride: number } {
  const kernel = pair(isPool(d) ? d.params.pool : d.params.kernel, isPool(d) ? 2 : 3);
  return { kernel, stride: pair(d.params.stride, isPool(d) ? kernel : 1) };
}

const usual = (d: LayerDraft): Padding => (isPool(d) ? 'valid' : 'same');

function sideAfter(d: LayerDraft, side: number, padding: unknown): number | undefined {
  if (!isShrinkingImageWindow(d.type)) return d.type === 'Dense' || d.type === 'Flatten' ? undefined : side;
  const { kernel, stride } = windowOf(d);
  if (padding === 'same') return Math.ceil(side / stride);
  const p = Array.isArray(padding) ? Number(padding[0]) : 0;
  const out = Math.floor((side + 2 * p - kernel) / stride) + 1;
  return out >= 1 ? out : undefined;
}

/**
 * Sets `padding` on the drafts between stated sizes; those the sizes leave open (another choice fits too)
 * are marked inferred. Returns how many the sizes decided.
 */
export function paddingFromSizes(layers: SizedLayer[], inputSide: number): number {
  let decided = 0;
  let start = 0;
  let startSide: number | undefined = inputSide;
  layers.forEach((layer, i) => {
    if (layer.outputSize === undefined || startSide === undefined) return;
    const segment = layers.slice(start, i + 1);
    const open = segment.filter((l) => isShrinkingImageWindow(l.draft.type) && l.draft.params.padding === undefined);
    let best: { choice: Padding[]; departures: number } | undefined;
    const solutions: Padding[][] = [];
    if (open.length <= MAX_OPEN) {
      for (let mask = 0; mask < 1 << open.length; mask++) {
        const choice = open.map((_, k): Padding => (mask & (1 << k) ? 'valid' : 'same'));
        let side: number | undefined = startSide;
        for (const l of segment) {
          const k = open.indexOf(l);
          side = side === undefined ? undefined : sideAfter(l.draft, side, k >= 0 ? choice[k] : l.draft.params.padding);
        }
        if (side !== layer.outputSize) continue;
        solutions.push(choice);
        const departures = open.filter((l, k) => choice[k] !== usual(l.draft)).length;
        if (!best || departures < best.departures) best = { choice, departures };
      }
    }
    if (best) {
      open.forEach((l, k) => {
        l.draft.params = { ...l.draft.params, padding: best.choice[k] };
        // Where other choices reach the stated size too, this one is the usual guess, not a reading.
        if (solutions.some((other) => other[k] !== best.choice[k])) l.draft.inferred = [...l.draft.inferred, 'padding'];
        else decided++;
      });
    }
    start = i + 1;
    startSide = layer.outputSize;
  });
  return decided;
}

/**
 * "253,440–186,624–64,896–…–1000 neurons in the remaining layers": a convolution's count divided by its
 * filters, when that is a square, is its output side. The counts must be one per layer with weights, and
 * those of the fully connected layers their widths.
 */
export function sizesFromNeuronCounts(layers: SizedLayer[], counts: number[]): number {
  const weighted = layers.filter((l) => l.draft.type === 'Conv2D' || l.draft.type === 'Dense');
  // The fully connected layers' counts are their widths: they must agree, or the list is about something else.
  if (weighted.length !== counts.length || weighted.some((l, i) => l.draft.type === 'Dense' && l.draft.params.units !== counts[i])) return 0;
  let read = 0;
  weighted.forEach((layer, i) => {
    const filters = Number(layer.draft.params.filters);
    if (layer.draft.type !== 'Conv2D' || !filters || layer.outputSize !== undefined || counts[i] % filters) return;
    const side = Math.round(Math.sqrt(counts[i] / filters));
    if (side * side * filters !== counts[i]) return;
    layer.outputSize = side;
    read++;
  });
  return read;
}

/** Text as the reading core sees it: one spelling for times signs, dashes, numbers and citations. */
import { wordsToDigits } from './numbers.ts';

/** `text` as a regex source that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "4,096", "1,000", "13,522": a number written with thousands separators, as one number. Groups that read as a
 * list of widths instead ("64,128,256": each twice or half the one before, or the same) stay a list.
 */
function joinThousands(group: string): string {
  const parts = group.split(',');
  const widths = parts.every((p) => !/^0/.test(p)) && parts.every((p, i) => i === 0 || [0.5, 1, 2].includes(Number(p) / Number(parts[i - 1])));
  return widths ? group : parts.join('');
}

/** Recent normaliseLayerText results: a sentence is normalised by most of the paper's readers in turn. */
const normalForms = new Map<string, string>();
const NORMAL_FORMS_KEPT = 20_000;

/** Times signs and the letter x between numbers become "x"; dashes and spaces are normalised; thousands separators go. */
export function normaliseLayerText(text: string): string {
  let form = normalForms.get(text);
  if (form === undefined) {
    form = normalised(text);
    if (normalForms.size >= NORMAL_FORMS_KEPT) normalForms.clear();
    normalForms.set(text, form);
  }
  return form;
}

function normalised(text: string): string {
  return text
    .replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g, joinThousands)
    .replace(/(\d+)\s*²/g, '$1x$1')
    .normalize('NFKC')
    .replace(/[×✕⨯∗*]/g, 'x')
    .replace(/(\d)\s*[xX]\s*(?=\d)/g, '$1x')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/[⟨⟩]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Recent proseForm results: a paper's sentences pass through several readers (about a paper's worth kept). */
const proseForms = new Map<string, string>();
const PROSE_FORMS_KEPT = 20_000;

/**
 * A sentence ready for the phrase grammar: normalised, numbers as digits, citations ("[12]", "(Smith et
 * al., 2015)") and footnote marks dropped, soft hyphens of line breaks joined ("fully- connected").
 */
export function proseForm(text: string): string {
  let form = proseForms.get(text);
  if (form === undefined) {
    form = wordsToDigits(normaliseLayerText(text))
      // "[12, 15]" cites; "hidden sizes [64, 32]" lists widths.
      .replace(/(?<!\b(?:sizes?|dimensions?|widths?|units|channels|filters|neurons|nodes)\s*[=:]?\s*)\[\d+(?:\s*[,-]\s*\d+)*\]/g, '')
      .replace(/\([A-Z][^()]{0,80}?\b(?:19|20)\d\d[a-z]?\)/g, '')
      .replace(/\b(fully|densely)-\s+(connected)/gi, '$1-$2')
      // "a convolutional stack of 3 layers" says "3 convolutional layers"
      .replace(/\b([a-z-]+)\s+stack\s+of\s+(\d{1,2})\s+layers\b/gi, '$2 $1 layers')
      .replace(/\s+/g, ' ')
      .trim();
    if (proseForms.size >= PROSE_FORMS_KEPT) proseForms.clear();
    proseForms.set(text, form);
  }
  return form;
}

/** A citation: "[12]", "[LeCun et al., 1998]", "(Smith et al., 2015)", "Smith et al. (2015)". */
const CITATION = String.raw`(?:\[[^\]]{0,60}?\d[^\]]{0,20}\]|\([A-Z][^()]{0,60}?\b(?:19|20)\d\d[a-z]?\)|\bet\s+al\.?\s*\(?(?:19|20)\d\d[a-z]?\)?)`;
/** A cited work as the subject of what it did: "LeNet-5 [21] used two convolutional layers …". */
const CITED_SUBJECT = new RegExp(
  String.raw`${CITATION}\s*,?\s+(?:[a-z]+\s+){0,2}?(?:used|had|employed|consisted|contained|comprised|stacked|adopted|scaled|introduced|proposed|replaced|reported)\b`,
);

/**
 * A sentence that tells what another, cited work built ("Early CNNs such as LeNet-5 [21] used two convolutional
 * layers …"), in a text that does not speak of its own ("we", "our"): related work, not a network to build.
 */
function describesCitedWork(text: string): boolean {
  return CITED_SUBJECT.test(text) && !/\b(?:we|our|us)\b/i.test(text);
}

/** A change tried on a network: "replacing each 5x5 convolution by …", "increasing the LSTM size from 256 to 512". */
const CHANGE_TRIED =
  /\b(?:replacing|substituting|swapping|removing|dropping|increasing|decreasing|reducing|doubling|halving)\b[^.;]{0,80}?\b(?:by|with|for|from\s+\d+\s+to\s+\d+|altogether)\b/i;
/** What the change did: "reduces the number of parameters by 28%", "degrades the score by 1.2 points", "a marginal gain". */
const EFFECT =
  /\b(?:does|did|do)\s+not\s+(?:change|affect|alter|improve|hurt)\b|\b(?:degrades?|hurts?|improves?|reduces?|increases?|lowers?|raises?|brings?|costs?|boosts?)\b[^.;]{0,60}?(?:\d\s*%|\bpoints?\b|\bgain\b|\bdrop\b|\bscore\b|\baccuracy\b|\berror\b|\bparameters\b)|\b(?:marginal|slight|small|large|significant)\s+(?:gain|improvement|drop|degradation)\b/i;
/** A design weighed against another: "performs on par with the two-layer variant", "outperforms the deeper one". */
const COMPARED =
  /\b(?:performs?|performed|works?|worked)\s+(?:on\s+par|comparably|similarly|(?:slightly\s+|much\s+)?(?:better|worse))\b[^.;]{0,60}?\b(?:variant|version|alternative|counterpart|one)\b/i;
/** A cost or size worked out for an example layer: "for instance, a 3×3 layer with 256 channels needs 1.85 G operations", "has 4·512·(…) ≈ 1.67M parameters". */
const COST = /\b(?:multiply-accumulates?|MACs|FLOPs|operations|parameters)\b/i;
const WORKED_EXAMPLE = /\bfor\s+(?:instance|example)\b|\be\.g\.|[≈·²]/;
/** What a trained network has learned, looked at: "we visualise the activations of conv5 units", "units respond to edges". */
const ANALYSED = /\bvisuali[sz]\w*|\bt-SNE\b|\b(?:respond|responds)\s+to\b|\bfires?\s+selectively\b/i;
/** Layers of a trained network frozen or fine-tuned ("freeze its first 10 convolutional layers"): a network reused, not stated. */
const REUSED = /\b(?:freez\w*|frozen|unfreez\w*)\b|\bfine-?tun\w*\b[^.;]*\blayers\b|\blayers\b[^.;]*\bfine-?tun\w*/i;
/** A network mapped onto hardware ("each convolutional layer is tiled onto the systolic array"): how it runs, not what it is. */
const HARDWARE = /\b(?:systolic|DRAM|SRAM|FPGAs?|ASICs?|on-?chip|off-?chip|processing\s+elements?|GOP\/s|TOP\/s|GOPS|TOPS)\b/;
const MAPPED = /\b(?:tiled?|tiling|mapped|streamed|fused|split|partitioned|scheduled|pass(?:es)?|cycles?|buffer\w*)\b/i;
/** What running a network costs, measured: "account for 61% of the latency", "reaches only 14% of the peak throughput", "31% of the energy". */
const PROFILED = /\b(?:latency|throughput|inference\s+time|run-?time|energy|power\s+(?:consumption|draw)|memory-bound|compute-bound|profil\w+)\b/i;
const MEASURED = /\d\s*%|\b\d+(?:\.\d+)?\s*(?:ms|s|fps|GOPs?|GFLOPs?|MB|GB)\b/i;
/** Counts given as alternatives ("with five or six convolutional layers"): choices discussed, not a design. */
const ALTERNATIVE_COUNTS = /\b\d+\s+or\s+\d+\s+(?:[a-z-]+\s+){0,2}layers\b/i;

/**
 * A sentence that states no network of the paper's own: what a cited work built (related work), a layer's cost worked
 * out as an example, an analysis of what a trained network learned, layers frozen or fine-tuned, a network mapped onto
 * hardware or profiled, or a change tried on a network and what it did (an ablation: "replacing each 5x5 convolution by two 3x3 convolutions reduces the
 * number of parameters by 28%", "a single output layer performs on par with the two-layer variant").
 */
export function describesNoDesign(text: string): boolean {
  return (
    describesCitedWork(text) ||
    (CHANGE_TRIED.test(text) && EFFECT.test(text)) ||
    COMPARED.test(text) ||
    ALTERNATIVE_COUNTS.test(proseForm(text)) ||
    (COST.test(text) && WORKED_EXAMPLE.test(text)) ||
    ANALYSED.test(text) ||
    REUSED.test(text) ||
    (PROFILED.test(text) && MEASURED.test(text)) ||
    (HARDWARE.test(text) && MAPPED.test(text))
  );
}

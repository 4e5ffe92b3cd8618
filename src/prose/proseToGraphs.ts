/**
 * Paper text → network drafts: runs of architecture sentences close together in the text, read in order.
 * A run must state at least two layers with weights (a convolution or a fully connected layer with its
 * numbers) to count as a design; a convolution after a fully connected layer ends the run, since a network
 * description reads from input to output.
 */
import { boxOf, type Box, type Page } from '../paper/index.ts';
import { assembleGraph, type Assembled, type NetworkDraft, type SeqLayer } from '../tables/index.ts';
import { inputMention, mentionsIn, type Mention } from './mentions.ts';
import { splitSentences, type Sentence } from './sentences.ts';

export interface ProseDesign extends Assembled {
  sentences: Sentence[];
}

/** Sentences apart before a run of mentions is considered finished. */
const MAX_GAP = 16;
/** Sentences around a run where its separately stated classifier may be. */
const OUTPUT_REACH = 30;

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

export function proseToGraphs(pages: Page[]): ProseDesign[] {
  const sentences = splitSentences(pages);
  const mentions = sentences.flatMap((s, i) => mentionsIn(s, sentences.slice(i + 1, i + 3)));
  const designs: ProseDesign[] = [];
  // The classifier is often stated on its own ("fed to a 1000-way softmax"), before or after the layers.
  const outputs = mentions.filter((m) => m.draft.type === 'Dense' && m.draft.params.activation === 'softmax');
  for (const found of runsOf(mentions)) {
    const run = [...found];
    const last = run[run.length - 1];
    if (!(last.draft.type === 'Dense' && last.draft.params.activation === 'softmax')) {
      const from = run[0].sentence.index - OUTPUT_REACH;
      const to = last.sentence.index + OUTPUT_REACH;
      const output = outputs.find((o) => !run.includes(o) && o.sentence.index >= from && o.sentence.index <= to);
      if (output && run.some((m) => m.draft.type === 'Conv2D' || m.draft.type === 'Dense')) run.push(output);
    }
    const weights = run.reduce((n, m) => n + (m.draft.type === 'Conv2D' || m.draft.type === 'Dense' ? m.count : 0), 0);
    if (weights < 2) continue;
    const used = [...new Set(run.map((m) => m.sentence))];
    const window = sentences.slice(Math.max(0, used[0].index - 8), used[used.length - 1].index + 1);
    const input = window.map((s) => inputMention(s.text)).find(Boolean);
    const items: SeqLayer[] = [];
    for (const m of run) {
      for (let i = 0; i < m.count; i++) {
        const draft = { ...m.draft, params: { ...m.draft.params }, inferred: i > 0 ? ['*'] : [...m.draft.inferred] };
        items.push({ kind: 'layer', draft, box: m.sentence.box });
      }
    }
    const draft: NetworkDraft = { name: '', layout: 'rows', input, bands: [{ items }], readCells: run.length, totalCells: run.length };
    const first = used[0];
    const samePage = used.filter((s) => s.page === first.page);
    const bbox = boxOf(samePage.map((s) => s.box)).map((v) => Math.round(v * 10) / 10) as Box;
    const caption = used.map((s) => s.text).join(' ').slice(0, 300);
    const assembled = assembleGraph(draft, {
      name: `Text, page ${first.page}`,
      page: first.page,
      source: { page: first.page, kind: 'text', caption, bbox },
    });
    if (assembled.weightLayers >= 2) designs.push({ ...assembled, sentences: used });
  }
  return designs;
}

/**
 * The truth.json part of `paper2net eval papers`: each paper of the file through the extractor, each truth design
 * with the score and the design it took (src/eval, as ../shared/tools/score_truth.py scores them), the script's
 * summary line. A paper the extractor fails on counts as one with no designs, as in the script.
 */
import { join } from 'node:path';
import {
  parseTruth,
  pythonFixed,
  scoreTruthPaper,
  summariseTruth,
  truthSummaryLine,
  truthTokens,
  type Cell,
  type Section,
  type TruthPaperScore,
  type TruthSummary,
} from '../eval/index.ts';
import type { Graph } from '../graph/index.ts';

export interface Extracted {
  designs: Graph[];
  seconds: number;
}

/** What `--json` gives for one paper: the design each truth design took (by name and source), tokens read from it. */
export interface TruthPaperReport {
  paper: string;
  kind: TruthPaperScore['kind'];
  designs: number;
  seconds: number;
  error?: string;
  matches: Array<{ id: string; score: number; design: string | null; kind: string | null; page: number | null; tokens: number }>;
  falseDesigns: number;
  further: number;
}

export interface TruthReport extends TruthSummary {
  file: string;
  seconds: number;
  papers: TruthPaperReport[];
}

export async function truthSection(
  file: string,
  doc: unknown,
  corpus: string,
  extract: (pdf: string) => Promise<Extracted>,
): Promise<{ section: Section; data: TruthReport }> {
  const rows: Cell[][] = [];
  const papers: Array<{ score: TruthPaperScore; data: TruthPaperReport }> = [];
  let seconds = 0;
  for (const [paper, truth] of Object.entries(parseTruth(doc))) {
    let extracted: Extracted = { designs: [], seconds: 0 };
    let error: string | undefined;
    try {
      extracted = await extract(join(corpus, 'pdf', paper));
    } catch (e) {
      error = (e as Error).message;
      rows.push([paper, 'ERROR', '', error, '', '']);
    }
    seconds += extracted.seconds;
    const score = scoreTruthPaper(extracted.designs, truth);
    const matches = score.matches.map(({ truth: t, score: s, design }) => ({
      id: t.id,
      score: s,
      design: design?.name ?? null,
      kind: design?.source?.kind ?? null,
      page: design?.source?.page ?? null,
      tokens: design ? truthTokens(design).length : 0,
    }));
    for (const m of matches)
      rows.push([paper, m.id, pythonFixed(m.score, 2), m.design ?? '—', m.design ? `${m.kind ?? '-'} p${m.page ?? '-'}` : '—', m.tokens]);
    if (score.further) rows.push([paper, '(not in the truth)', '', `${score.further} further designs`, '', '']);
    if (score.kind === 'negative') rows.push([paper, '(no design)', '', `${score.falseDesigns} designs reported (want 0)`, '', '']);
    if (score.kind === 'optional') rows.push([paper, '(optional designs only)', '', `${extracted.designs.length} designs, not scored`, '', '']);
    papers.push({
      score,
      data: {
        paper,
        kind: score.kind,
        designs: extracted.designs.length,
        seconds: extracted.seconds,
        ...(error ? { error } : {}),
        matches,
        falseDesigns: score.falseDesigns,
        further: score.further,
      },
    });
  }
  const summary = summariseTruth(papers.map((p) => p.score));
  return {
    section: {
      title: `Papers with hand-written truth (${file}): each truth design and the extracted design it takes, scored as score_truth.py`,
      header: ['paper', 'truth design', 'score', 'extracted design', 'from', 'tokens'],
      rows,
      summary: [truthSummaryLine(summary, seconds)],
    },
    data: { file, ...summary, seconds, papers: papers.map((p) => p.data) },
  };
}

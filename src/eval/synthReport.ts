/**
 * The report of an evaluation over synthetic figures (`paper2net eval synth`): per style a table row (mean, quartiles,
 * figures read per second), box plots like DLPaper2Code's Fig. 6, and a JSON document; all from the bounded tallies.
 */
import { boxPlotSvg, type BoxSeries } from './boxPlot.ts';
import type { Section } from './report.ts';
import { BINS, summarise, type StatsSummary } from './runningStats.ts';
import type { StyleTally } from './styleTally.ts';

export interface SynthRun {
  seed: number;
  count: number;
  styles: string[];
  /** Wall-clock time of the whole run, all threads. */
  seconds: number;
  threads: number;
  /** Peak resident memory of the whole run, MB (when measured). */
  peakMemoryMb?: number;
  /** Stopped before all the figures asked for were read: `count` says how many were. */
  stopped?: boolean;
}

const MEASURES = ['layers', 'edges', 'params'] as const;
export const SYNTH_SERIES: readonly BoxSeries[] = [
  { name: 'layers', colour: '#4f81bd' },
  { name: 'edges', colour: '#9bbb59' },
  { name: 'params', colour: '#f79646' },
];

const d3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '—');
const spread = (s: StatsSummary): string => (s.count ? `${d3(s.q1)} / ${d3(s.median)} / ${d3(s.q3)}` : '—');
const rate = (figures: number, seconds: number): string => (seconds > 0 ? (figures / seconds).toFixed(2) : '—');
const percent = (part: number, whole: number): string => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '—');

export function synthSections(tallies: readonly StyleTally[], run: SynthRun): Section[] {
  const architectures = tallies.filter((t) => t.architecture && t.figures);
  const negatives = tallies.filter((t) => !t.architecture && t.figures);
  const figures = tallies.reduce((n, t) => n + t.figures, 0);
  const failed = tallies.reduce((n, t) => n + t.failed, 0);
  const sections: Section[] = [];
  const runLine = `seed ${run.seed}, ${figures} figures${run.stopped ? ' (stopped early, before all asked for)' : ''} in ${run.seconds.toFixed(0)} s on ${run.threads} thread${run.threads > 1 ? 's' : ''} (${rate(figures, run.seconds)} figures/s drawn, read and scored)${run.peakMemoryMb ? `, peak ${run.peakMemoryMb} MB resident` : ''}`;
  if (architectures.length) {
    sections.push({
      title: 'Synthetic figures read back: per figure, layers, edges and shown params against the drawn model',
      header: [
        'style',
        'figures',
        'layers mean',
        'layers Q1 / median / Q3',
        'edges mean',
        'edges Q1 / median / Q3',
        'params mean',
        'params Q1 / median / Q3',
        'read/s',
      ],
      rows: architectures.map((t) => {
        const [layers, edges, params] = MEASURES.map((m) => summarise(t[m]));
        return [
          t.style,
          t.figures,
          d3(layers!.mean),
          spread(layers!),
          d3(edges!.mean),
          spread(edges!),
          d3(params!.mean),
          spread(params!),
          rate(t.figures, t.readSeconds),
        ];
      }),
      summary: [
        runLine,
        'layers: layers matched in order by type ÷ the larger of truth and read layer counts; edges: read edges between matched layers that are truth edges ÷ the larger edge count; params: shown params of matched layers read equal',
        `quartiles nearest-rank over a ${BINS}-bin histogram (±${(0.5 / BINS).toFixed(4)}); read/s: figures read per second of one thread's reading time`,
        ...architectures.filter((t) => t.noParamsShown).map((t) => `${t.style}: ${t.noParamsShown} figures show no param of a matched layer (no params score)`),
        ...(failed
          ? [
              `failed readings (scored as no layers read): ${tallies
                .filter((t) => t.failed)
                .map((t) => `${t.style} ${t.failed}`)
                .join(', ')}`,
            ]
          : []),
      ],
    });
  }
  if (negatives.length) {
    sections.push({
      title: 'Negatives (no network drawn): how often the reader reads no layer',
      header: ['style', 'figures', 'no layers read', 'most layers read (figure #)', 'read/s'],
      rows: negatives.map((t) => [
        t.style,
        t.figures,
        percent(t.noLayersRead, t.figures),
        t.worst.length ? `${t.worst[0]!.value} (#${t.worst[0]!.index})` : '—',
        rate(t.figures, t.readSeconds),
      ]),
      summary: architectures.length ? [] : [runLine],
    });
  }
  return sections;
}

export function synthBoxPlotSvg(tallies: readonly StyleTally[], run: SynthRun): string {
  const architectures = tallies.filter((t) => t.architecture && t.figures);
  return boxPlotSvg(
    `Synthetic figures read back (seed ${run.seed}, ${architectures.reduce((n, t) => n + t.figures, 0)} architecture figures)`,
    SYNTH_SERIES,
    architectures.map((t) => ({ label: t.style, note: `n = ${t.figures}`, boxes: MEASURES.map((m) => summarise(t[m])) })),
  );
}

/** The whole result as data: per style the summaries, counts, speeds, the worst figures and the first errors. */
export function synthJson(tallies: readonly StyleTally[], run: SynthRun, summary: string[]): unknown {
  const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 10000) / 10000 : null);
  const brief = (s: StatsSummary) => ({
    count: s.count,
    mean: round(s.mean),
    min: round(s.min),
    q1: round(s.q1),
    median: round(s.median),
    q3: round(s.q3),
    max: round(s.max),
  });
  return {
    suite: 'synth',
    ...run,
    summary,
    results: tallies
      .filter((t) => t.figures)
      .map((t) => ({
        style: t.style,
        architecture: t.architecture,
        figures: t.figures,
        failed: t.failed,
        ...(t.architecture
          ? { layers: brief(summarise(t.layers)), edges: brief(summarise(t.edges)), params: brief(summarise(t.params)), noParamsShown: t.noParamsShown }
          : {}),
        noLayersRead: t.noLayersRead,
        readPerSecond: round(t.readSeconds ? t.figures / t.readSeconds : NaN),
        renderPerSecond: round(t.renderSeconds ? t.figures / t.renderSeconds : NaN),
        worst: t.worst,
        errors: t.errors,
      })),
  };
}

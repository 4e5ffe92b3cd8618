/**
 * The TypeScript truth scoring (src/eval truth*.ts, src/cli/evalTruth.ts) against ../shared/tools/score_truth.py
 * itself on the same inputs: the script's functions are imported, and its main() is run with the extractor
 * replaced by fixed design lists. Tokens, every design × truth design score, and every printed line must agree.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { truthSection, type TruthReport } from '../../src/cli/evalTruth.ts';
import { pythonFixed, truthScore, truthSummaryLine, truthTokens, type TruthDesign, type TruthPapers } from '../../src/eval/index.ts';
import type { Graph, Layer } from '../../src/graph/index.ts';

const tools = fileURLToPath(new URL('../../../shared/tools/', import.meta.url));
const realTruth = fileURLToPath(new URL('../../../shared/corpus/truth.json', import.meta.url));

type Spec = [type: string, params?: Record<string, unknown>];
const graph = (name: string, page: number, kind: 'table' | 'text' | 'figure', specs: Spec[]): Graph => ({
  format: 'paper2net.graph/1',
  name,
  // Params as JSON may hold them, not only as the graph types allow (true, null, a bare symbol): cast.
  layers: specs.map(([type, params], i): Layer => ({ id: `l${i}`, type, ...(params ? { params: params as Layer['params'] } : {}) })),
  source: { page, kind },
});
const conv = (filters?: unknown): Spec => ['Conv2D', filters === undefined ? {} : { filters }];
const dense = (units: number): Spec => ['Dense', { units }];

/** Layer types and params of every kind the token classes tell apart, with the widths Python's int() reads oddly. */
const tokenCases: Graph[] = [
  graph('types', 1, 'figure', [
    ['Conv2DTranspose', { filters: 16 }],
    ['UpSampling2D'],
    ['Deconvolution'],
    ['max_unpool'],
    ['DepthwiseConv2D'],
    ['SeparableConv2D', { filters: 8 }],
    ['LocallyConnected2D', { filters: 4 }],
    ['GlobalAvgPool2D'],
    ['AveragePooling2D'],
    ['MeanPool'],
    ['GlobalMaxPool2D'],
    ['MaxPool2D'],
    ['Linear', { out_features: 7 }],
    ['InnerProduct', { num_output: 5 }],
    ['fully-connected', { units: 3 }],
    ['FC'],
    ['Gemm'],
    ['Concat'],
    ['Eltwise'],
    ['Add'],
    ['Multiply'],
    ['Bidirectional', { units: 9 }],
    ['LSTM', { units: 4 }],
    ['GRU'],
    ['SimpleRNN'],
    ['Embedding', { dim: 8 }],
    ['MultiHeadAttention'],
    ['Flatten'],
    ['BatchNorm'],
    ['Activation'],
    ['Dropout'],
    ['Input'],
    [''],
  ]),
  graph('widths', 1, 'table', [
    conv(64.9),
    conv(-3.7),
    conv(true),
    conv(1e21),
    conv({ symbol: 'k', default: 32 }),
    conv(null),
    conv('64'),
    ['Conv2D', { filters: { symbol: 'k' }, out_channels: 12 }],
    ['Conv2D', { channels: 3 }],
    ['Dense', { units: null, out_features: 7 }],
    dense(4096),
  ]),
];

const truth: TruthPapers = {
  // Two identical designs tie at 1.0: the script takes the later one first.
  'seq.pdf': [
    { id: 'a', seq: 'C64 P C128 P F4096 F10' },
    { id: 'b', seq: 'C32 C32 P F*', alt_seqs: ['C32 P F*'] },
    { id: 'c', seq: 'C1 C2 C3 C4 C5 C6 C7 C8' },
  ],
  'counts.pdf': [
    { id: 'encoder', counts: { E: 2, F: 5, R: 2 }, alt_counts: [{ E: 1, F: 5, R: 2 }] },
    { id: 'head', seq: 'C* C* P', optional: true },
  ],
  'negative.pdf': [],
  'only_optional.pdf': [{ id: 'block', seq: 'C* P', optional: true }],
  'broken.pdf': [{ id: 'x', seq: 'C64' }],
  'fewer.pdf': [
    { id: 'one', seq: 'F100 F10' },
    { id: 'two', counts: { C: 3 } },
  ],
};
const vggish = (name: string, page: number) =>
  graph(name, page, 'table', [conv(64), ['MaxPool2D'], conv(128), ['MaxPool2D'], ['Flatten'], dense(4096), ['Dropout'], dense(10)]);
const designs: Record<string, Graph[] | 'error'> = {
  'seq.pdf': [
    vggish('first', 3),
    graph('second', 4, 'text', [conv(32.9), conv({ symbol: 'k', default: 32 }), ['BatchNorm'], ['MaxPool2D'], dense(100)]),
    vggish('third', 5),
    // 5 of 8 convolutions: 1 − 3/8 = 0.625, printed 0.62 by Python (toFixed would write 0.63).
    graph('fourth', 6, 'figure', [conv(1), conv(2), conv(3), conv(4), conv(5), ['Concat'], dense(2)]),
    graph('fifth', 7, 'figure', [['Conv2DTranspose', { filters: 16 }], ['UpSampling2D'], ['GlobalAvgPool2D']]),
  ],
  'counts.pdf': [
    graph('encoder', 2, 'table', [['Embedding'], ['Embedding'], dense(8), dense(8), ['Add'], dense(8), dense(8), ['Add'], ['MultiHeadAttention']]),
    graph('head', 3, 'figure', [conv(8), conv(8), ['MaxPool2D']]),
    graph('rnn', 4, 'text', [['Embedding'], ['LSTM', { units: 100 }], dense(1)]),
  ],
  'negative.pdf': [vggish('false one', 1), vggish('false two', 2)],
  'only_optional.pdf': [graph('block', 1, 'figure', [conv(), ['MaxPool2D']]), vggish('other', 2)],
  'broken.pdf': 'error',
  'fewer.pdf': [graph('mlp', 1, 'text', [dense(100), dense(10)])],
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface PythonRun {
  lines: string[];
  tokens: string[][];
  /** scores[paper][design][truth design] */
  scores: Record<string, number[][]>;
}

/** score_truth.py's main() on `truthFile`, each paper's designs from `designs` (an extraction error for 'error'). */
function python(truthFile: string, designs: Record<string, Graph[] | 'error'>, tokenGraphs: Graph[]): PythonRun {
  const dir = mkdtempSync(join(tmpdir(), 'p2n-truth-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'pdf'));
  writeFileSync(join(dir, 'input.json'), JSON.stringify({ designs, tokenGraphs }));
  const script = `
import contextlib, io, json, os, sys
sys.path.insert(0, ${JSON.stringify(tools)})
import score_truth
from score_truth import score, tokens
data = json.load(open(os.path.join(sys.argv[1], 'input.json')))
truth = json.load(open(sys.argv[2]))['papers']
def extract(project, pdf, timeout):
    d = data['designs'][os.path.basename(pdf)]
    return (None, 'exit 1: boom', 0.0) if d == 'error' else (d, None, 0.0)
score_truth.run_extract = extract
out = io.StringIO()
sys.argv = ['score_truth.py', '--corpus', sys.argv[1], '--truth', sys.argv[2]]
with contextlib.redirect_stdout(out):
    score_truth.main()
scores = {p: [[score(d, e) for e in truth[p]] for d in ds] for p, ds in data['designs'].items() if ds != 'error'}
print(json.dumps({'lines': out.getvalue().splitlines(), 'tokens': [tokens(g) for g in data['tokenGraphs']], 'scores': scores}))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, dir, truthFile], { encoding: 'utf8' })) as PythonRun;
}

/** The same run through the TypeScript scorer: the report of `eval papers`, written as the script prints it. */
async function typescript(truthDoc: unknown, designs: Record<string, Graph[] | 'error'>): Promise<{ report: TruthReport; lines: string[] }> {
  const { data } = await truthSection('truth.json', truthDoc, '/corpus', async (pdf) => {
    const found = designs[basename(pdf)];
    if (found === 'error' || !found) throw new Error('boom');
    return { designs: found, seconds: 0 };
  });
  const lines: string[] = [];
  for (const paper of data.papers) {
    const name = paper.paper.padEnd(28);
    if (paper.error) lines.push(`${name} ERROR exit 1: boom`);
    if (paper.kind === 'negative') lines.push(`${name} negative: ${paper.falseDesigns} designs reported (want 0)`);
    for (const m of paper.matches)
      lines.push(`${name} ${m.id.padEnd(22)} ${pythonFixed(m.score, 2)}  (pred ${m.kind ?? '-'} p${m.page ?? '-'}, ${m.tokens} tokens)`);
    if (paper.further) lines.push(`${name} ${paper.further} further designs not in the truth`);
  }
  lines.push(truthSummaryLine(data, 0));
  return { report: data, lines };
}

function writeTruth(papers: TruthPapers): string {
  const dir = mkdtempSync(join(tmpdir(), 'p2n-truth-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'truth.json'), JSON.stringify({ papers }));
  return join(dir, 'truth.json');
}

describe('truth scoring: TypeScript and score_truth.py on the same inputs', () => {
  it('reads the same tokens from every layer type and width', () => {
    const py = python(writeTruth({}), {}, tokenCases);
    expect(tokenCases.map(truthTokens)).toEqual(py.tokens);
    expect(py.tokens[1]).toEqual(['C64', 'C-3', 'C1', 'C1000000000000000000000', 'C', 'C', 'C', 'C12', 'C3', 'F7', 'F4096']);
  });

  it('gives every design the same score against every truth design, to the last bit', () => {
    const py = python(writeTruth(truth), designs, []);
    for (const [paper, list] of Object.entries(designs)) {
      if (list === 'error') continue;
      const ts = list.map((d) => truth[paper]!.map((t) => truthScore(d, t)));
      expect(ts, paper).toEqual(py.scores[paper]);
    }
    expect(py.scores['seq.pdf']![3]![2]).toBe(0.625);
  });

  it('assigns designs, sets optional matches aside, counts false designs and prints the same lines', async () => {
    const py = python(writeTruth(truth), designs, []);
    const { report, lines } = await typescript({ papers: truth }, designs);
    expect(lines).toEqual(py.lines);
    // The tie went to the later design; 0.625 is written 0.62; one design from the negative paper is false twice over.
    expect(report.papers[0]!.matches.map((m) => m.design)).toEqual(['third', 'second', 'fourth']);
    expect(lines).toContainEqual(expect.stringMatching(/^seq\.pdf +c +0\.62 /));
    expect(report).toMatchObject({ required: 7, falseDesigns: 2 });
    expect(lines.at(-1)).toMatch(/^score 0\.\d{3} over 7 required designs; 2 false designs on negatives; 0 s extracting$/);
  });

  it('agrees on the real truth.json, with designs made from its own truth (some layers dropped, some widths wrong)', async () => {
    const doc = JSON.parse(readFileSync(realTruth, 'utf8')) as { papers: Record<string, TruthDesign[]> };
    const made: Record<string, Graph[]> = {};
    let n = 0;
    for (const [paper, list] of Object.entries(doc.papers)) {
      made[paper] = list.map((t, i) => {
        const tokens = t.seq ? t.seq.split(/\s+/) : Object.entries(t.counts!).flatMap(([k, count]) => Array<string>(count).fill(k));
        const layers = tokens
          .filter(() => ++n % 7 !== 0)
          .map((token, j): Spec => {
            const width = token.slice(1) === '*' || !token.slice(1) ? undefined : Number(token.slice(1)) + (j % 11 === 5 ? 1 : 0);
            const type = { C: 'Conv2D', P: 'MaxPool2D', A: 'AvgPool2D', F: 'Dense', X: 'Concat', R: 'Add', U: 'UpSampling2D', L: 'LSTM', E: 'Embedding' }[
              token[0]!
            ]!;
            return [type, width === undefined ? {} : type === 'Dense' ? { units: width } : { filters: width }];
          });
        return graph(`${paper} ${t.id}`, i + 1, 'table', layers);
      });
    }
    const py = python(realTruth, made, []);
    const { lines } = await typescript(doc, made);
    expect(lines).toEqual(py.lines);
    for (const [paper, list] of Object.entries(made))
      expect(
        list.map((d) => doc.papers[paper]!.map((t) => truthScore(d, t))),
        paper,
      ).toEqual(py.scores[paper]);
  });
});

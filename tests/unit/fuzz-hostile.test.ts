/**
 * Seeded fuzzing of every input the tool reads: mutants of corpus PDFs, prototxt, Keras JSON, ONNX, PNG, and
 * of graph JSON carrying injection payloads. Each mutant must give a result or one clear line (an Error with a
 * single-line message, never an engine error such as TypeError or a stack overflow), each within its time;
 * code generated from any graph that validates is parsed by Python and must call nothing it should not.
 * Same seed, same mutants: a failure is reproduced by its seed and index.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/cli/classify.ts';
import { emitCaffe, emitKerasPython, emitOnnx, emitPytorch } from '../../src/codegen/index.ts';
import { parseGraphJson, serializeGraph, validateGraph } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { readDocument } from '../../src/paper/index.ts';
import { HOSTILE_GRAPHS } from '../support/hostile-graphs.ts';
import { seededRandom } from '../support/random-graphs.ts';
import { vgg16 } from '../support/reference-graphs.ts';
import { PYTHON } from '../support/runtime.ts';

const CORPUS = '/work/shared/corpus';
const SEED = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Values that broke parsers before: huge, negative, non-finite, empty, long, and code. */
const TOKENS = [
  '-5',
  '0',
  '-1',
  '1e999',
  'NaN',
  '99999999999',
  '2147483648',
  '""',
  '[]',
  '{}',
  'null',
  '"\\u0000"',
  'x'.repeat(5000),
  '"); import os; os.system("echo pwned") #',
];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** One mutant of `bytes`: flipped bytes, a cut, a duplicated span, a number or token swapped in. */
function mutate(bytes: Uint8Array, random: Random): Uint8Array {
  const at = Math.floor(random() * bytes.length);
  switch (Math.floor(random() * 5)) {
    case 0: {
      const out = bytes.slice();
      for (let i = 0; i < 1 + random() * 8; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
      return out;
    }
    case 1:
      return bytes.slice(0, at);
    case 2: {
      const span = bytes.subarray(at, Math.min(bytes.length, at + 1 + Math.floor(random() * 200)));
      return concat(bytes.subarray(0, at), span, span, bytes.subarray(at));
    }
    case 3: {
      // A number in the text replaced by a token.
      const text = decoder.decode(bytes);
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?/g)];
      if (numbers.length === 0) return bytes;
      const m = pick(random, numbers);
      return encoder.encode(text.slice(0, m.index) + pick(random, TOKENS) + text.slice(m.index! + m[0].length));
    }
    default:
      return concat(bytes.subarray(0, at), encoder.encode(pick(random, TOKENS)), bytes.subarray(at));
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

interface Outcome {
  kind: 'result' | 'error';
  ms: number;
  message?: string;
}

/** An error must be a plain Error with one readable line. */
function expectCleanError(error: unknown): void {
  // A failed expectation inside the run is the test's own failure, not the input's error.
  if ((error as Error)?.name === 'AssertionError') throw error;
  expect(error).toBeInstanceOf(Error);
  const { name, message } = error as Error;
  expect(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError'], `${name}: ${message}`).not.toContain(name);
  expect(message.trim(), name).not.toBe('');
  expect(message, name).not.toMatch(/\n|Maximum call stack|^\d+$/);
}

function attemptSync(run: () => unknown): Outcome {
  const started = performance.now();
  try {
    run();
    return { kind: 'result', ms: performance.now() - started };
  } catch (error) {
    expectCleanError(error);
    return { kind: 'error', ms: performance.now() - started, message: (error as Error).message };
  }
}

/** Runs one input; an error must be a plain Error with one readable line. */
async function attempt(run: () => unknown): Promise<Outcome> {
  const started = performance.now();
  try {
    await run();
    return { kind: 'result', ms: performance.now() - started };
  } catch (error) {
    const ms = performance.now() - started;
    expectCleanError(error);
    return { kind: 'error', ms, message: (error as Error).message };
  }
}

function files(dir: string, count: number): string[] {
  return readdirSync(join(CORPUS, dir))
    .map((f) => join(CORPUS, dir, f))
    .sort((a, b) => readFileSync(a).length - readFileSync(b).length)
    .slice(0, count);
}

/** Mutants per seed file, each tried; returns outcome counts and the slowest. */
async function fuzz(seedFiles: Uint8Array[], mutants: number, limitMs: number, run: (bytes: Uint8Array) => unknown) {
  const random = seededRandom(SEED);
  const tally = { result: 0, error: 0, slowestMs: 0 };
  for (let i = 0; i < mutants; i++) {
    const outcome = await attempt(() => run(mutate(seedFiles[i % seedFiles.length]!, random)));
    tally[outcome.kind]++;
    tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
    expect(outcome.ms, `mutant ${i}`).toBeLessThan(limitMs);
  }
  return tally;
}

const read = (paths: string[]) => paths.map((p) => new Uint8Array(readFileSync(p)));

describe('fuzz: hostile mutants give a result or one clear line, within limits', () => {
  it('prototxt, Keras JSON and ONNX model files', async () => {
    for (const [dir, name] of [
      ['prototxt', 'net.prototxt'],
      ['modeljson', 'model.json'],
      ['onnx', 'model.onnx'],
    ] as const) {
      const tally = await fuzz(read(files(dir, 4)), 150, 3000, (bytes) => importModel(bytes, name));
      expect(tally.result + tally.error, dir).toBe(150);
    }
  });

  it('PNG images: decoded or refused, a header claiming a huge size refused before decoding', async () => {
    const tally = await fuzz(read(files('images/arch', 3)), 150, 3000, (bytes) => decodeImage(bytes, 'mutant.png'));
    expect(tally.error).toBeGreaterThan(0);
  });

  it('PDFs: read or refused (text layer, two pages)', async () => {
    const tally = await fuzz(read(files('pdf', 2)), 24, 15_000, (bytes) =>
      readDocument(bytes, { textOnly: true, maxPages: 2, pageTimeMs: 3000, totalTimeMs: 8000 }),
    );
    expect(tally.result + tally.error).toBe(24);
  });

  it('graph JSON with payloads: refused, or code that Python parses and that calls nothing injected', () => {
    const seeds = [...HOSTILE_GRAPHS, vgg16(32, 10, 64)].map((g) => serializeGraph(g));
    const random = seededRandom(SEED);
    const sources: string[] = [];
    let valid = 0;
    for (let i = 0; i < 200; i++) {
      const text = seeds[i % seeds.length]!;
      // Half the mutants keep valid JSON: every occurrence of one string (an id, a name) becomes a payload.
      const strings = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[0]);
      const bytes =
        random() < 0.5
          ? encoder.encode(text.split(pick(random, strings)).join(JSON.stringify(pick(random, TOKENS.slice(-2)))))
          : mutate(encoder.encode(text), random);
      const outcome = attemptSync(() => {
        const graph = parseGraphJson(decoder.decode(bytes));
        if (validateGraph(graph).some((issue) => issue.severity === 'error')) return;
        valid++;
        for (const emit of [
          () => sources.push(emitKerasPython(graph)),
          () => sources.push(emitPytorch(graph)),
          () => sources.push(emitCaffe(graph).netspec),
          () => emitOnnx(graph),
        ]) {
          try {
            emit();
          } catch (error) {
            // A target that cannot express the graph says so in one line.
            expect((error as Error).name).toBe('UnsupportedLayerError');
          }
        }
      });
      expect(outcome.ms, `mutant ${i}`).toBeLessThan(3000);
    }
    expect(valid).toBeGreaterThan(20);
    // Python's own parser: every file parses, and no call reaches eval, exec, __import__ or os.system (model.eval() is fine).
    const check = `
import ast, json, sys
bad = []
for i, src in enumerate(json.load(sys.stdin)):
    tree = ast.parse(src)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in ('eval', 'exec', '__import__', 'compile'):
                bad.append((i, f.id))
            if isinstance(f, ast.Attribute) and f.attr in ('system', 'popen', 'spawn'):
                bad.append((i, f.attr))
print(json.dumps({'files': i + 1, 'bad': bad}))
`;
    const report = JSON.parse(execFileSync(PYTHON, ['-c', check], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 2 ** 28 })) as {
      files: number;
      bad: unknown[];
    };
    expect(report.files).toBe(sources.length);
    expect(report.bad).toEqual([]);
  });
});

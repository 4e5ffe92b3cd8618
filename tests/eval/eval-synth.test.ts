/**
 * `paper2net eval synth` end to end through the built command line: 8 fresh figures drawn, read back by OCR in a
 * worker thread, scored and reported (table, JSON, box plots as SVG and PNG).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface StyleResult {
  style: string;
  architecture: boolean;
  figures: number;
  failed: number;
  noLayersRead: number;
  layers?: { count: number; mean: number; min: number; q1: number; median: number; q3: number; max: number };
  worst: Array<{ index: number; value: number }>;
}

describe('paper2net eval synth', () => {
  it('8 figures of seed 5 (flow2d, keras2, pipeline, a negative): per style counts and statistics, the report files', () => {
    const out = mkdtempSync(join(tmpdir(), 'p2n-eval-synth-'));
    try {
      const stdout = execFileSync(
        process.execPath,
        ['bin/paper2net.mjs', 'eval', 'synth', '--count', '8', '--seed', '5', '--styles', 'flow2d,keras2,linechart,pipeline', '--json', '--out', out],
        {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      // One JSON document and nothing else: the OCR engine's diagnostics stay off stdout.
      const result = JSON.parse(stdout) as { count: number; seed: number; results: StyleResult[]; summary: string[] };
      expect(result).toMatchObject({ suite: 'synth', count: 8, seed: 5 });
      expect(result.results.map((r) => [r.style, r.architecture, r.figures])).toEqual([
        ['flow2d', true, 2],
        ['keras2', true, 2],
        ['linechart', false, 2],
        ['pipeline', true, 2],
      ]);
      for (const r of result.results.filter((s) => s.architecture)) {
        const l = r.layers!;
        expect(l.count).toBe(2);
        // Two scores: nearest-rank Q1 and median are the lower, Q3 the higher, the mean between.
        // (quartiles are bins of 0.001, min and max exact)
        expect(Math.abs(l.q1 - l.min)).toBeLessThanOrEqual(0.0005);
        expect(Math.abs(l.median - l.min)).toBeLessThanOrEqual(0.0005);
        expect(Math.abs(l.q3 - l.max)).toBeLessThanOrEqual(0.0005);
        expect(l.mean).toBeCloseTo((l.min + l.max) / 2, 3);
        for (const w of r.worst) expect(w.index % 4).toBe(['flow2d', 'keras2', 'linechart', 'pipeline'].indexOf(r.style));
      }
      // The plain Keras and box-flow drawings are read well today; far below would be a broken reader or scorer.
      expect(result.results.find((r) => r.style === 'flow2d')!.layers!.mean).toBeGreaterThan(0.5);
      expect(readdirSync(out).sort()).toEqual(['synth.json', 'synth.md', 'synth.png', 'synth.svg']);
      expect(readFileSync(join(out, 'synth.md'), 'utf8')).toMatch(/\| keras2 \| 2 \| \d\.\d{3} \|/);
      expect(readFileSync(join(out, 'synth.svg'), 'utf8')).toMatch(/^<svg [\s\S]*flow2d[\s\S]*<\/svg>\n$/);
      expect([...readFileSync(join(out, 'synth.png')).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);
});

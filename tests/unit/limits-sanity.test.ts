/**
 * Sanity on inputs and outputs: non-finite params are named as such (JSON's 1e999 is Infinity), the seeded
 * weight files codegen writes are capped in total with the way out named, and a graph with 100,000 errors
 * prints a readable list.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capped, MAX_LISTED } from '../../src/cli/capped.ts';
import { parseGraphJson, validateGraph } from '../../src/graph/index.ts';
import { HUGE_WEIGHTS_GRAPH, manyErrorsGraph, NON_FINITE_GRAPH } from '../support/hostile-models.ts';

const BIN = new URL('../../bin/paper2net.mjs', import.meta.url).pathname;

function codegen(graphJson: string, ...extra: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'p2n-sanity-'));
  const file = join(dir, 'graph.json');
  writeFileSync(file, graphJson);
  const out = join(dir, 'out');
  const result = spawnSync(process.execPath, [BIN, 'codegen', file, '--out', out, ...extra], { encoding: 'utf8', timeout: 60_000 });
  return { ...result, out };
}

describe('sanity on inputs and outputs', () => {
  it('names a non-finite param as such, not as null', () => {
    const graph = parseGraphJson(NON_FINITE_GRAPH);
    const messages = validateGraph(graph)
      .filter((i) => i.severity === 'error')
      .map((i) => i.message);
    expect(messages).toContain('c: filters Infinity is not a finite number');
    expect(messages).toContain('d: rate -Infinity is not a finite number');
  });

  it('refuses seeded weight files over 2 GB in all, naming --weights placeholder, and writes nothing; placeholder works', () => {
    const refused = codegen(HUGE_WEIGHTS_GRAPH);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'big: 2 seeded weight file(s) of 1.9 GB each (3.9 GB in all) are over the 2.0 GB limit; use --weights placeholder (constant weights, kilobytes) or --target keras,pytorch',
    );
    expect(existsSync(refused.out)).toBe(false);
    const placeholder = codegen(HUGE_WEIGHTS_GRAPH, '--weights', 'placeholder');
    expect(placeholder.status).toBe(0);
    expect(readdirSync(join(placeholder.out, 'onnx'))).toEqual(['model.onnx']);
  });

  it('prints at most 20 errors of a graph with 100,000, then how many more', () => {
    const result = codegen(JSON.stringify(manyErrorsGraph(100_000)));
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(MAX_LISTED + 1);
    expect(lines.at(-1)).toMatch(/^… and \d+ more$/);
    expect(capped(['a', 'b', 'c'], 2)).toEqual(['a', 'b', '… and 1 more']);
  });
});

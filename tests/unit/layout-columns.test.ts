import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { wrapIntoColumns } from '../../src/pipeline/columnWrap.ts';
import { layeredLayout } from '../../src/pipeline/layeredLayout.ts';

describe('a tall layout cut into columns', () => {
  it('cuts a 300-layer chain into side-by-side columns near the aspect ratio, keeping each column in order', async () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, width: 190, height: 64 }));
    const edges = nodes.slice(1).map((n, i): [string, string] => [`n${i}`, n.id]);
    const at = await layeredLayout(new ELK(), nodes, edges, 1.2);
    const xs = [...new Set(nodes.map((n) => at[n.id]!.x))];
    expect(xs.length).toBeGreaterThan(3);
    const width = Math.max(...xs) + 190 - Math.min(...xs);
    const height = Math.max(...nodes.map((n) => at[n.id]!.y)) + 64 - Math.min(...nodes.map((n) => at[n.id]!.y));
    expect(width / height).toBeGreaterThan(0.6);
    expect(width / height).toBeLessThan(2.4);
    // Down each column, then on to the next column to the right.
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [at[`n${i - 1}`]!, at[`n${i}`]!];
      expect(b.x > a.x || (b.x === a.x && b.y > a.y)).toBe(true);
    }
  });

  it('never splits a row of nodes side by side across two columns', () => {
    const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
    for (let row = 0; row < 40; row++) {
      boxes[`a${row}`] = { x: 0, y: row * 100, width: 190, height: 64 };
      boxes[`b${row}`] = { x: 220, y: row * 100 + 10, width: 190, height: 64 };
    }
    const at = wrapIntoColumns(boxes, 1.2);
    for (let row = 0; row < 40; row++) expect(at[`b${row}`]!.x - at[`a${row}`]!.x).toBe(220);
    expect(new Set(Object.values(at).map((p) => p.x)).size).toBeGreaterThan(2);
  });
});

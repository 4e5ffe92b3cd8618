/** Every region explains itself, and any place on a page can be read on demand (real corpus papers). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/paper/index.ts';
import { extractDesigns, readRegionAs } from '../../src/pipeline/index.ts';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../../../shared/corpus/pdf/${name}`, import.meta.url)));

describe('region verdicts', () => {
  it('says how many designs each table gave, and why a results table gave none', async () => {
    const { regions, designs } = await extractDesigns(corpus('vgg.pdf'), { figures: false });
    const table1 = regions.find((r) => r.caption?.startsWith('Table 1'))!;
    expect(table1.verdict?.designs).toBe(designs.filter((d) => d.source?.caption === table1.caption).length);
    expect(table1.verdict?.reason).toMatch(/^architecture table \(\d\.\d\d\): \d designs/);
    const results = regions.filter((r) => r.kind === 'table' && r !== table1);
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) expect(r.verdict?.reason).toMatch(/^results table \(\d\.\d\d\): (no layer words|only \d+ of \d+ cells name layers)$/);
  });

  it('says why a figure reading was not kept', async () => {
    const { regions, designs } = await extractDesigns(corpus('tikz_lenet5.pdf'));
    expect(designs).toEqual([]);
    expect(regions[0]!.verdict).toEqual({
      designs: 0,
      reason: expect.stringMatching(/^figure read: \d+ layers, not convincing: .*(layers with weights|confidence)/),
    });
  });
});

describe('reading a place on demand', () => {
  it('reads a drawn box as a figure whatever its confidence', async () => {
    const doc = await readDocument(corpus('tikz_lenet5.pdf'));
    const { designs, note } = await readRegionAs(doc, { page: 1, bbox: [50, 28, 592, 321], as: 'figure', label: 'page 1 box' });
    expect(designs).toHaveLength(1);
    expect(designs[0]!.layers.length).toBeGreaterThanOrEqual(3);
    expect(designs[0]!.source).toMatchObject({ page: 1, kind: 'figure', bbox: [50, 28, 592, 321] });
    expect(note).toMatch(/^vector figure: \d+ layers read/);
  });

  it('reads a box around an architecture table as a table, one design per configuration column', async () => {
    const bytes = corpus('vgg.pdf');
    const { regions } = await extractDesigns(bytes, { figures: false });
    const table1 = regions.find((r) => r.caption?.startsWith('Table 1'))!;
    const doc = await readDocument(bytes);
    const { designs, note } = await readRegionAs(doc, { page: table1.page, bbox: table1.bbox, as: 'table', label: 'Table 1' });
    expect(designs.length).toBe(table1.verdict!.designs);
    expect(note).toMatch(/^architecture table/);
    expect(designs.every((d) => d.source?.kind === 'table' && d.source.page === table1.page)).toBe(true);
  });

  it('reads a results table as a table and says nothing was found', async () => {
    const doc = await readDocument(corpus('gan_negative.pdf'));
    const { designs, note } = await readRegionAs(doc, { page: 6, bbox: [100, 80, 520, 200], as: 'table', label: 'page 6 box' });
    expect(designs).toEqual([]);
    expect(note).toMatch(/no network/);
  });
});

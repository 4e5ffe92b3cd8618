/** The first table's designs are handed over as soon as its page is read, and the whole reading is unchanged by it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/index.ts';
import { extractDesigns } from '../../src/pipeline/index.ts';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../../../shared/corpus/pdf/${name}`, import.meta.url)));
const place = (g: Graph) => `${g.source?.page} ${g.name}`;

describe('provisional designs', () => {
  it('come once, from the first architecture table, before the first stage, which has each of them again', async () => {
    const bytes = corpus('vgg.pdf');
    const plain = await extractDesigns(bytes, { figures: false });
    const events: string[] = [];
    let provisional: Graph[] = [];
    const streamed = await extractDesigns(bytes, {
      figures: false,
      onPage: (n) => events.push(`page ${n}`),
      onProvisional: (designs) => {
        events.push('provisional');
        provisional = designs;
      },
      onDesigns: (batch) => events.push(batch.stage),
    });
    // The reading with provisional designs is the reading without them.
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(plain));
    expect(events.filter((e) => e === 'provisional')).toHaveLength(1);
    const table1 = plain.regions.find((r) => r.caption?.startsWith('Table 1'))!;
    // Handed over once Table 1's page is read, before the next page is started.
    expect(events.indexOf('provisional')).toBe(events.indexOf(`page ${table1.page}`) + 1);
    expect(provisional.length).toBe(table1.verdict!.designs);
    expect(provisional.map(place)).toEqual(plain.designs.filter((d) => d.source?.caption === table1.caption).map(place));
  });

  it('do not come from a paper whose tables give no design', async () => {
    let calls = 0;
    const { designs, regions } = await extractDesigns(corpus('alexnet.pdf'), { figures: false, onProvisional: () => void calls++ });
    expect(regions.filter((r) => r.kind === 'table').length).toBeGreaterThan(0);
    expect(designs.every((d) => d.source?.kind !== 'table')).toBe(true);
    expect(calls).toBe(0);
  });
});

/** A design carried in a link's fragment (src/collection/sharedDesign.ts): the same graph back, and bad links refused in one line. */
import { describe, expect, it } from 'vitest';
import { designFromFragment, sharedDesignFragment, SharedLinkError } from '../../src/collection/index.ts';
import { GRAPH_FORMAT, type Graph } from '../../src/graph/index.ts';
import { residualGraph } from '../support/residual-graph.ts';

const lenet: Graph = {
  format: GRAPH_FORMAT,
  name: 'LeNet <b>5</b>',
  layers: [
    { id: 'in', type: 'Input', params: { shape: [32, 32, 1] } },
    { id: 'c1', type: 'Conv2D', inputs: ['in'], params: { filters: 6, kernel_size: 5 } },
    { id: 'flat', type: 'Flatten', inputs: ['c1'] },
    { id: 'out', type: 'Dense', inputs: ['flat'], params: { units: 10 } },
  ],
  source: { page: 3, kind: 'figure', caption: 'Figure 2' },
};

describe('shared design links', () => {
  it('carry the graph itself: the fragment gives the same graph back, names and all', async () => {
    const fragment = await sharedDesignFragment(lenet);
    expect(fragment).toMatch(/^#design=[A-Za-z0-9_-]+$/);
    expect(await designFromFragment(fragment)).toEqual(lenet);
  });

  it('keep a 200-layer design within a URL browsers accept', async () => {
    const graph = residualGraph(200);
    const fragment = await sharedDesignFragment(graph);
    expect(fragment.length).toBeLessThan(64 * 1024);
    expect(await designFromFragment(fragment)).toEqual(graph);
  });

  it('refuse a cut, changed or hand-made link with one line saying why', async () => {
    const fragment = await sharedDesignFragment(lenet);
    const refusal = (text: string) =>
      designFromFragment(text).then(
        () => 'opened',
        (error: Error) => (error instanceof SharedLinkError ? error.message : `other: ${error.message}`),
      );
    expect(await refusal(fragment.slice(0, fragment.length / 2))).toBe('the link is damaged: its design cannot be unpacked (was it cut short?)');
    expect(await refusal(`${fragment}<script>`)).toBe('the link has characters a design link never has (was it cut or changed?)');
    expect(await refusal('#other=abc')).toBe('not a design link (it should contain #design=)');
    const notGraph = await sharedDesignFragment({ hello: 'world' } as unknown as Graph);
    expect(await refusal(notGraph)).toBe('the link does not hold a design: unsupported format undefined; expected "paper2net.graph/1"');
  });

  it('refuse a design the graph validator finds errors in, naming the first', async () => {
    const broken: Graph = { ...lenet, layers: [...lenet.layers.slice(0, 2), { id: 'out', type: 'Dense', inputs: ['nowhere'], params: { units: 10 } }] };
    const error = await designFromFragment(await sharedDesignFragment(broken)).catch((e: Error) => e);
    expect(error).toBeInstanceOf(SharedLinkError);
    expect((error as Error).message).toMatch(/^the design in the link is not valid: .*nowhere/);
  });
});

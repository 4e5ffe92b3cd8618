/** Layered graph layout (elkjs) off the main thread, so a 200-layer network never blocks the editor. */
import * as Comlink from 'comlink';
import ELK from 'elkjs/lib/elk.bundled.js';
import { layeredLayout } from '../src/pipeline/layeredLayout.ts';
import type { LayoutApi } from '../src/pipeline/protocol.ts';

const elk = new ELK();

const api: LayoutApi = {
  layout: (nodes, edges, aspectRatio) => layeredLayout(elk, nodes, edges, aspectRatio),
};

Comlink.expose(api);

/**
 * One place on a page read on demand, as a table or as a figure: a region the reader passed over, or a box
 * the person drew. The person asked, so every reading comes back whatever its confidence, with a note
 * saying how it went; nothing here decides what counts as a design.
 */
import { encode as encodePng } from 'fast-png';
import { readFigure } from '../diagrams/index.ts';
import { groupLines, type Box, type PaperDocument, type Region } from '../paper/index.ts';
import { splitSentences } from '../prose/index.ts';
import { tableToGraphs } from '../tables/index.ts';
import { blockStyleOf, taskOutputsOf } from './extract.ts';
import { hasText, renderScale, type BitmapFigures } from './extractFigures.ts';
import type { RegionReading, RegionRequest } from './protocol.ts';
import { roundBox } from '../geometry/index.ts';

const centreIn = ([x0, y0, x1, y1]: Box, b: Box) => (b[0] + b[2]) / 2 >= x0 && (b[0] + b[2]) / 2 <= x1 && (b[1] + b[3]) / 2 >= y0 && (b[1] + b[3]) / 2 <= y1;

export async function readRegionAs(doc: PaperDocument, request: RegionRequest, bitmaps?: BitmapFigures): Promise<RegionReading> {
  const page = doc.pages.find((p) => p.number === request.page);
  if (!page) throw new Error(`page ${request.page} was not read (the document has ${doc.pages.length} pages read)`);
  const bbox = roundBox(request.bbox);
  const source = { page: page.number, caption: request.caption, bbox };
  if (request.as === 'table') {
    const region: Region = {
      kind: 'table',
      page: page.number,
      caption: { kind: 'table', label: request.label, text: request.caption ?? '', box: bbox, size: 0, page: page.number },
      box: bbox,
      lines: groupLines(page.texts.filter((t) => centreIn(bbox, t.box))),
      vector: true,
      raster: false,
    };
    const allText = doc.pages.map((p) => p.texts.map((t) => t.str).join(' ')).join(' ');
    const reading = tableToGraphs(region, page, blockStyleOf(allText), taskOutputsOf(splitSentences(doc.pages)));
    const designs = reading.designs.map((d) => ({
      ...d.graph,
      source: { ...source, kind: 'table' as const },
      warnings: [...(d.graph.warnings ?? []), ...d.errors],
    }));
    const c = reading.classification;
    const note = `${c.architecture ? 'architecture' : 'results'} table (${c.score.toFixed(2)}), ${reading.grid.cells.length} cells: ${designs.length ? `${designs.length} network${designs.length === 1 ? '' : 's'} read` : 'no network of 2+ layers with weights read'}`;
    return { designs, note };
  }
  let render: Uint8Array | undefined;
  if (!hasText(page, bbox)) {
    if (!bitmaps) return { designs: [], note: 'no text in the box, and bitmaps cannot be read here' };
    const image = await bitmaps.render(page.number, bbox, renderScale(page, bbox));
    render = encodePng({ width: image.width, height: image.height, data: image.data, channels: 4, depth: 8 });
  }
  const { graph, warnings } = await readFigure(
    { kind: 'page', page, bbox, caption: request.caption, name: request.label, ...(render ? { render } : {}) },
    render && bitmaps ? bitmaps.reader : {},
  );
  const design = { ...graph, source: { ...source, kind: 'figure' as const } };
  const note = `${render ? 'bitmap' : 'vector'} figure: ${graph.layers.length} layers read (confidence ${(graph.confidence ?? 0).toFixed(2)})${warnings.length ? `; ${warnings.slice(0, 2).join('; ')}` : ''}`;
  return { designs: graph.layers.length ? [design] : [], note };
}

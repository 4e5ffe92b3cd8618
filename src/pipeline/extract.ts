/**
 * PDF bytes → designs: page model, captioned regions, tables read into graphs, architecture prose read into
 * graphs, table and text readings of the same network fused. Runs in Node and in a worker alike (no I/O).
 */
import { validateGraph, type Graph } from '../graph/index.ts';
import { findCaptions, findRegions, finishPages, readDocument, type Page, type ReadOptions, type Region } from '../paper/index.ts';
import { settingsRows, tableToGraphs, type BlockStyle, type TableClass } from '../tables/index.ts';
import { proseToGraphs, readConventions, splitSentences, type Conventions, type Sentence } from '../prose/index.ts';
import { classCountsIn, proseForm, transformerConfigOf, transformerGraph, transformerKind, type TransformerConfig } from '../reading/index.ts';
import { applyConventions, describesSame, fuse, type StatedConvention } from './extractFuse.ts';
import { hasText, readBitmapFigures, readVectorFigures, type BitmapFigures, type BitmapTiming, type FigureCandidate } from './extractFigures.ts';
import type { FoundRegion, ProgressFn, RegionVerdict } from './protocol.ts';
import { roundBox } from '../geometry/index.ts';

export type { BitmapFigures, BitmapTiming } from './extractFigures.ts';

export interface ExtractOptions extends ReadOptions {
  onProgress?: ProgressFn;
  /** Read figures as diagrams too (default true); a reading is kept only when it is convincing. */
  figures?: boolean;
  /**
   * How to read bitmap figures (placed images, or drawings whose labels are outlines, not text): render,
   * classify, OCR. Without it those figures are listed as regions but not read.
   */
  bitmaps?: BitmapFigures;
  /**
   * Called as each stage ends with the designs it kept, so a reader can show them before the whole paper is read:
   * tables and text first, vector figures next, bitmap figures last. Every design reaches it once.
   */
  onDesigns?: (batch: DesignBatch) => void;
  /**
   * Called once, as soon as a table on the pages read so far gives designs, before the rest of the paper is read:
   * stand-ins, read with what those pages tell (running headers, body size, block style, class count,
   * conventions), which the first `onDesigns` batch replaces. Their reading is skipped when this is not given.
   */
  onProvisional?: (designs: Graph[]) => void;
}

/** The designs one stage kept, with the regions as far as they are read (a figure yet to come has no verdict). */
export interface DesignBatch {
  stage: 'tables and text' | 'vector figures' | 'bitmap figures';
  designs: Graph[];
  regions: FoundRegion[];
}

export interface Extraction {
  designs: Graph[];
  regions: FoundRegion[];
  warnings: string[];
  /** Pages read / pages in the file. */
  pagesRead: number;
  pageCount: number;
  /** Time spent per bitmap figure (render, classify, read), for benchmarks. */
  bitmapTimings: BitmapTiming[];
}

/** How the paper's bracketed blocks connect, from its own words. */
export function blockStyleOf(text: string): BlockStyle {
  const residual = (text.match(/\bresidual|\bshortcut|identity mapping/gi) ?? []).length;
  const dense = (text.match(/dense block|densely connected|\bdensenet/gi) ?? []).length;
  if (dense > residual && dense >= 2) return 'dense';
  return residual >= 2 ? 'residual' : 'plain';
}

/** "(6 layers, d=512, 8 heads)": the settings a block-library design was built from, as its name gives them. */
const settingsOf = (graph: Graph) => /\(\d+ layers, d=\d+, \d+ heads\)$/.exec(graph.name)?.[0];

/** The class count the paper states most often: the output width of networks stated without it. */
export function taskOutputsOf(sentences: Sentence[]): number | undefined {
  const tally = new Map<number, number>();
  for (const s of sentences) for (const n of classCountsIn(proseForm(s.text))) tally.set(n, (tally.get(n) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function statedConventions(c: Conventions): StatedConvention | undefined {
  // One activation for the hidden layers, when every statement of one names the same function.
  const activationFns = new Set(c.activations?.map((a) => a.fn));
  const activation = activationFns.size === 1 ? c.activations![0]! : undefined;
  const sentences = [c.pool?.sentence, c.samePadding?.sentence, c.batchNormAfterConv?.sentence, activation?.sentence].filter((s) => s !== undefined);
  if (sentences.length === 0) return undefined;
  return {
    ...(c.pool ? { pool: { pool: c.pool.pool, ...(c.pool.stride ? { stride: c.pool.stride } : {}) } } : {}),
    ...(c.samePadding ? { samePadding: true } : {}),
    ...(c.batchNormAfterConv ? { batchNormAfterConv: true } : {}),
    ...(activation ? { hiddenActivation: activation.fn } : {}),
    sources: [...new Set(sentences)].map((s) => ({ page: s.page, text: s.text, bbox: roundBox(s.box) })),
  };
}

function describeRegion(region: Region): FoundRegion {
  const kind = region.kind === 'figure' ? `figure:${region.raster ? 'raster' : 'vector'}` : 'table';
  return { page: region.page, kind, bbox: roundBox(region.box), caption: region.caption.text };
}

/** A table's verdict: what kind of table the classifier saw, and what was kept from it or why nothing was. */
function tableVerdict(c: TableClass, kept: number, leftOut: number): RegionVerdict {
  const kind = `${c.architecture ? 'architecture' : 'results'} table (${c.score.toFixed(2)})`;
  const invalid = leftOut ? `${leftOut} network${leftOut === 1 ? '' : 's'} read but left out (${leftOut === 1 ? 'it does' : 'they do'} not validate)` : '';
  if (kept) return { designs: kept, reason: `${kind}: ${kept} design${kept === 1 ? '' : 's'}${invalid ? `; ${invalid}` : ''}` };
  if (invalid) return { designs: 0, reason: `${kind}: ${invalid}` };
  const { layerCells, cells } = c.features;
  if (!layerCells) return { designs: 0, reason: `${kind}: no layer words` };
  if (!c.architecture) return { designs: 0, reason: `${kind}: only ${layerCells} of ${cells} cells name layers` };
  return { designs: 0, reason: `${kind}: no network of 2+ layers with weights read` };
}

/** Belt and braces: nothing that fails validation leaves the pipeline. */
const keepValid = (designs: Graph[]): Graph[] => designs.filter((d) => validateGraph(d).every((issue) => issue.severity !== 'error'));

/** What reading a table takes from the rest of the paper's text. */
interface TableContext {
  style: BlockStyle;
  taskOutputs: number | undefined;
  kind: TransformerConfig['kind'] | undefined;
}

function tableContext(pages: Page[], sentences: Sentence[]): TableContext {
  return {
    style: blockStyleOf(pages.map((p) => p.texts.map((t) => t.str).join(' ')).join(' ')),
    taskOutputs: taskOutputsOf(sentences),
    kind: transformerKind(sentences.map((x) => proseForm(x.text))),
  };
}

/** The designs one table region gives, and its verdict; networks read there that do not validate are left out, with a warning. */
function readTable(region: Region, page: Page, context: TableContext, warnings: string[]): { designs: Graph[]; verdict: RegionVerdict } {
  const designs: Graph[] = [];
  let leftOut = 0;
  // A table of model settings (layers, width, heads) names standard blocks: the block library builds them.
  if (context.kind) {
    for (const row of settingsRows(region, page)) {
      const config = transformerConfigOf(row.settings, {}, context.kind, row.name, []);
      if (!config) continue;
      const graph = transformerGraph(config, { page: page.number, kind: 'table', caption: region.caption.text, bbox: roundBox(region.box) });
      graph.name = `${region.caption.label}: ${graph.name}`;
      graph.confidence = 0.8;
      designs.push(graph);
    }
  }
  const reading = tableToGraphs(region, page, context.style, context.taskOutputs);
  for (const design of reading.designs) {
    if (design.errors.length) {
      leftOut++;
      warnings.push(
        `page ${page.number}, ${region.caption.label} (${design.graph.name}): left out, it does not validate: ${design.errors.slice(0, 2).join('; ')}`,
      );
      continue;
    }
    const coverage = design.draft.totalCells ? design.draft.readCells / design.draft.totalCells : 0;
    // A table reading is never certain: 0.95 at most, for a table classified surely and read in full.
    design.graph.confidence = Math.round(Math.min(0.95, 0.3 + 0.4 * reading.classification.score + 0.25 * coverage) * 100) / 100;
    const { readCells, totalCells } = design.draft;
    if (readCells < totalCells)
      design.graph.warnings = [...(design.graph.warnings ?? []), `${totalCells - readCells} of ${totalCells} layer cells of ${region.caption.label} not read`];
    designs.push(design.graph);
  }
  return { designs, verdict: tableVerdict(reading.classification, designs.length, leftOut) };
}

/** Table designs with the conventions the text states (pooling, padding, batch norm, activation) applied, the invalid left out. */
function withConventions(tableDesigns: Graph[], conventions: Conventions): Graph[] {
  const stated = statedConventions(conventions);
  return keepValid(stated ? tableDesigns.map((d) => (d.source?.kind === 'table' ? applyConventions(d, stated) : d)) : tableDesigns);
}

/**
 * Stand-in designs from the tables on the last of the pages read so far, read as the whole paper will be but
 * with only those pages to judge headers, body size and wording by. Works on a copy: the pages are the reader's.
 */
function provisionalTables(pagesSoFar: readonly Page[]): Graph[] {
  const last = pagesSoFar.at(-1);
  if (!last || !findCaptions(last).some((c) => c.kind === 'table')) return [];
  const pages = structuredClone(pagesSoFar) as Page[];
  finishPages(pages);
  const page = pages.at(-1)!;
  const sentences = splitSentences(pages);
  const context = tableContext(pages, sentences);
  const designs = findRegions(page)
    .filter((region) => region.kind === 'table')
    .flatMap((region) => readTable(region, page, context, []).designs);
  return designs.length ? withConventions(designs, readConventions(sentences)) : [];
}

export async function extractDesigns(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Extraction> {
  const progress = options.onProgress ?? (() => {});
  progress({ stage: 'pages', fraction: 0, message: 'reading pages' });
  // Provisional designs come from the first table that gives any: each reading of one costs the pages read so far
  // again, and what they are for is showing something at once; the tables after it come with the first stage.
  let provisional = options.onProvisional;
  const onPageRead = (pages: readonly Page[]): void => {
    options.onPageRead?.(pages);
    const designs = provisional ? provisionalTables(pages) : [];
    if (!designs.length) return;
    provisional!(designs);
    provisional = undefined;
  };
  const doc = await readDocument(bytes, { ...options, onPageRead });
  const warnings = [...doc.warnings];
  const sentences = splitSentences(doc.pages);
  const context = tableContext(doc.pages, sentences);
  const regions: FoundRegion[] = [];
  const tableDesigns: Graph[] = [];
  const vectorFigures: FigureCandidate[] = [];
  const bitmapFigures: FigureCandidate[] = [];
  doc.pages.forEach((page, i) => {
    progress({ stage: 'regions', fraction: (i + 1) / doc.pages.length, message: `page ${page.number}` });
    for (const region of findRegions(page)) {
      const found = describeRegion(region);
      regions.push(found);
      if (region.kind === 'figure') {
        if (options.figures === false) continue;
        // A drawing without any text in it has nothing for the vector reader: its labels are pixels or outlines.
        if (region.raster || !hasText(page, region.box)) {
          bitmapFigures.push({ page, region, found });
          // With a bitmap reader, the classifier's verdict comes in the bitmap stage.
          if (!options.bitmaps) found.verdict = { designs: 0, reason: 'bitmap figure: not read (no bitmap reader here)' };
        } else if (region.vector) vectorFigures.push({ page, region, found });
        else found.verdict = { designs: 0, reason: 'figure: text without drawing, nothing to read' };
        continue;
      }
      const table = readTable(region, page, context, warnings);
      tableDesigns.push(...table.designs);
      found.verdict = table.verdict;
    }
  });
  progress({ stage: 'text', message: 'reading architecture sentences' });
  const textDesigns: Graph[] = [];
  const conventions = readConventions(sentences);
  for (const prose of proseToGraphs(doc.pages, { sentences, conventions })) {
    if (prose.errors.length) {
      warnings.push(`page ${prose.graph.source?.page}, text: left out, it does not validate: ${prose.errors.slice(0, 2).join('; ')}`);
      continue;
    }
    const stated = prose.graph.layers.filter((l) => !l.inferred?.includes('*')).length;
    prose.graph.confidence = Math.round(Math.min(0.75, 0.3 + 0.05 * stated) * 100) / 100;
    // A transformer the text states with the same settings as a table row is that row.
    const settings = settingsOf(prose.graph);
    if (settings) {
      if (![...tableDesigns, ...textDesigns].some((d) => settingsOf(d) === settings)) textDesigns.push(prose.graph);
      continue;
    }
    const match = tableDesigns.findIndex((d) => d.source?.kind === 'table' && describesSame(d, prose.graph));
    if (match >= 0) tableDesigns[match] = fuse(tableDesigns[match]!, prose.graph);
    else textDesigns.push(prose.graph);
  }
  const tables = withConventions(tableDesigns, conventions);
  const texts = keepValid(textDesigns);
  const stage = (name: DesignBatch['stage'], designs: Graph[]): void => options.onDesigns?.({ stage: name, designs, regions: structuredClone(regions) });
  stage('tables and text', [...tables, ...texts]);

  progress({ stage: 'figures', message: `reading ${vectorFigures.length} vector figure(s)` });
  const figureDesigns = keepValid(await readVectorFigures(vectorFigures, warnings, progress));
  stage('vector figures', figureDesigns);
  let bitmapTimings: BitmapTiming[] = [];
  if (options.bitmaps && bitmapFigures.length) {
    const read = await readBitmapFigures(bitmapFigures, options.bitmaps, warnings, progress);
    const kept = keepValid(read.designs);
    stage('bitmap figures', kept);
    figureDesigns.push(...kept);
    bitmapTimings = read.timings;
  }
  // The order designs have always come in: tables, figures, then what only the text states.
  const valid = [...tables, ...figureDesigns, ...texts];
  progress({ stage: 'done', fraction: 1, message: `${valid.length} design(s)` });
  return { designs: valid, regions, warnings, pagesRead: doc.pages.length, pageCount: doc.pageCount, bitmapTimings };
}

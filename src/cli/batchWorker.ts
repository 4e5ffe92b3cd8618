/**
 * The worker side of `batch` (see isolate.ts): one paper per task — its title and authors, the reading of
 * extractTask.ts, and on request each design's code bundle — so a paper over a limit stops only its own worker.
 */
import { bundleZip } from '../codegen/index.ts';
import { paperInfo } from '../collection/index.ts';
import { loadDefaultPdfjs } from '../paper/index.ts';
import { extractTask, type ExtractTask } from './extractTask.ts';
import { serveTask, type Report } from './isolate.ts';
import type { Extraction } from '../pipeline/extract.ts';

export interface BatchTask extends ExtractTask {
  /** Also build each design's code bundle (ZIP). */
  zips: boolean;
}

export interface BatchResult extends Omit<Extraction, 'bitmapTimings'> {
  title?: string;
  authors?: string;
  /** One per design when asked for: the bundle, or why there is none. */
  zips?: (Uint8Array | { error: string })[];
}

/** Title and metadata: one page of text. A code bundle: pure JS over a graph. */
const INFO_ALLOW_MS = 20_000;
const ZIP_ALLOW_MS = 60_000;

async function batchTask(task: BatchTask, report: Report): Promise<BatchResult> {
  report('title and authors', INFO_ALLOW_MS);
  const info = await paperInfo(task.bytes, await loadDefaultPdfjs());
  const { bitmapTimings: _timings, ...extraction } = await extractTask(task, report);
  if (!task.zips) return { ...extraction, ...info };
  const zips: BatchResult['zips'] = [];
  for (const [i, graph] of extraction.designs.entries()) {
    report(`code bundle of design ${i + 1}`, ZIP_ALLOW_MS);
    // Placeholder weights: seeded ones run to hundreds of MB per design, too much for thousands of papers.
    zips.push(await bundleZip(graph, undefined, { weights: 'placeholder' }).catch((error: Error) => ({ error: error.message })));
  }
  return { ...extraction, ...info, zips };
}

serveTask(batchTask);

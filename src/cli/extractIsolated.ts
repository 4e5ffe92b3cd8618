/** `extract`'s reading, run in a worker thread within limits (isolate.ts, extractWorker.ts); a stuck page is left out (skipStuckPages.ts). */
import type { Extraction } from '../pipeline/extract.ts';
import type { ExtractTask } from './extractTask.ts';
import { IsolatedWorker, type IsolationLimits } from './isolate.ts';
import { runSkippingStuckPages } from './skipStuckPages.ts';

/**
 * Heap and resident memory: a 60-page paper with bitmap figures peaks near 1 GB; the caps leave room and stop
 * what the hostile PDFs reached (4-8 GB). Time: pages have their own allowances (extractTask.ts).
 */
export const EXTRACT_LIMITS: IsolationLimits = { heapMb: 2048, rssMb: 3072, totalMs: 600_000, startMs: 60_000 };

export async function extractIsolated(task: ExtractTask, limits: IsolationLimits = EXTRACT_LIMITS): Promise<Extraction> {
  const worker = new IsolatedWorker('extractWorker');
  try {
    return await runSkippingStuckPages<ExtractTask, Extraction>(worker, task, limits);
  } finally {
    await worker.close();
  }
}

/**
 * A stuck page costs that page, not the document, and a stuck bitmap figure step (rendering, classifying or
 * reading one figure) costs that figure: when a step working on one page trips its own limit (time,
 * heap, memory), the worker is ended (IsolatedWorker) and the task runs again in a fresh one with that page left out, and the result says which page
 * was left out and which limit it passed. The document's time limit holds across the runs; a document whose every
 * page is stuck, or with more stuck pages than MAX_SKIPPED_PAGES, still fails with the limit that tripped.
 */
import type { ExtractTask } from './extractTask.ts';
import { LimitError, type IsolatedWorker, type IsolationLimits } from './isolate.ts';

const MAX_SKIPPED_PAGES = 5;
const MAX_SKIPPED_FIGURES = 5;
/** The reader stops itself (keeping the pages read, with a warning) at this share of the time left, before the supervisor ends it. */
const READER_SHARE_OF_TIME = 0.9;

export async function runSkippingStuckPages<I extends ExtractTask, O extends { warnings: string[] }>(
  worker: IsolatedWorker,
  task: I,
  limits: IsolationLimits,
): Promise<O> {
  const started = Date.now();
  const skipped: string[] = [];
  const skipPages = [...(task.skipPages ?? [])];
  const skipFigures = [...(task.skipFigures ?? [])];
  for (;;) {
    // (an error still names the document's whole limit, not what was left of it)
    const left = { ...limits, totalMs: limits.totalMs - (Date.now() - started), statedTotalMs: limits.statedTotalMs ?? limits.totalMs };
    try {
      const documentTimeMs = task.documentTimeMs ?? Math.max(1, Math.floor(left.totalMs * READER_SHARE_OF_TIME));
      const result = await worker.run<I, O>(
        { ...task, documentTimeMs, ...(skipPages.length ? { skipPages } : {}), ...(skipFigures.length ? { skipFigures } : {}) },
        left,
      );
      return { ...result, warnings: [...skipped, ...result.warnings] };
    } catch (error) {
      const page = error instanceof LimitError && error.limit === 'step' ? error.step.page : undefined;
      const figure = page?.figure;
      if (figure !== undefined) {
        if (skipFigures.length >= MAX_SKIPPED_FIGURES || skipFigures.includes(figure)) throw error;
        skipFigures.push(figure);
        const { step, reason } = error as LimitError;
        skipped.push(`${figure} left out (${step.label}: ${reason}); the rest of the paper was read`);
        continue;
      }
      const allStuck = page?.count !== undefined && skipPages.length + 1 >= page.count;
      if (!page || allStuck || skipPages.length >= MAX_SKIPPED_PAGES || skipPages.includes(page.number)) throw error;
      skipPages.push(page.number);
      const { step, reason } = error as LimitError;
      skipped.push(`page ${page.number} left out (${step.label}: ${reason}); the other pages were read`);
    }
  }
}

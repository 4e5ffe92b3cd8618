/**
 * Runs a task over untrusted input (a PDF, an image) in a worker thread with real limits. A long decode
 * inside pdf.js blocks the thread it runs in, timers included, so budgets kept by the reading code itself
 * cannot hold; the limits here are kept by this thread, which stays free:
 * - the worker's V8 heap is capped (resourceLimits);
 * - the process's resident memory is watched, for buffers outside the heap (inflated streams, pixels): what the
 *   task adds over the process's memory when it started, so memory a previous task left behind (a terminated
 *   worker's pages not yet returned) is not charged to the next;
 * - each step the task announces (`report(label, allowMs)`) must end within its allowance, and the whole task
 *   within `totalMs`; otherwise the worker is terminated and a LimitError names the step and the limit.
 */
import { existsSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface IsolationLimits {
  /** Old-generation heap of the worker, MB. */
  heapMb: number;
  /** Resident memory the task may add to the process over what it held when the task started, MB. */
  rssMb: number;
  /** The whole task, ms. */
  totalMs: number;
  /** Until the task's first report (loading its modules), ms. */
  startMs: number;
}

/** The page of a document a step works on, and how many pages the document has, when known. */
export interface StepPage {
  number: number;
  count?: number;
}

/** A limit tripped: the task was stopped. */
export class LimitError extends Error {
  override name = 'LimitError';

  constructor(
    /** The limit and how it was passed, e.g. "took longer than 15000 ms (the limit for this step)". */
    readonly reason: string,
    readonly step: { label: string; page?: StepPage },
    /** Which limit: the step's own (time or memory) or the whole task's time. */
    readonly limit: 'step' | 'task',
  ) {
    super(`${step.label}: ${reason}; the reading was stopped`);
  }
}

/** What a task reports as it starts each step: the step's name, how long it may take, and its page if it has one. */
export type Report = (label: string, allowMs: number, page?: StepPage) => void;

type FromWorker = { type: 'step'; label: string; allowMs: number; page?: StepPage } | { type: 'result'; value: unknown } | { type: 'error'; message: string };

/**
 * The worker's module: built beside this one (build/cli/<name>.js) when the CLI is built with it as an entry,
 * else its TypeScript source, loaded through tsx. Both trees are two folders deep, so `../../src` holds in both.
 */
export function workerStart(name: string): { file: URL; entry?: string } {
  const built = new URL(`./${name}.js`, import.meta.url);
  if (!import.meta.url.endsWith('.ts') && existsSync(built)) return { file: built };
  return { file: new URL('../../src/cli/workerBoot.mjs', import.meta.url), entry: new URL(`../../src/cli/${name}.ts`, import.meta.url).href };
}
const RSS_POLL_MS = 100;
/** How long a terminated worker may take to go before the result is given anyway. */
const TERMINATE_WAIT_MS = 5_000;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Runs the task that module src/cli/<name>.ts serves (see serveTask) on `input`, within `limits`. */
export function runIsolated<I, O>(name: string, input: I, limits: IsolationLimits): Promise<O> {
  const { file, entry } = workerStart(name);
  const worker = new Worker(file, {
    workerData: { entry, input },
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    stdout: false,
    stderr: false,
  });
  return new Promise<O>((resolve, reject) => {
    let step: { label: string; allowMs: number; at: number; page?: StepPage } = { label: 'starting', allowMs: limits.startMs, at: Date.now() };
    const started = Date.now();
    const baseRss = process.memoryUsage.rss();
    let peakRss = 0;
    let settled = false;
    // The result is given once the worker has gone, so a task run next (a retry without a stuck page) starts clean.
    const finish = (error: Error | undefined, value?: O) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      const gone = new Promise((done) => setTimeout(done, TERMINATE_WAIT_MS).unref());
      void Promise.race([worker.terminate().catch(() => undefined), gone]).then(() => (error ? reject(error) : resolve(value as O)));
    };
    const stop = (why: string, limit: LimitError['limit'] = 'step') =>
      finish(new LimitError(why, { label: step.label, ...(step.page ? { page: step.page } : {}) }, limit));
    const watch = setInterval(() => {
      const now = Date.now();
      const rss = process.memoryUsage.rss() - baseRss;
      peakRss = Math.max(peakRss, rss);
      if (rss > limits.rssMb * 2 ** 20) stop(`used more than ${limits.rssMb} MB of memory (the memory limit)`);
      else if (now - step.at > step.allowMs) stop(`took longer than ${step.allowMs} ms (the limit for this step)`);
      else if (now - started > limits.totalMs) stop(`the document took longer than ${limits.totalMs} ms (the per-document limit)`, 'task');
    }, RSS_POLL_MS);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'step') step = { label: message.label, allowMs: message.allowMs, at: Date.now(), ...(message.page ? { page: message.page } : {}) };
      else if (message.type === 'result') finish(undefined, message.value as O);
      else finish(new Error(message.message));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') stop(`needed more than ${limits.heapMb} MB of heap (the memory limit)`);
      else finish(error);
    });
    worker.on('exit', (code) => finish(new Error(`the worker stopped unexpectedly (exit code ${code}, peak ${mb(peakRss)} MB over the start)`)));
  });
}

/** The worker side: runs `task` on the input runIsolated passed, posting its steps and its result or error. */
export function serveTask<I, O>(task: (input: I, report: Report) => Promise<O>): void {
  if (isMainThread || !parentPort) throw new Error('serveTask runs only in a worker started by runIsolated');
  const port = parentPort;
  const report: Report = (label, allowMs, page) => port.postMessage({ type: 'step', label, allowMs, ...(page ? { page } : {}) } satisfies FromWorker);
  task((workerData as { input: I }).input, report).then(
    (value) => port.postMessage({ type: 'result', value } satisfies FromWorker),
    (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
  );
}
